import { CordonError } from '../../../shared/errors';

// Time for cooperation records: calendar days as YYYY-MM-DD, the action-day timeline as instants
// in UTC with the IANA zone each country shows them in. Zones are checked against the runtime's
// own zone database (Intl), so nothing is looked up over the network.

/** The zone's canonical spelling, or a clear refusal. */
export function checkTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new CordonError('INVALID_INPUT', `"${zone}" is not a time zone this workstation knows (use an IANA name such as Europe/Rome).`);
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClockAt(instant: number, zone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const asUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Minutes the zone is ahead of UTC at that instant. */
export function offsetMinutes(instant: number, zone: string): number {
  return Math.round((asUtc(wallClockAt(instant, zone)) - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/** A wall-clock time (YYYY-MM-DDTHH:mm) in a zone → the instant (ms since epoch). A time that does
 * not exist there (skipped by a daylight-saving change) is refused, never shifted silently. */
export function zonedToUtc(local: string, zone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new CordonError('INVALID_INPUT', `"${local}" is not a local time (YYYY-MM-DDTHH:mm).`);
  const want: WallClock = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]! };
  const guess = asUtc(want);
  const check = new Date(guess);
  if (want.hour > 23 || want.minute > 59 || check.getUTCDate() !== want.day || check.getUTCMonth() !== want.month - 1) {
    throw new CordonError('INVALID_INPUT', `"${local}" is not a time of the calendar.`);
  }
  // Two passes settle the offset on either side of a change; ambiguous times take the first.
  let instant = guess - offsetMinutes(guess, zone) * 60_000;
  instant = guess - offsetMinutes(instant, zone) * 60_000;
  const earlier = guess - offsetMinutes(instant - 3 * 3600_000, zone) * 60_000;
  if (earlier !== instant && asUtc(wallClockAt(earlier, zone)) === guess) instant = Math.min(instant, earlier);
  if (asUtc(wallClockAt(instant, zone)) !== guess) {
    throw new CordonError('INVALID_INPUT', `${local} does not exist in ${zone} (the clocks skip it for daylight saving).`);
  }
  return instant;
}

/** The instant on the zone's wall clock: "YYYY-MM-DD HH:mm". */
export function localText(instant: number, zone: string): string {
  const w = wallClockAt(instant, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** The day (UTC) of an as-of value, or of the clock. */
export function dayOf(asOf: string | undefined): string {
  const t = asOf === undefined ? Date.now() : Date.parse(asOf);
  return new Date(t).toISOString().slice(0, 10);
}
