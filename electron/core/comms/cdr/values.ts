import { checkTimeZone } from '../../cooperation/time';

// The values of a call record: its start (in the file's time zone → seconds UTC), its duration,
// its kind and direction in the operators' words. Each parse returns a number or the reason the
// value was refused, never a guess: 31/02 is refused, not rolled into March.

export const KIND = { other: 0, voice: 1, sms: 2, mms: 3, data: 4 } as const;
export type Kind = (typeof KIND)[keyof typeof KIND];
export const KIND_NAMES: Record<number, string> = { 0: 'other', 1: 'voice', 2: 'sms', 3: 'mms', 4: 'data' };

const fold = (v: string) =>
  v
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// Operators' words for the kind of record, and the direction some put in the same column
// (MOC/MTC: mobile originated/terminated call; SMS-MO/SMS-MT).
const KIND_WORDS: Array<[RegExp, Kind]> = [
  [/\bmms\b/, KIND.mms],
  [/\b(sms|texto|text|mensaje|message|sms mo|sms mt|smsmo|smsmt)\b/, KIND.sms],
  [/\b(data|donnees|datos|gprs|internet|ps|lte data|umts data|session|sesion|web)\b/, KIND.data],
  [/\b(voice|voix|voz|call|appel|llamada|tel|telephony|telephonie|moc|mtc|gsm|voip|volte|audio)\b/, KIND.voice],
];

/** A small cache per function: a CDR column of kinds or directions holds a handful of distinct values. */
function memo<T>(f: (raw: string) => T): (raw: string) => T {
  const m = new Map<string, T>();
  return (raw) => {
    let v = m.get(raw);
    if (v === undefined && !m.has(raw)) {
      if (m.size > 10_000) m.clear();
      m.set(raw, (v = f(raw)));
    }
    return v as T;
  };
}

export const parseKind = memo(kindOf);
export const parseDirection = memo(directionOf);

function kindOf(raw: string): Kind | null {
  const v = fold(raw);
  if (v === '') return null;
  for (const [re, k] of KIND_WORDS) if (re.test(v)) return k;
  return null;
}

/** 'in' when the target received the record, 'out' when it made it; null when the value says neither. */
function directionOf(raw: string): 'in' | 'out' | null {
  const v = fold(raw);
  if (v === '') return null;
  if (/\b(in|incoming|inbound|received|terminated|terminating|mt|mtc|sms mt|smsmt|i|e|entrant|entrante|recu|recue|reçu|entrada|recibida|recibido|entree)\b/.test(v)) return 'in';
  if (/\b(out|outgoing|outbound|sent|originated|originating|mo|moc|sms mo|smsmo|o|s|sortant|sortante|emis|emise|saliente|salida|enviada|enviado|sortie)\b/.test(v)) return 'out';
  return null;
}

export type Parsed = { ok: true; value: number } | { ok: false; reason: string };

/** Seconds: "125", "125.4", "2:05", "00:02:05". Negative, non-numeric or absurd values are refused. */
export function parseDuration(raw: string): Parsed {
  const v = raw.trim();
  if (v === '') return { ok: true, value: 0 };
  if (/^\d+(?:[.,]\d+)?$/.test(v)) return { ok: true, value: Math.round(Number(v.replace(',', '.'))) };
  const m = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/.exec(v);
  if (m) return { ok: true, value: Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) };
  if (/^-\s*\d/.test(v)) return { ok: false, reason: `the duration "${v}" is negative` };
  return { ok: false, reason: `the duration "${v}" is not a number of seconds or hh:mm:ss` };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+(\d{1,2})[:hH](\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})[ T]?(\d{2})(\d{2})(\d{2})?$/;
const TIME = /^(\d{1,2})[:hH](\d{2})(?::(\d{2}))?(?:[.,]\d+)?$/;

/**
 * A zone's offset from UTC at an instant, by one Intl formatter per zone made once: creating an
 * Intl.DateTimeFormat costs about 100 µs, which was a quarter of a CDR import when made per look-up
 * (cooperation/time.ts makes one per call; fine for its few times, not for a million rows).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offsets per zone and hour of UTC: every zone of Europe, the Americas and most of Asia changes its offset on a UTC hour. */
const hourly = new Map<string, Map<number, number>>();
export function zoneOffsetSeconds(zone: string, instantS: number): number {
  let byHour = hourly.get(zone);
  if (!byHour) hourly.set(zone, (byHour = new Map()));
  const h = Math.floor(instantS / 3600);
  let off = byHour.get(h);
  if (off === undefined) {
    if (byHour.size > 500_000) byHour.clear();
    byHour.set(h, (off = zoneOffsetAt(zone, h * 3600)));
  }
  return off;
}

function zoneOffsetAt(zone: string, instantS: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(instantS * 1000))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) / 1000 - Math.floor(instantS);
}

/**
 * Wall-clock times in one zone → seconds UTC. The zone's offset is looked up once per distinct hour
 * of the file (a year of records has 8,760 hours), so a million rows cost a few thousand look-ups.
 * DST changes happen on the hour in the zones Cordon's bureaus use. A wall-clock time the clocks
 * skip is refused; one they repeat (the hour after a change back) is read as the first of the two.
 */
