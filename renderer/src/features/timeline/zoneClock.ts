import { scaleUtc } from 'd3-scale';
import type { TimelineBucket } from '../../../../shared/timeline/dto';

// The officer's zone on the timeline's axis. Times arrive in UTC; the axis shows the zone's wall
// clock. d3-scale's UTC scale over wall times ("the zone's clock reading written as UTC") gives
// ticks on the zone's calendar (midnights, Mondays, months), labelled through Intl in the UI
// language. One offset per view (the view's middle): a change of offset inside the view shifts
// its labels by that hour at most until the next redraw.

export function zoneOffset(zone: string, t: number): number {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(t / 1000) * 1000;
}

export interface Tick {
  t: number;
  label: string;
}

const YEAR = 365 * 86_400_000;
function labelFormat(step: number, locale: string): Intl.DateTimeFormat {
  const o: Intl.DateTimeFormatOptions =
    step >= YEAR * 0.9
      ? { year: 'numeric' }
      : step >= 27 * 86_400_000
        ? { month: 'short', year: 'numeric' }
        : step >= 86_400_000
          ? { day: 'numeric', month: 'short' }
          : step >= 60_000
            ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }
            : { hour: '2-digit', minute: '2-digit', second: '2-digit' };
  return new Intl.DateTimeFormat(locale, { ...o, timeZone: 'UTC' });
}

/** Ticks of [t0, t1] (UTC instants) for a width in pixels, on the zone's calendar. */
export function ticks(t0: number, t1: number, width: number, zone: string, locale: string): Tick[] {
  const off = zoneOffset(zone, (t0 + t1) / 2);
  const scale = scaleUtc().domain([new Date(t0 + off), new Date(t1 + off)]);
  const walls = scale.ticks(Math.max(2, Math.floor(width / 110)));
  const step = walls.length > 1 ? walls[1]!.getTime() - walls[0]!.getTime() : t1 - t0;
  const fmt = labelFormat(step, locale);
  return walls.map((w) => ({ t: w.getTime() - off, label: fmt.format(w) }));
}

/** The calendar day (YYYY-MM-DD) of an instant in the zone. */
export function dayIn(zone: string, t: number): string {
  return new Date(t + zoneOffset(zone, t)).toISOString().slice(0, 10);
}

/** The histogram's bucket for a view's span (ms): a few hundred bars at most on a wide screen. */
export function bucketFor(span: number): TimelineBucket {
  const DAY = 86_400_000;
  return span <= 4 * DAY ? 'hour' : span <= 150 * DAY ? 'day' : span <= 3 * 365 * DAY ? 'week' : 'month';
}
