import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { TimelineKind, TimePrecision, UndatedEvent } from '../../../shared/timeline/dto';
import { CordonError } from '../../../shared/errors';
import { linkProps } from '../analysis/case-graph';
import { periodEnd, readDate, type Zone } from './zone';

// Where the timeline's events come from. Two kinds of source:
// - the case's dated things, few (thousands): Event entities (date / startDate / endDate), dated
//   links (the props the "as of" filter reads, analysis/case-graph.ts: startDate, else date, to
//   endDate), meetings, operation phases, the action day and its events. Read here into memory,
//   their calendar dates placed on the zone's calendar (zone.ts).
// - call records (comms_events), millions: never read row by row for a histogram; counted by SQL
//   per quarter hour of UTC (every zone's offset is a whole number of quarter hours since 1900 in
//   the zones our bureaus use), see comms.ts.
// Statements' first/last seen are when the case learned a thing, not when it happened: not events.

export interface CaseEvent {
  id: string;
  kind: TimelineKind;
  t: number;
  end: number | null;
  precision: TimePrecision;
  entities: string[];
  label: string;
}

export interface Scope {
  /** Canonical ids of the entities asked for, or null for the whole case. */
  entities: Set<string> | null;
  kinds: Set<TimelineKind> | null;
  lo: number;
  hi: number;
}

export interface CaseEvents {
  dated: CaseEvent[];
  undated: UndatedEvent[];
}

/** Entity id → its canonical id (merged entities count as the one they were merged into). */
export function canonicalIds(db: Database): Map<string, string> {
  const rows = db.prepare('SELECT id, COALESCE(canonical_id, id) AS canon FROM entities WHERE deleted = 0 AND is_link = 0').all() as Array<{ id: string; canon: string }>;
  const out = new Map(rows.map((r) => [r.id, r.canon]));
  for (const [id, canon] of out) if (!out.has(canon)) out.set(id, id);
  return out;
}

/** The entities asked for, resolved to canonical ids; a clear NOT_FOUND for one not in the case. */
export function resolveEntities(canon: Map<string, string>, ids: string[] | undefined): string[] | null {
  if (!ids) return null;
  return [
    ...new Set(
      ids.map((raw) => {
        const id = canon.get(raw);
        if (!id) throw new CordonError('NOT_FOUND', `Entity ${raw} is not in this case (or is a link).`);
        return id;
      }),
    ),
  ];
}

