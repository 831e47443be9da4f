import type { SourceView } from '../../shared/entities/dto';
import { currentIntlTag } from './i18n';

// Dates, times, numbers, durations and lists are formatted by the UI language through Intl, never
// by hand (DESIGN.md §10): Gregorian calendar always, Arabic-Indic or Latin digits in Arabic as the
// officer chose, and times in the officer's own time zone, which is named beside them.

const locale = (): string => currentIntlTag();

/** The workstation's IANA time zone (the officer's), e.g. "Europe/Paris". */
export function officerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(), options).format(n);
}

/** 0.425 → "43%" (in the UI language). */
export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** A date and time in the officer's time zone, with that zone's short name ("7 déc. 2026, 23:10 UTC+1"). */
export function formatDateTime(iso: string, timeZone: string = officerTimeZone()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(d);
}

/** A calendar day (no time), e.g. an action day. */
export function formatDate(iso: string, timeZone: string = officerTimeZone()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone }).format(d);
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

/** "Alpha, Bravo and Charlie" / « Alpha, Bravo et Charlie » / «Alpha وBravo وCharlie». */
export function formatList(items: readonly string[], type: 'conjunction' | 'unit' = 'conjunction'): string {
  return new Intl.ListFormat(locale(), { style: type === 'unit' ? 'narrow' : 'long', type }).format(items);
}

type DurationFormatCtor = new (locale: string, options: { style: 'short' | 'narrow' | 'long' }) => { format(d: Record<string, number>): string };

/**
 * A duration in seconds as hours, minutes and seconds ("1 h, 5 min, 3 s"): Intl.DurationFormat
 * where the runtime has it (Chromium), else each unit through Intl.NumberFormat's units and a
 * unit list, which reads the same way.
 */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const parts = { hours: Math.floor(s / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
  const DF = (Intl as unknown as { DurationFormat?: DurationFormatCtor }).DurationFormat;
  if (DF) {
    const shown: Record<string, number> = {};
    for (const [k, v] of Object.entries(parts)) if (v > 0) shown[k] = v;
    if (Object.keys(shown).length === 0) shown.seconds = 0;
    return new DF(locale(), { style: 'short' }).format(shown);
  }
  const units = (['hours', 'minutes', 'seconds'] as const).filter((k) => parts[k] > 0);
  if (units.length === 0) units.push('seconds');
  const unitName = { hours: 'hour', minutes: 'minute', seconds: 'second' } as const;
  return formatList(
    units.map((k) => new Intl.NumberFormat(locale(), { style: 'unit', unit: unitName[k], unitDisplay: 'short' }).format(parts[k])),
    'unit',
  );
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
