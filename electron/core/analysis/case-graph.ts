import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { CordonError } from '../../../shared/errors';
import { commsLinkId, forEachCommsLink } from '../comms/links';
import { gradeFilter, gradingCost, meets, UNGRADED_COST, type MinGrade } from './grade';
import { GraphBuilder, type Graph } from './graph';
import { builtinOf } from '../../../shared/catalogue';

// From a case to the analysis graph. Entities that are not links are the nodes; links are the
// edges. Conventions:
// - Scope: with `entityIds` (a chart, a selection) exactly those entities are nodes, isolated ones
//   included, and only links among them count. Without, every entity with at least one counted
//   link is a node (entities with no link would only dilute the normalised scores).
// - Merged entities (same-as judgements, `canonical_id`) count as their canonical entity.
// - Link types: only the listed FtM link schemata (all when absent).
// - Minimum grading: see grade.ts (per scheme, never converted).
// - As of a date: a link counts when it has begun (startDate, or else date, ≤ as-of) and has not
//   ended (endDate ≥ as-of, or no end). Partial dates ("1994-03") are periods: compared on their
//   common prefix, so a link ending "1994-03" is still active on 1994-03-20. Undated links count.
// - Within a window (network over time): a link counts when its span meets the window — it began
//   by the window's end and had not ended before its start, on the same common-prefix rule. Undated
//   links are left out (counted in `byDate`): a period's network is what is known of that period.
// - Strength: the link's `weight` (strength) if set, else its `count` (calls), else 1; the latest
//   statement wins. Parallel links are merged, their strengths summed.
// - Direction: source → target of the link when `directed`, else ignored.
// - Call records: the aggregated Phone → Phone links count as links of the type Call, strength
//   their number of events; as of a date, the events up to its end; within a window, the events in
//   it; with a minimum grading, the events from sources that meet it (comms/links.ts).

export interface GraphScope {
  entityIds?: string[] | undefined;
  linkTypes?: string[] | undefined;
  minGrade?: MinGrade | undefined;
  asOf?: string | undefined;
  /** Only links active at some time between these dates (inclusive). */
  window?: { from: string; to: string } | undefined;
  directed: boolean;
  weighted: boolean;
}

export interface NodeInfo {
  id: string;
  caption: string;
  schema: string;
}

export interface CaseGraph {
  graph: Graph;
  /** Per node index. */
  nodes: NodeInfo[];
  /** Links counted, and links left out by each filter. */
  links: { counted: number; byType: number; byGrade: number; byDate: number; outsideScope: number };
  /** SHA-256 of the graph exactly as analysed (node ids in order, edges with strengths). */
  hash: string;
  /** Node index of an entity id (merged entities resolve to their canonical one); or a clear error. */
  nodeOf(id: string): number;
}

interface LinkRow {
  id: string;
  schema: string;
  source: string;
  target: string;
}

const LINK_PROPS = ['weight', 'count', 'startDate', 'endDate', 'date'];

