import i18n from 'i18next';

/** A match score (0–1) as a percentage in the UI language. */
export function formatPercent(score: number): string {
  return new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en', { style: 'percent', maximumFractionDigits: 0 }).format(score);
}
