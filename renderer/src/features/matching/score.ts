import { currentIntlTag } from '../../i18n';

/** A match score (0–1) as a percentage in the UI language. */
export function formatPercent(score: number): string {
  return new Intl.NumberFormat(currentIntlTag(), { style: 'percent', maximumFractionDigits: 0 }).format(score);
}