export class StartParser {
  readonly zone: string;
  private readonly offsets = new Map<number, number | string>();
  constructor(
    zone: string,
    /** Day before month in slashed dates (Europe); false reads 03/04 as March 4 (US). */
    readonly dayFirst: boolean,
  ) {
    this.zone = checkTimeZone(zone);
  }

  /** The offset (seconds) of a wall-clock hour, or why it does not exist. */
  private hourOffset(wallHour: number): number | string {
    const wall = wallHour * 3600;
    const z = this.zone;
    // Candidates: the offsets an hour either side of the guess; the first that maps back wins.
    const a = zoneOffsetSeconds(z, wall - zoneOffsetSeconds(z, wall) - 3 * 3600);
    const b = zoneOffsetSeconds(z, wall - zoneOffsetSeconds(z, wall) + 3 * 3600);
    for (const off of a <= b ? [b, a] : [a, b]) {
      // The earlier instant of an ambiguous hour has the larger offset.
      if (zoneOffsetSeconds(z, wall - off) === off) return off;
    }
    const d = new Date(wall * 1000).toISOString();
    return `${d.slice(0, 10)} ${d.slice(11, 13)}:xx does not exist in ${z} (the clocks skip it for daylight saving)`;
  }

  private utc(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: string | undefined, raw: string): Parsed {
    if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && leap(y) ? 29 : DAYS[mo - 1]!)) return { ok: false, reason: `"${raw}" is not a date of the calendar` };
    if (h > 23 || mi > 59 || s > 59) return { ok: false, reason: `"${raw}" is not a time of day` };
    const wall = Date.UTC(y, mo - 1, d, h, mi, s) / 1000;
    if (offset !== undefined) {
      if (offset.toUpperCase() === 'Z') return { ok: true, value: wall };
      const sign = offset[0] === '-' ? -1 : 1;
      const digits = offset.slice(1).replace(':', '');
      return { ok: true, value: wall - sign * (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60) };
    }
    const hourKey = Math.floor(wall / 3600);
    let off = this.offsets.get(hourKey);
    if (off === undefined) this.offsets.set(hourKey, (off = this.hourOffset(hourKey)));
    if (typeof off === 'string') return { ok: false, reason: off };
    return { ok: true, value: wall - off };
  }

  /** A start from one column (date and time), or from a date column and a time column. */
  parse(dateRaw: string, timeRaw?: string): Parsed {
    const dv = dateRaw.trim();
    const tv = timeRaw?.trim() ?? '';
    if (dv === '') return { ok: false, reason: 'the start date is empty' };
    let h = 0;
    let mi = 0;
    let s = 0;
    if (tv !== '') {
      const t = TIME.exec(tv);
      if (!t) return { ok: false, reason: `"${tv}" is not a time (HH:mm or HH:mm:ss)` };
      h = Number(t[1]);
      mi = Number(t[2]);
      s = Number(t[3] ?? 0);
    }
    const iso = ISO.exec(dv);
    if (iso) {
      return this.utc(Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4] ? Number(iso[4]) : h, iso[5] ? Number(iso[5]) : mi, iso[6] ? Number(iso[6]) : iso[4] ? 0 : s, iso[7], dv);
    }
    const sl = SLASHED.exec(dv);
    if (sl) {
      let y = Number(sl[3]);
      if (sl[3]!.length === 2) y += y < 70 ? 2000 : 1900;
      const a = Number(sl[1]);
      const b = Number(sl[2]);
      const [d, mo] = this.dayFirst ? [a, b] : [b, a];
      return this.utc(y, mo, d, sl[4] ? Number(sl[4]) : h, sl[5] ? Number(sl[5]) : mi, sl[6] ? Number(sl[6]) : sl[4] ? 0 : s, undefined, dv);
    }
    const c = COMPACT.exec(dv);
    if (c) return this.utc(Number(c[1]), Number(c[2]), Number(c[3]), Number(c[4]), Number(c[5]), Number(c[6] ?? 0), undefined, dv);
    return { ok: false, reason: `"${dv}" is not a date and time this importer reads (YYYY-MM-DD HH:mm:ss, DD/MM/YYYY HH:mm:ss, YYYYMMDDHHmmss)` };
  }
}

/** Whether slashed dates in a sample are day-first: a first field above 12 says so, a second above 12 says not; Europe by default. */
export function guessDayFirst(samples: readonly string[]): boolean {
  for (const v of samples) {
    const m = SLASHED.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) return true;
    if (Number(m[2]) > 12) return false;
  }
  return true;
}

/** A cell identity as one string: CGI/ECGI as given (separators unified), or LAC-CI. */
const cellText = memo((c: string) => c.toUpperCase().replace(/[\s/:._-]+/g, '-'));
export function cellKey(cell: string, lac: string, ci: string): string | null {
  const c = cell.trim();
  if (c !== '') return cellText(c);
  const l = lac.trim();
  const i = ci.trim();
  if (l !== '' && i !== '') return `${l}-${i}`.toUpperCase();
  return null;
}