export function buildCaseGraph(db: Database, scope: GraphScope): CaseGraph {
  const filter = scope.minGrade ? gradeFilter(scope.minGrade) : null;
  const types = scope.linkTypes && scope.linkTypes.length > 0 ? new Set(scope.linkTypes) : null;
  const asOf = scope.asOf?.trim();

  const entities = db
    .prepare('SELECT id, schema, caption, COALESCE(canonical_id, id) AS canon FROM entities WHERE is_link = 0 AND deleted = 0 ORDER BY rowid')
    .all() as Array<{ id: string; schema: string; caption: string; canon: string }>;
  const canonOf = new Map<string, string>();
  const info = new Map<string, NodeInfo>();
  for (const e of entities) {
    canonOf.set(e.id, e.canon);
    if (e.id === e.canon) info.set(e.id, { id: e.id, caption: e.caption, schema: e.schema });
  }
  // A canonical entity that is itself gone leaves its members standing for themselves.
  for (const e of entities) if (!info.has(e.canon)) {
    canonOf.set(e.id, e.id);
    info.set(e.id, { id: e.id, caption: e.caption, schema: e.schema });
  }

  const builder = new GraphBuilder(scope.directed, 'sum');
  let inScope: Set<string> | null = null;
  if (scope.entityIds) {
    inScope = new Set<string>();
    for (const raw of scope.entityIds) {
      const id = canonOf.get(raw);
      if (!id) throw new CordonError('NOT_FOUND', `Entity ${raw} is not in this case (or is a link).`);
      inScope.add(id);
      builder.node(id);
    }
  }

  const props = linkProps(db, LINK_PROPS);
  const gradings = new Map<string, Array<{ scheme: string; grade: string }>>();
  const gstmt = db.prepare(
    `SELECT DISTINCT s.entity_id AS id, src.scheme, src.grade FROM statements s
       JOIN entities e ON e.id = s.entity_id JOIN sources src ON src.id = s.source_id
      WHERE e.is_link = 1 AND e.deleted = 0 AND s.retracted = 0`,
  );
  for (const r of gstmt.iterate() as IterableIterator<{ id: string; scheme: string; grade: string }>) {
    let list = gradings.get(r.id);
    if (!list) gradings.set(r.id, (list = []));
    list.push({ scheme: r.scheme, grade: r.grade });
  }

  const links = { counted: 0, byType: 0, byGrade: 0, byDate: 0, outsideScope: 0 };
  const rows = db
    .prepare(
      `SELECT l.id, e.schema, l.source_id AS source, l.target_id AS target FROM links l JOIN entities e ON e.id = l.id
        WHERE e.deleted = 0 ORDER BY e.rowid`,
    )
    .iterate() as IterableIterator<LinkRow>;
  for (const l of rows) {
    const s = canonOf.get(l.source);
    const t = canonOf.get(l.target);
    if (!s || !t) continue; // an endpoint deleted, or itself a link (links between links are not network ties)
    if (inScope && (!inScope.has(s) || !inScope.has(t))) {
      links.outsideScope++;
      continue;
    }
    // A case's own link type is in scope with its built-in parent (a Recruiter link is an Associate).
    if (types && !types.has(l.schema) && !types.has(builtinOf(l.schema))) {
      links.byType++;
      continue;
    }
    const grades = gradings.get(l.id) ?? [];
    if (filter && !grades.some((g) => meets(filter, g.scheme, g.grade))) {
      links.byGrade++;
      continue;
    }
    const p = props.get(l.id);
    if ((asOf && !activeOn(p, asOf)) || (scope.window && !activeWithin(p, scope.window.from, scope.window.to))) {
      links.byDate++;
      continue;
    }
    links.counted++;
    const cost = grades.reduce((best, g) => Math.min(best, gradingCost(g.scheme, g.grade)), UNGRADED_COST);
    builder.edge(s, t, scope.weighted ? strength(p) : 1, { link: l.id, cost });
  }
  // The aggregated Phone → Phone links of call records (comms/links.ts): links of the kind Call,
  // their strength the number of events that pass the scope.
  const comms = forEachCommsLink(db, { types, filter, asOf, window: scope.window }, (l, t, cost) => {
    const s = canonOf.get(l.callerId);
    const tgt = canonOf.get(l.calleeId);
    if (!s || !tgt) return 'skip';
    if (inScope && (!inScope.has(s) || !inScope.has(tgt))) return 'outsideScope';
    builder.edge(s, tgt, scope.weighted ? t.events : 1, { link: commsLinkId(l.callerId, l.calleeId), cost });
    return 'counted';
  });
  for (const k of ['counted', 'byType', 'byGrade', 'byDate', 'outsideScope'] as const) links[k] += comms[k];
  const graph = builder.build();
  const nodes = graph.ids.map((id) => info.get(id) ?? { id, caption: id, schema: 'Thing' });
  const index = new Map(graph.ids.map((id, i) => [id, i]));
  const nodeOf = (raw: string): number => {
    const id = canonOf.get(raw);
    if (!id) throw new CordonError('NOT_FOUND', `Entity ${raw} is not in this case (or is a link).`);
    const i = index.get(id);
    if (i === undefined) throw new CordonError('NOT_FOUND', `${info.get(id)?.caption || raw} has no links that count under this analysis's filters.`);
    return i;
  };
  return { graph, nodes, links, hash: graphHash(graph), nodeOf };
}

/** The current value of each of `names` on every live link (the latest statement wins). */
export function linkProps(db: Database, names: readonly string[]): Map<string, Map<string, string>> {
  const props = new Map<string, Map<string, string>>();
  const stmt = db.prepare(
    `SELECT s.entity_id AS id, s.prop, s.value FROM statements s JOIN entities e ON e.id = s.entity_id
      WHERE e.is_link = 1 AND e.deleted = 0 AND s.retracted = 0 AND s.prop IN (${names.map(() => '?').join(',')})
      ORDER BY s.id`,
  );
  for (const r of stmt.iterate(...names) as IterableIterator<{ id: string; prop: string; value: string }>) {
    let m = props.get(r.id);
    if (!m) props.set(r.id, (m = new Map()));
    m.set(r.prop, r.value); // ordered by statement id: the latest wins
  }
  return props;
}

/** A link's span: [start, end] as written (any precision), or null when undated. */
export function linkSpan(p: Map<string, string> | undefined): { start: string; end: string } | null {
  const start = p?.get('startDate') ?? p?.get('date') ?? p?.get('endDate');
  if (!start) return null;
  return { start, end: p?.get('endDate') ?? start };
}

function strength(p: Map<string, string> | undefined): number {
  for (const prop of ['weight', 'count']) {
    const v = p?.get(prop);
    if (v !== undefined && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  }
  return 1;
}

/** Compares two dates of any precision on their common prefix. */
function cmp(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function activeOn(p: Map<string, string> | undefined, asOf: string): boolean {
  const start = p?.get('startDate') ?? p?.get('date');
  const end = p?.get('endDate');
  if (start && cmp(start, asOf) > 0) return false;
  if (end && cmp(end, asOf) < 0) return false;
  return true;
}

/** A dated link whose span meets [from, to]. */
export function activeWithin(p: Map<string, string> | undefined, from: string, to: string): boolean {
  const span = linkSpan(p);
  return span !== null && cmp(span.start, to) <= 0 && cmp(span.end, from) >= 0;
}

/** SHA-256 over the graph as analysed: direction, node ids in order, and every edge with its
 * strength — the "hash of its input" the audit log keeps so a result can be reproduced. */
export function graphHash(g: Graph): string {
  const h = createHash('sha256');
  h.update(`cordon-graph-v1\n${g.directed ? 'directed' : 'undirected'}\n${g.n}\n`);
  for (const id of g.ids) h.update(`${id}\n`);
  h.update(`${g.m}\n`);
  for (let e = 0; e < g.m; e++) h.update(`${g.edgeU[e]} ${g.edgeV[e]} ${g.edgeW[e]}\n`);
  return h.digest('hex');
}
