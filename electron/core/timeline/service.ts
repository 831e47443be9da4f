import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ParsedInput } from '../../../shared/api';
import { CordonError } from '../../../shared/errors';
import type { TimelineBucketCount, TimelineEvent, TimelineEvents, TimelineHistogram, TimelineKind, TimelineLine } from '../../../shared/timeline/dto';
import { caseTimeZone } from '../comms/region';
import { commsEvents, commsQuarters, commsTimes } from './comms';
import { period, rhythm } from './rhythm';
import { canonicalIds, caseEvents, resolveEntities, type CaseEvent, type Scope } from './sources';
import { readRange, Zone } from './zone';

// timeline.histogram and timeline.events (shared/timeline/api.ts).

/** At most this many buckets in one histogram: ten years of days, or a year and a half of hours. */
export const MAX_BUCKETS = 20_000;

type ScopeInput = Pick<ParsedInput<'timeline.events'>, 'entities' | 'kinds' | 'from' | 'to' | 'timeZone'>;

function prepare(db: Database, input: ScopeInput) {
  const zone = new Zone(input.timeZone ?? caseTimeZone(db) ?? 'UTC');
  const range = readRange(zone, input.from, input.to);
  const canon = canonicalIds(db);
  const entities = resolveEntities(canon, input.entities);
  const scope: Scope = { entities: entities ? new Set(entities) : null, kinds: input.kinds ? new Set(input.kinds) : null, lo: range.lo, hi: range.hi };
  return { zone, range, canon, entities, scope };
}

const utc = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');

export function histogram(db: Database, input: ParsedInput<'timeline.histogram'>): TimelineHistogram {
  const { zone, range, canon, scope } = prepare(db, input);
  const bucket = input.bucket;
  const counts = new Map<number, { count: number; byKind: Partial<Record<TimelineKind, number>> }>();
  let min = Infinity;
  let max = -Infinity;
  let total = 0;
  const add = (t: number, kind: TimelineKind, n: number) => {
    const key = zone.bucketStart(bucket, t);
    let c = counts.get(key);
    if (!c) counts.set(key, (c = { count: 0, byKind: {} }));
    c.count += n;
    c.byKind[kind] = (c.byKind[kind] ?? 0) + n;
    total += n;
    if (t < min) min = t;
    if (t > max) max = t;
  };
  const { dated, undated } = caseEvents(db, zone, canon, scope);
  // A lasting event (a phase, a membership) counts once, where it starts (clipped to the range).
  for (const e of dated) add(Math.max(e.t, range.lo), e.kind, 1);
  commsQuarters(db, scope, (t, kind, n) => add(Math.max(t, range.lo), kind, n));
  const lo = range.restricted && input.from ? range.lo : min;
  const hi = range.restricted && input.to ? range.hi : max;
  const buckets: TimelineBucketCount[] = [];
  if (total > 0 || (input.from && input.to)) {
    const starts = zone.bucketStarts(bucket, lo, hi, MAX_BUCKETS);
    if (!starts) throw new CordonError('INVALID_INPUT', `More than ${MAX_BUCKETS} ${bucket}s between ${zone.iso(lo)} and ${zone.iso(hi)}: choose a wider bucket or a shorter range.`);
    for (const s of starts) {
      const c = counts.get(s);
      buckets.push({ start: zone.iso(s), count: c?.count ?? 0, byKind: c?.byKind ?? {} });
    }
  }
  return { timeZone: zone.name, bucket, buckets, total, undated: undated.length };
}

const toDto = (e: CaseEvent): TimelineEvent => ({ id: e.id, kind: e.kind, time: utc(e.t), end: e.end === null ? null : utc(e.end), precision: e.precision, entities: e.entities, label: e.label });

export function events(db: Database, input: ParsedInput<'timeline.events'>): TimelineEvents {
  const { zone, canon, entities, scope } = prepare(db, input);
  const { dated, undated } = caseEvents(db, zone, canon, scope);
  const comms = commsEvents(db, scope, canon, input.limit);
  const merged = [...dated, ...comms.events].sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = dated.length + comms.total;

  const lines: TimelineLine[] = [];
  if (entities) {
    const caption = db.prepare('SELECT caption FROM entities WHERE id = ?').pluck();
    const iso = (t: number) => utc(t);
    for (const id of entities) {
      const own = dated.filter((e) => e.entities.includes(id)).map((e): [number, number] => [e.t, e.end ?? e.t]);
      const spans = [...own, ...commsTimes(db, { ...scope, entities: new Set([id]) }).map((t): [number, number] => [t, t])].sort((a, b) => a[0] - b[0]);
      const times = spans.map((x) => x[0]);
      const r = rhythm(times, { gapMs: input.gapHours * 3_600_000, bucketOf: (t) => zone.bucketStart('day', t) }, spans.map((x) => x[1]));
      lines.push({
        entity: id,
        caption: (caption.get(id) as string | undefined) ?? id,
        events: times.length,
        first: times.length ? iso(times[0]!) : null,
        last: times.length ? iso(times.at(-1)!) : null,
        gaps: r.gaps.map((g) => period(iso, g)),
        bursts: r.bursts.map((b) => ({ ...period(iso, b), count: b.count, usual: b.usual })),
      });
    }
  }
  return { timeZone: zone.name, events: merged.slice(0, input.limit).map(toDto), total, truncated: total > input.limit, lines, undated };
}
