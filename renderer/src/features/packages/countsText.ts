import type { TFunction } from 'i18next';
import type { ExchangeCounts } from '../../../../shared/exchange/dto';

/** "2 entities · 1 link · 6 statements": each figure with its own plural, in the UI language. */
export function countsText(t: TFunction, counts: Partial<ExchangeCounts>, keys: ReadonlyArray<keyof ExchangeCounts>, skipZero = false): string {
  return keys
    .filter((k) => !skipZero || (counts[k] ?? 0) > 0)
    .map((k) => t(`packages.counts.${k}`, { count: counts[k] ?? 0 }))
    .join(' · ');
}
