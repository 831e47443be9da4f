import { utcDay, utcHour, utcMonday, utcMonth, type CountableTimeInterval } from 'd3-time';
import type { TimelineBucket, TimePrecision } from '../../../shared/timeline/dto';
import { CordonError } from '../../../shared/errors';
import { zoneOffsetSeconds } from '../comms/cdr/values';
import { checkTimeZone } from '../cooperation/time';

// Time in an IANA zone, for the timeline. Instants are milliseconds UTC. A "wall" time is the
// zone's clock reading written as if it were UTC, so d3-time's UTC intervals (utcDay, utcMonday,
// utcMonth) floor and step calendar days, ISO weeks and months of the zone: a day is one wall day
// whatever its length, so the 25-hour day of a change back to winter time is one bucket. Hours are
// floored on the instant (the repeated hour of that night is two buckets, told apart by their
// offsets). The zone's offsets come from Intl, looked up once per hour of UTC (comms/cdr/values.ts).

export const YEAR_MIN = 1900;
export const YEAR_MAX = 2100;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export class Zone {
  readonly name: string;
  private readonly starts = new Map<number, number>();
  constructor(name: string) {
    this.name = checkTimeZone(name);
  }

  /** The zone's offset from UTC at an instant, ms. */
  offset(t: number): number {
    return zoneOffsetSeconds(this.name, Math.floor(t / 1000)) * 1000;
  }

  wall(t: number): number {
    return t + this.offset(t);
  }

  /** The instant a wall time names: the earlier of two when clocks repeat it; when clocks skip it,
   * the instant they jump (so a day whose midnight does not exist starts when the day does). */
  fromWall(w: number): number {
    const before = this.offset(w - DAY);
    const after = this.offset(w + DAY);
    for (const o of before >= after ? [before, after] : [after, before]) if (this.offset(w - o) === o) return w - o;
    return w - before;
  }

  /** ISO 8601 of an instant as the zone's clock reads it, with the offset. */
  iso(t: number): string {
    const off = this.offset(t);
    const wall = new Date(t + off).toISOString().slice(0, 19);
    if (off === 0) return `${wall}Z`;
    const m = Math.abs(off) / 60_000;
    return `${wall}${off < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  }

  /** The start (an instant) of the bucket holding instant t. */
  bucketStart(bucket: TimelineBucket, t: number): number {
    if (bucket === 'hour') {
      const w = this.wall(t);
      return t - (w - utcHour.floor(new Date(w)).getTime());
    }
    const ws = WALL_INTERVAL[bucket].floor(new Date(this.wall(t))).getTime();
    let s = this.starts.get(ws);
    if (s === undefined) this.starts.set(ws, (s = this.fromWall(ws)));
    return s;
  }

  /** Every bucket start from the one holding lo to the one holding hi, or null past `max`. */
  bucketStarts(bucket: TimelineBucket, lo: number, hi: number, max: number): number[] | null {
    const out: number[] = [];
    if (bucket === 'hour') {
      for (let t = this.bucketStart('hour', lo); t <= hi; t += HOUR) {
        if (out.length >= max) return null;
        out.push(this.bucketStart('hour', t));
      }
      return out;
    }
    const interval = WALL_INTERVAL[bucket];
    const approx = (hi - lo) / APPROX_MS[bucket];
    if (approx > max + 2) return null;
    for (const d of interval.range(interval.floor(new Date(this.wall(lo))), new Date(this.wall(hi) + 1))) out.push(this.bucketStart(bucket, this.fromWall(d.getTime())));
    return out.length > max ? null : out;
  }
}

const WALL_INTERVAL: Record<Exclude<TimelineBucket, 'hour'>, CountableTimeInterval> = { day: utcDay, week: utcMonday, month: utcMonth };
const APPROX_MS: Record<Exclude<TimelineBucket, 'hour'>, number> = { day: DAY, week: 7 * DAY, month: 28 * DAY };

/** A zone by name, or a clear INVALID_INPUT naming it. */
export function zoneOf(name: string): Zone {
  return new Zone(name);
}

export type ReadDate = { t: number; precision: TimePrecision } | { reason: 'unreadable' | 'out-of-range' };

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * A date as the case writes it ("1994", "1994-03", "1994-03-20", "1994-03-20T10:00:00Z") → the
 * instant it starts. A calendar date is that date on the zone's calendar (a meeting on 5 March is
 * in the 5 March bucket wherever the reader is); a time without an offset is the zone's clock.
 */
export function readDate(zone: Zone, value: string): ReadDate {
  const m = DATE.exec(value.trim());
  if (!m) return { reason: 'unreadable' };
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  const [hh, mm, ss] = [m[4], m[5], m[6]].map((x) => (x ? Number(x) : 0)) as [number, number, number];
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  const wall = Date.UTC(year, month - 1, day, hh, mm, ss, ms);
  const d = new Date(wall);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day || hh > 23 || mm > 59 || ss > 59) return { reason: 'unreadable' };
  if (year < YEAR_MIN || year > YEAR_MAX) return { reason: 'out-of-range' };
  const precision: TimePrecision = m[4] ? 'time' : m[3] ? 'day' : m[2] ? 'month' : 'year';
  const z = m[8];
  if (!z) return { t: zone.fromWall(wall), precision };
  if (z === 'Z') return { t: wall, precision };
  const sign = z[0] === '-' ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  return { t: wall - sign * (Number(digits.slice(0, 2)) * HOUR + Number(digits.slice(2)) * 60_000), precision };
}

/** The last instant of a calendar value's period (a day's "to" takes the whole day). */
export function periodEnd(zone: Zone, start: number, precision: TimePrecision): number {
  if (precision === 'time') return start;
  const w = new Date(zone.wall(start));
  const [y, m, d] = [w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate()];
  const next = precision === 'day' ? Date.UTC(y, m, d + 1) : precision === 'month' ? Date.UTC(y, m + 1, 1) : Date.UTC(y + 1, 0, 1);
  return zone.fromWall(next) - 1;
}

/** The range asked for, in instants; clear errors for years outside 1900–2100 and from after to. */
export function readRange(zone: Zone, from: string | undefined, to: string | undefined): { lo: number; hi: number; restricted: boolean } {
  const at = (v: string, end: boolean, name: string) => {
    const r = readDate(zone, v);
    if ('reason' in r) {
      throw new CordonError(
        'INVALID_INPUT',
        r.reason === 'out-of-range' ? `--${name} ${v}: the timeline holds dates from ${YEAR_MIN} to ${YEAR_MAX}.` : `--${name} "${v}" is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:mm).`,
      );
    }
    return end ? periodEnd(zone, r.t, r.precision) : r.t;
  };
  const lo = from ? at(from, false, 'from') : Date.UTC(YEAR_MIN, 0, 1);
  const hi = to ? at(to, true, 'to') : Date.UTC(YEAR_MAX + 1, 0, 1) - 1;
  if (lo > hi) throw new CordonError('INVALID_INPUT', `The range starts (${from}) after it ends (${to}).`);
  return { lo, hi, restricted: Boolean(from || to) };
}
