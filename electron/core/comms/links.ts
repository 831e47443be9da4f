import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ChartEdge } from '../../../shared/charts/dto';
import type { EntitySummary, LinkView } from '../../../shared/entities/dto';
import { isStrongGrade, mostRestrictive, type GradingScheme, type Tlp } from '../../../shared/grading';
import { gradingCost, meets, UNGRADED_COST, type GradeFilter } from '../analysis/grade';
import { KIND } from './cdr/values';

// The aggregated Phone → Phone links where links are read: the analysis graph, the chart's
// elements and expand, the entity page. Each is a link of the kind "Call" whose strength is its
// number of events. Restricted by date (as of, a window, a chart's period) or by a minimum grading,
// a link counts the events that pass: its aggregate when all of them do, nothing when none can,
// and its events counted again otherwise (one indexed range read of that pair).

export const COMMS_LINK_SCHEMA = 'Call';

export interface CommsLink {
  caller: number;
  callee: number;
  callerId: string;
  calleeId: string;
  calls: number;
  sms: number;
  other: number;
  duration: number;
  first: number;
  last: number;
  sources: number[];
}

export interface SourceGrade {
  id: string;
  scheme: GradingScheme;
  grade: string;
  handling: string | null;
  tlp: Tlp | null;
}

/** The id an aggregated link goes by: both phones' ids (they are deterministic, so is this). */
export const commsLinkId = (callerId: string, calleeId: string) => `call:${callerId}>${calleeId}`;

/** Parses a commsLinkId back to the two phone ids, or null. */
export function parseCommsLinkId(id: string): { caller: string; callee: string } | null {
  const m = /^call:(.+)>(.+)$/.exec(id);
  return m ? { caller: m[1]!, callee: m[2]! } : null;
}

const SELECT = `SELECT l.caller, l.callee, a.id AS callerId, b.id AS calleeId, l.calls, l.sms, l.other, l.duration, l.first, l.last,
    (SELECT json_group_array(s.source) FROM comms_link_sources s WHERE s.caller = l.caller AND s.callee = l.callee) AS sources
  FROM comms_links l JOIN entities a ON a.rid = l.caller JOIN entities b ON b.rid = l.callee WHERE a.deleted = 0 AND b.deleted = 0`;

type Row = Omit<CommsLink, 'sources'> & { sources: string };
const parse = (r: Row): CommsLink => ({ ...r, sources: JSON.parse(r.sources) as number[] });

/** Every aggregated link of the case. */
export function allCommsLinks(db: Database): CommsLink[] {
  return (db.prepare(SELECT).all() as Row[]).map(parse);
}

/** The query of commsLinksBetween (exported for its query-plan test). */
export const linksBetweenSql = `WITH touch(rid) AS MATERIALIZED (SELECT e.rid FROM json_each(@t) j JOIN entities e ON e.id = j.value WHERE e.schema = 'Phone' AND e.deleted = 0),
      amid(rid) AS MATERIALIZED (SELECT e.rid FROM json_each(@a) j JOIN entities e ON e.id = j.value WHERE e.schema = 'Phone' AND e.deleted = 0),
      pairs(caller, callee) AS (
        SELECT l.caller, l.callee FROM touch t CROSS JOIN comms_links l ON l.caller = t.rid WHERE +l.callee IN (SELECT rid FROM amid)
        UNION
        SELECT l.caller, l.callee FROM touch t CROSS JOIN comms_links l INDEXED BY comms_links_callee ON l.callee = t.rid WHERE +l.caller IN (SELECT rid FROM amid))
 SELECT l.caller, l.callee, a.id AS callerId, b.id AS calleeId, l.calls, l.sms, l.other, l.duration, l.first, l.last,
   (SELECT json_group_array(s.source) FROM comms_link_sources s WHERE s.caller = l.caller AND s.callee = l.callee) AS sources
 FROM pairs p CROSS JOIN comms_links l ON l.caller = p.caller AND l.callee = p.callee
   JOIN entities a ON a.rid = l.caller JOIN entities b ON b.rid = l.callee`;

/**
 * Aggregated links with one end among `touching` and the other among `among` (entity ids). Two
 * indexed reads, one per direction (the primary key by caller, comms_links_callee by callee),
 * each starting from the touching phones (CROSS JOIN keeps them the outer loop; the unary + keeps
 * the other list a filter, not thousands of pair probes): an OR of the two directions made SQLite
 * scan every link of the case and test each against both lists.
 */
export function commsLinksBetween(db: Database, touching: readonly string[], among: readonly string[]): CommsLink[] {
  if (touching.length === 0 || among.length === 0) return [];
  const rows = db
    .prepare(linksBetweenSql)
    .all({ t: JSON.stringify(touching), a: JSON.stringify(among) }) as Row[];
  return rows.map(parse);
}

