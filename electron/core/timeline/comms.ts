import type { Database } from 'better-sqlite3-multiple-ciphers';
import { EVENT_KINDS } from '../../../shared/comms/dto';
import type { TimelineKind } from '../../../shared/timeline/dto';
import type { CaseEvent, Scope } from './sources';

// Call records on the timeline: counted in SQL per quarter hour of UTC (a histogram never reads
// the events themselves), listed in SQL with a limit. comms_events.start is seconds UTC.

/** comms_events.kind (shared/comms/dto.ts EVENT_KINDS) → the timeline's kind. */
const KIND_OF: Record<(typeof EVENT_KINDS)[number], TimelineKind> = { other: 'comm', voice: 'call', sms: 'sms', mms: 'mms', data: 'data' };
const COMMS_KINDS = new Set<TimelineKind>(Object.values(KIND_OF));
export const kindOf = (k: number): TimelineKind => KIND_OF[EVENT_KINDS[k] ?? 'other'] ?? 'comm';

const QUARTER = 900;

interface Where {
  sql: string;
  params: Record<string, unknown>;
}

/** The WHERE clause of a scope over comms_events, or null when no call record can match. */
function where(db: Database, scope: Scope): Where | null {
  const kinds = scope.kinds ? EVENT_KINDS.map((k, i) => (scope.kinds!.has(KIND_OF[k]) ? i : -1)).filter((i) => i >= 0) : null;
  if (kinds && kinds.length === 0) return null;
  // With phones, their own indexes (caller, start) and (callee, start) read their events; the unary
  // + keeps SQLite from scanning the time index (migration 016) for them instead.
  const parts = ['ev.retracted = 0', scope.entities ? '+ev.start BETWEEN @lo AND @hi' : 'ev.start BETWEEN @lo AND @hi'];
  const params: Record<string, unknown> = { lo: Math.ceil(scope.lo / 1000), hi: Math.floor(scope.hi / 1000) };
  if (kinds) {
    parts.push('ev.kind IN (SELECT value FROM json_each(@kinds))');
    params.kinds = JSON.stringify(kinds);
  }
  if (scope.entities) {
    // The phones asked for and the phones merged into them.
    const rids = db
      .prepare('SELECT e.rid FROM entities e JOIN json_each(@ids) j ON j.value = COALESCE(e.canonical_id, e.id) WHERE e.deleted = 0')
      .pluck()
      .all({ ids: JSON.stringify([...scope.entities]) }) as number[];
    if (rids.length === 0) return null;
    parts.push('(ev.caller IN (SELECT value FROM json_each(@rids)) OR ev.callee IN (SELECT value FROM json_each(@rids)))');
    params.rids = JSON.stringify(rids);
  }
  return { sql: parts.join(' AND '), params };
}

export const wantsComms = (scope: Scope) => !scope.kinds || [...scope.kinds].some((k) => COMMS_KINDS.has(k));

/** Counts per quarter hour (start of the quarter, ms UTC) and kind. */
export function commsQuarters(db: Database, scope: Scope, each: (t: number, kind: TimelineKind, n: number) => void): void {
  if (!wantsComms(scope)) return;
  const w = where(db, scope);
  if (!w) return;
  const rows = db
    .prepare(`SELECT ev.start / ${QUARTER} AS q, ev.kind AS kind, count(*) AS n FROM comms_events ev WHERE ${w.sql} GROUP BY q, kind`)
    .raw()
    .iterate(w.params) as IterableIterator<[number, number, number]>;
  for (const [q, kind, n] of rows) each(q * QUARTER * 1000, kindOf(kind), n);
}

/** The first `limit` call records of the scope in time order, and how many there are. */
export function commsEvents(db: Database, scope: Scope, canon: Map<string, string>, limit: number): { events: CaseEvent[]; total: number } {
  if (!wantsComms(scope)) return { events: [], total: 0 };
  const w = where(db, scope);
  if (!w) return { events: [], total: 0 };
  const total = db.prepare(`SELECT count(*) FROM comms_events ev WHERE ${w.sql}`).pluck().get(w.params) as number;
  const rows = db
    .prepare(
      `SELECT ev.id, ev.kind, ev.start, ev.duration, a.id AS caller, b.id AS callee, a.caption AS a_caption, b.caption AS b_caption
         FROM (SELECT * FROM comms_events ev WHERE ${w.sql} ORDER BY ev.start, ev.id LIMIT @limit) ev
         JOIN entities a ON a.rid = ev.caller LEFT JOIN entities b ON b.rid = ev.callee ORDER BY ev.start, ev.id`,
    )
    .all({ ...w.params, limit }) as Array<{ id: number; kind: number; start: number; duration: number; caller: string; callee: string | null; a_caption: string; b_caption: string | null }>;
  const events = rows.map((r): CaseEvent => {
    const ids = [canon.get(r.caller) ?? r.caller, ...(r.callee ? [canon.get(r.callee) ?? r.callee] : [])];
    return {
      id: `comms:${r.id}`,
      kind: kindOf(r.kind),
      t: r.start * 1000,
      end: r.duration > 0 ? (r.start + r.duration) * 1000 : null,
      precision: 'time',
      entities: [...new Set(ids)],
      label: `${r.a_caption} → ${r.b_caption ?? '?'}`,
    };
  });
  return { events, total };
}

/** The start times (ms UTC, sorted) of the call records of one line's phones. */
export function commsTimes(db: Database, scope: Scope): number[] {
  if (!wantsComms(scope)) return [];
  const w = where(db, scope);
  if (!w) return [];
  return (db.prepare(`SELECT ev.start FROM comms_events ev WHERE ${w.sql} ORDER BY ev.start`).pluck().all(w.params) as number[]).map((s) => s * 1000);
}