/** Every dated thing of the case other than call records, in time order, and those without a usable date. */
export function caseEvents(db: Database, zone: Zone, canon: Map<string, string>, scope: Scope): CaseEvents {
  const dated: CaseEvent[] = [];
  const undated: UndatedEvent[] = [];
  const wants = (k: TimelineKind) => !scope.kinds || scope.kinds.has(k);
  const involves = (ids: string[]) => !scope.entities || ids.some((id) => scope.entities!.has(id));
  const place = (
    base: { id: string; kind: TimelineKind; entities: string[]; label: string },
    start: string | null | undefined,
    end: string | null | undefined,
    undatedToo: boolean,
  ) => {
    if (!involves(base.entities)) return;
    if (!start) {
      if (undatedToo) undated.push({ ...base, reason: 'no-date', value: null });
      return;
    }
    const r = readDate(zone, start);
    if ('reason' in r) {
      undated.push({ ...base, reason: r.reason, value: start });
      return;
    }
    const e = end ? readDate(zone, end) : null;
    const last = e && !('reason' in e) ? periodEnd(zone, e.t, e.precision) : r.precision === 'time' ? null : periodEnd(zone, r.t, r.precision);
    if ((last ?? r.t) < scope.lo || r.t > scope.hi) return;
    dated.push({ ...base, t: r.t, end: last !== null && last > r.t ? last : null, precision: r.precision });
  };

  // The other ends of each live link, per entity: who took part in an Event entity.
  const ends = new Map<string, Set<string>>();
  const links = db
    .prepare(
      `SELECT l.id, e.schema, e.caption, l.source_id AS source, l.target_id AS target FROM links l JOIN entities e ON e.id = l.id
        WHERE e.deleted = 0 ORDER BY e.rid`,
    )
    .all() as Array<{ id: string; schema: string; caption: string; source: string; target: string }>;
  for (const l of links) {
    const s = canon.get(l.source);
    const t = canon.get(l.target);
    if (!s || !t) continue;
    (ends.get(s) ?? ends.set(s, new Set()).get(s)!).add(t);
    (ends.get(t) ?? ends.set(t, new Set()).get(t)!).add(s);
  }

  if (wants('event')) {
    const rows = db
      .prepare(
        `SELECT e.id, e.caption, s.prop, s.value FROM entities e LEFT JOIN statement_rows s ON s.entity = e.rid AND s.retracted = 0 AND s.prop IN ('date', 'startDate', 'endDate')
          WHERE e.schema = 'Event' AND e.deleted = 0 AND e.is_link = 0 AND (e.canonical_id IS NULL OR e.canonical_id = e.id) ORDER BY e.rid, s.id`,
      )
      .all() as Array<{ id: string; caption: string; prop: string | null; value: string | null }>;
    const byEvent = new Map<string, { caption: string; props: Map<string, string> }>();
    for (const r of rows) {
      let ev = byEvent.get(r.id);
      if (!ev) byEvent.set(r.id, (ev = { caption: r.caption, props: new Map() }));
      if (r.prop && r.value !== null) ev.props.set(r.prop, r.value); // by statement id: the latest wins
    }
    for (const [id, ev] of byEvent) {
      const start = ev.props.get('startDate') ?? ev.props.get('date') ?? ev.props.get('endDate');
      place({ id, kind: 'event', entities: [id, ...(ends.get(id) ?? [])], label: ev.caption || 'Event' }, start, ev.props.get('endDate'), true);
    }
  }

  if (wants('link')) {
    const props = linkProps(db, ['startDate', 'endDate', 'date']);
    for (const l of links) {
      const p = props.get(l.id);
      if (!p) continue; // an undated link is a tie, not an event
      const s = canon.get(l.source);
      const t = canon.get(l.target);
      if (!s || !t) continue;
      const start = p.get('startDate') ?? p.get('date') ?? p.get('endDate');
      place({ id: l.id, kind: 'link', entities: s === t ? [s] : [s, t], label: l.caption && l.caption !== l.schema ? `${l.schema} (${l.caption})` : l.schema }, start, p.get('endDate'), false);
    }
  }

  if (wants('meeting')) {
    const meetings = db.prepare('SELECT id, title, date FROM meetings ORDER BY date, id').all() as Array<{ id: string; title: string; date: string }>;
    const about = db.prepare("SELECT DISTINCT l.ref FROM agenda_links l JOIN agenda_items i ON i.id = l.item_id WHERE i.meeting_id = ? AND l.kind = 'entity'").pluck();
    for (const m of meetings) {
      const ids = [...new Set((about.all(m.id) as string[]).map((id) => canon.get(id)).filter((x): x is string => Boolean(x)))];
      place({ id: m.id, kind: 'meeting', entities: ids, label: m.title }, m.date, null, true);
    }
  }

  if (wants('phase') || wants('action-day')) {
    const targets = db.prepare('SELECT entity_id FROM operation_targets WHERE operation_id = ? ORDER BY entity_id').pluck();
    const ops = db.prepare('SELECT id, name, action_day FROM operations ORDER BY created_at, id').all() as Array<{ id: string; name: string; action_day: string | null }>;
    const phases = db.prepare('SELECT id, name, start_date, end_date FROM operation_phases WHERE operation_id = ? ORDER BY start_date, id');
    const dayEvents = db.prepare('SELECT id, label, at_utc FROM action_day_events WHERE operation_id = ? ORDER BY at_utc, rowid');
    for (const op of ops) {
      const ids = [...new Set((targets.all(op.id) as string[]).map((id) => canon.get(id)).filter((x): x is string => Boolean(x)))];
      if (wants('phase')) {
        for (const p of phases.all(op.id) as Array<{ id: string; name: string; start_date: string; end_date: string }>) {
          place({ id: p.id, kind: 'phase', entities: ids, label: `${op.name}: ${p.name}` }, p.start_date, p.end_date, true);
        }
      }
      if (wants('action-day')) {
        if (op.action_day) place({ id: `action-day:${op.id}`, kind: 'action-day', entities: ids, label: `${op.name}: action day` }, op.action_day, null, false);
        for (const e of dayEvents.all(op.id) as Array<{ id: string; label: string; at_utc: string }>) {
          place({ id: e.id, kind: 'action-day', entities: ids, label: `${op.name}: ${e.label}` }, e.at_utc, null, false);
        }
      }
    }
  }

  dated.sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { dated, undated };
}