export function sourceGrades(db: Database): Map<number, SourceGrade> {
  const rows = db
    .prepare('SELECT s.rid, s.id, s.scheme, s.grade, s.handling, s.tlp FROM sources s WHERE s.rid IN (SELECT DISTINCT source FROM comms_link_sources)')
    .all() as Array<SourceGrade & { rid: number }>;
  return new Map(rows.map((r) => [r.rid, r]));
}

export interface Tally {
  events: number;
  calls: number;
  sms: number;
  duration: number;
  first: number;
  last: number;
}

const COUNT = `SELECT count(*) AS events, coalesce(sum(kind = ${KIND.voice}), 0) AS calls, coalesce(sum(kind IN (${KIND.sms}, ${KIND.mms})), 0) AS sms,
  coalesce(sum(duration), 0) AS duration, min(start) AS first, max(start) AS last
  FROM comms_events WHERE caller = ? AND callee = ? AND start BETWEEN ? AND ? AND retracted = 0`;

/**
 * What of a link passes a period [lo, hi] (seconds) and a set of admitted sources (null: all):
 * null when nothing does.
 */
export function restrictLink(db: Database, l: CommsLink, lo: number, hi: number, admitted: ReadonlySet<number> | null): Tally | null {
  const kept = admitted ? l.sources.filter((s) => admitted.has(s)) : l.sources;
  if (kept.length === 0 || l.last < lo || l.first > hi) return null;
  if (kept.length === l.sources.length && l.first >= lo && l.last <= hi) {
    return { events: l.calls + l.sms + l.other, calls: l.calls, sms: l.sms, duration: l.duration, first: l.first, last: l.last };
  }
  const sql = kept.length === l.sources.length ? COUNT : `${COUNT} AND source IN (${kept.join(',')})`;
  const t = db.prepare(sql).get(l.caller, l.callee, lo, hi) as Tally;
  return t.events > 0 ? t : null;
}

/** Sources admitted by a minimum grading (per scheme, as the analysis module reads it). */
export function admittedSources(grades: ReadonlyMap<number, SourceGrade>, filter: GradeFilter | null): Set<number> | null {
  if (!filter) return null;
  return new Set([...grades].filter(([, g]) => meets(filter, g.scheme, g.grade)).map(([rid]) => rid));
}

/** The grading cost of a link's best source (the analysis's path cost). */
export function linkCost(l: CommsLink, grades: ReadonlyMap<number, SourceGrade>): number {
  return l.sources.reduce((best, s) => {
    const g = grades.get(s);
    return g ? Math.min(best, gradingCost(g.scheme, g.grade)) : best;
  }, UNGRADED_COST);
}

const iso = (s: number) => `${new Date(s * 1000).toISOString().slice(0, 19)}Z`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Chart edges for the aggregated links among these entities (optionally only events in [from, to]). */
export function commsEdges(db: Database, touching: readonly string[], among: readonly string[], period?: { lo: number; hi: number }): ChartEdge[] {
  const links = commsLinksBetween(db, touching, among);
  if (links.length === 0) return [];
  const grades = sourceGrades(db);
  const out: ChartEdge[] = [];
  for (const l of links) {
    const t = period ? restrictLink(db, l, period.lo, period.hi, null) : restrictLink(db, l, -Infinity, Infinity, null);
    if (!t) continue;
    out.push(tallyEdge(commsLinkId(l.callerId, l.calleeId), l.callerId, l.calleeId, t, l.sources, grades));
  }
  return out;
}

/** A Call edge of the chart for a tally of events and the sources they came from. */
export function tallyEdge(id: string, source: string, target: string, t: Tally, sources: readonly number[], grades: ReadonlyMap<number, SourceGrade>): ChartEdge {
  let best: SourceGrade | null = null;
  for (const s of sources) {
    const g = grades.get(s);
    if (g && (!best || gradingCost(g.scheme, g.grade) < gradingCost(best.scheme, best.grade))) best = g;
  }
  const handling = mostRestrictive(sources.map((s) => grades.get(s)).filter((g): g is SourceGrade => g !== undefined).map((g) => ({ handling: g.handling ?? undefined, tlp: g.tlp ?? undefined })));
  const parts = [t.calls ? plural(t.calls, 'call', 'calls') : '', t.sms ? plural(t.sms, 'SMS', 'SMS') : '', t.events - t.calls - t.sms ? plural(t.events - t.calls - t.sms, 'other', 'other') : ''].filter(Boolean);
  return {
    id,
    schema: COMMS_LINK_SCHEMA,
    source,
    target,
    label: parts.join(' · '),
    grade: best ? { scheme: best.scheme, grade: best.grade } : null,
    strong: best ? isStrongGrade(best.scheme, best.grade) : false,
    strength: t.events,
    start: iso(t.first),
    end: iso(t.last),
    handling: handling.handling,
    tlp: handling.tlp,
    directed: true,
  };
}

