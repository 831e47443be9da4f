import { currentIntlTag } from '../../i18n';

/** A file size in the UI language's units (kB, MB), rounded for reading, not for accounting. */
export function formatBytes(bytes: number): string {
  const locale = currentIntlTag();
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i += 1;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: i === 0 ? 0 : 1 }).format(v);
}
