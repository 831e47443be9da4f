import i18n from 'i18next';
import type { SourceView } from '../../shared/entities/dto';

// Dates and numbers are formatted by the UI language, never by hand (DESIGN.md §10).

const locale = (): string => i18n.resolvedLanguage ?? i18n.language ?? 'en';

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

/** 0.425 → "43%" (in the UI language). */
export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** Dates in property values may be partial (YYYY or YYYY-MM): format only what was stated. */
export function formatPartialDate(value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value.includes('T') ? formatDateTime(value) : value;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo ?? 1) - 1, Number(d ?? 1)));
  const opts: Intl.DateTimeFormatOptions = d
    ? { dateStyle: 'medium', timeZone: 'UTC' }
    : mo
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale(), opts).format(date);
}

export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames([locale()], { type: 'region', fallback: 'code' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "B2 · H1 · TLP:AMBER": a grading written the way analysts read it, each scheme's own codes. */
export function gradingLabel(s: Pick<SourceView, 'grade' | 'handling' | 'tlp'>): string {
  return [s.grade, s.handling, s.tlp ? `TLP:${s.tlp}` : null].filter(Boolean).join(' · ');
}