/** Aggregated links with an end among these entity ids (the other end anywhere). */
export function commsLinksTouching(db: Database, ids: readonly string[]): CommsLink[] {
  const rows = db
    .prepare(
      `WITH t(rid) AS (SELECT e.rid FROM json_each(?) j JOIN entities e ON e.id = j.value WHERE e.schema = 'Phone')
       ${SELECT} AND (l.caller IN (SELECT rid FROM t) OR l.callee IN (SELECT rid FROM t))`,
    )
    .all(JSON.stringify(ids)) as Row[];
  return rows.map(parse);
}

const DAYS_IN = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A date of any precision (YYYY, YYYY-MM, YYYY-MM-DD, or a full ISO time) as the seconds of its first or last moment (UTC). */
export function periodEdge(v: string, end: boolean): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v.trim());
  if (!m) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? (end ? Infinity : -Infinity) : Math.floor(t / 1000);
  }
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : end ? 12 : 1;
  const d = m[3] ? Number(m[3]) : end ? DAYS_IN(y, mo) : 1;
  return Date.UTC(y, mo - 1, d, end ? 23 : 0, end ? 59 : 0, end ? 59 : 0) / 1000;
}

export interface CommsGraphScope {
  types: ReadonlySet<string> | null;
  filter: GradeFilter | null;
  asOf?: string | undefined;
  window?: { from: string; to: string } | undefined;
}

/**
 * The aggregated links as the analysis graph counts them: each with the events that pass the
 * scope (as of a date: the events up to its end; in a window: the events within it; a minimum
 * grading: the events from the sources that meet it). `visit` gets the tally of each counted link;
 * the return says how many were left out by each filter.
 */
export function forEachCommsLink(
  db: Database,
  scope: CommsGraphScope,
  visit: (l: CommsLink, t: Tally, cost: number) => 'counted' | 'outsideScope' | 'skip',
): { counted: number; byType: number; byGrade: number; byDate: number; outsideScope: number } {
  const out = { counted: 0, byType: 0, byGrade: 0, byDate: 0, outsideScope: 0 };
  const links = allCommsLinks(db);
  if (scope.types && !scope.types.has(COMMS_LINK_SCHEMA)) {
    out.byType = links.length;
    return out;
  }
  const grades = sourceGrades(db);
  const admitted = admittedSources(grades, scope.filter);
  const lo = scope.window ? periodEdge(scope.window.from, false) : -Infinity;
  const hi = scope.asOf ? periodEdge(scope.asOf, true) : scope.window ? periodEdge(scope.window.to, true) : Infinity;
  for (const l of links) {
    if (admitted && !l.sources.some((s) => admitted.has(s))) {
      out.byGrade++;
      continue;
    }
    const t = restrictLink(db, l, lo, hi, admitted);
    if (!t) {
      out.byDate++;
      continue;
    }
    const r = visit(l, t, linkCost(l, grades));
    if (r === 'counted') out.counted++;
    else if (r === 'outsideScope') out.outsideScope++;
  }
  return out;
}

/** A phone's aggregated links as the entity page lists them, busiest first. */
export function commsLinkViews(db: Database, phoneIds: readonly string[], limit: number): LinkView[] {
  if (limit <= 0) return [];
  const links = commsLinksTouching(db, phoneIds).sort((a, b) => b.calls + b.sms + b.other - (a.calls + a.sms + a.other));
  const mine = new Set(phoneIds);
  const others = new Map(
    (db.prepare('SELECT e.id, e.schema, e.caption FROM json_each(?) j JOIN entities e ON e.id = j.value').all(JSON.stringify([...new Set(links.flatMap((l) => [l.callerId, l.calleeId]))])) as EntitySummary[]).map((e) => [e.id, e]),
  );
  return links.slice(0, limit).map((l) => {
    const out = mine.has(l.callerId);
    const n = l.calls + l.sms + l.other;
    return {
      id: commsLinkId(l.callerId, l.calleeId),
      schema: COMMS_LINK_SCHEMA,
      caption: `${n} ${n === 1 ? 'event' : 'events'}`,
      direction: out ? 'out' : 'in',
      other: others.get(out ? l.calleeId : l.callerId)!,
    };
  });
}
