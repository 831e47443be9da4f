import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ParsedInput } from '../../../shared/api';
import type { ExpandPreview } from '../../../shared/charts/dto';
import { gradeFilter, meets } from '../analysis/grade';
import { admittedSources, commsLinkId, commsLinksTouching, COMMS_LINK_SCHEMA, periodEdge, restrictLink, sourceGrades } from '../comms/links';
import { clustersOf } from './clusters';
import { overlaps } from './dates';
import { builtinOf } from '../../../shared/catalogue';

// Expanding a node: its neighbours 1..N hops out, walking only links that pass the filters (type,
// active period, minimum grading as the analysis module reads it: per scheme, never converted).
// Counted before anything is added, so the analyst can be asked "expand adds 340 — continue?".

interface Step {
  id: string;
  schema: string;
  source: string;
  target: string;
}

interface LinkFacts {
  entity_id: string;
  prop: string | null;
  value: string | null;
  scheme: string | null;
  grade: string | null;
}

export function expand(db: Database, input: ParsedInput<'chart.expand'>): ExpandPreview {
  const types = input.linkTypes && input.linkTypes.length > 0 ? new Set(input.linkTypes) : null;
  const grade = input.minGrade ? gradeFilter(input.minGrade) : null;
  const dated = Boolean(input.dateFrom || input.dateTo);
  // Merged records walk as one: the frontier holds every member, what is found is canonical.
  const start = clustersOf(db, input.from);
  const seen = new Set<string>(input.from.map((id) => start.canon(id)));
  const exclude = new Set(input.exclude);
  const found: string[] = [];
  const bySchema: Record<string, number> = {};
  const linksFollowed = new Set<string>();
  const stepsOf = db.prepare(
    `SELECT l.id, e.schema, l.source_id AS source, l.target_id AS target FROM links l JOIN entities e ON e.id = l.id
     WHERE e.deleted = 0 AND (l.source_id IN (SELECT value FROM json_each(@t)) OR l.target_id IN (SELECT value FROM json_each(@t)))`,
  );
  const factsOf = db.prepare(
    `SELECT st.entity_id, st.prop, st.value, s.scheme, s.grade FROM statements st LEFT JOIN sources s ON s.id = st.source_id
     WHERE st.entity_id IN (SELECT value FROM json_each(?)) AND st.retracted = 0 ORDER BY st.id`,
  );
  const entityOf = db.prepare(
    'SELECT e.id, e.schema FROM json_each(?) j JOIN entities e ON e.id = j.value WHERE e.deleted = 0 AND e.is_link = 0',
  );
  let frontier = start.members(input.from);
  for (let hop = 0; hop < input.hops && frontier.length > 0; hop++) {
    let steps = (stepsOf.all({ t: JSON.stringify(frontier) }) as Step[]).filter((s) => !types || types.has(s.schema) || types.has(builtinOf(s.schema)));
    if ((grade || dated) && steps.length > 0) {
      const facts = factsOf.all(JSON.stringify(steps.map((s) => s.id))) as LinkFacts[];
      const passes = linkPasses(facts, grade, input.dateFrom, input.dateTo);
      steps = steps.filter((s) => passes.has(s.id));
    }
    if (!types || types.has(COMMS_LINK_SCHEMA)) steps = steps.concat(callSteps(db, frontier, grade, input.dateFrom, input.dateTo));
    const frontierSet = new Set(frontier);
    const candidates = new Set<string>();
    for (const s of steps) {
      linksFollowed.add(s.id);
      for (const other of [frontierSet.has(s.source) ? s.target : null, frontierSet.has(s.target) ? s.source : null]) {
        if (other && !seen.has(other)) candidates.add(other);
      }
    }
    const reached = entityOf.all(JSON.stringify([...candidates])) as Array<{ id: string; schema: string }>;
    const clusters = clustersOf(
      db,
      reached.map((e) => e.id),
    );
    const next: string[] = [];
    for (const e of reached) {
      const id = clusters.canon(e.id);
      if (seen.has(id)) continue;
      seen.add(id);
      next.push(id);
      if (exclude.has(id)) continue;
      found.push(id);
      bySchema[e.schema] = (bySchema[e.schema] ?? 0) + 1;
    }
    frontier = clusters.members(next);
  }
  return { count: found.length, ids: found.slice(0, input.limit), truncated: found.length > input.limit, links: linksFollowed.size, bySchema };
}

/** Links that meet the grading minimum (any source behind any statement) and whose period meets the window. */
function linkPasses(facts: readonly LinkFacts[], grade: ReturnType<typeof gradeFilter> | null, from: string | undefined, to: string | undefined): Set<string> {
  const byLink = new Map<string, { graded: boolean; props: Map<string, string> }>();
  for (const f of facts) {
    let entry = byLink.get(f.entity_id);
    if (!entry) byLink.set(f.entity_id, (entry = { graded: false, props: new Map() }));
    if (f.prop && f.value !== null) entry.props.set(f.prop, f.value);
    if (grade && f.scheme && f.grade && meets(grade, f.scheme, f.grade)) entry.graded = true;
  }
  const out = new Set<string>();
  for (const [id, { graded, props }] of byLink) {
    if (grade && !graded) continue;
    const date = props.get('date') ?? null;
    if (!overlaps(props.get('startDate') ?? date, props.get('endDate') ?? date, from, to)) continue;
    out.add(id);
  }
  return out;
}

/** The aggregated call links of the frontier's phones that pass the grading and the period (their events in it). */
function callSteps(db: Database, frontier: readonly string[], grade: ReturnType<typeof gradeFilter> | null, from: string | undefined, to: string | undefined): Step[] {
  const links = commsLinksTouching(db, frontier);
  if (links.length === 0) return [];
  const admitted = admittedSources(sourceGrades(db), grade);
  const lo = from ? periodEdge(from, false) : -Infinity;
  const hi = to ? periodEdge(to, true) : Infinity;
  return links
    .filter((l) => restrictLink(db, l, lo, hi, admitted) !== null)
    .map((l) => ({ id: commsLinkId(l.callerId, l.calleeId), schema: COMMS_LINK_SCHEMA, source: l.callerId, target: l.calleeId }));
}
