import type { Database } from 'better-sqlite3-multiple-ciphers';
import { getSchema } from '../../../shared/catalogue';
import { commsEdges } from '../comms/links';
import type { ChartEdge, ChartNode } from '../../../shared/charts/dto';
import { isStrongGrade, mostRestrictive, SCHEMES, splitGrade, type GradingScheme, type Tlp } from '../../../shared/grading';

// What a chart needs to draw entities and the links among them, read in a few set-based queries
// (ids passed as one JSON array through json_each), so 10,000 entities cost a handful of
// statements, not 10,000 round trips.

export interface EntityRow {
  id: string;
  schema: string;
  caption: string;
}

interface GradingRow {
  entity_id: string;
  handling: string | null;
  tlp: Tlp | null;
}

/** Live, non-link entities among `ids`, in no particular order. */
export function liveEntities(db: Database, ids: readonly string[]): EntityRow[] {
  return db
    .prepare('SELECT e.id, e.schema, e.caption FROM json_each(?) j JOIN entities e ON e.id = j.value WHERE e.deleted = 0 AND e.is_link = 0')
    .all(JSON.stringify(ids)) as EntityRow[];
}

function handlingByEntity(db: Database, ids: readonly string[]): Map<string, { handling: string | null; tlp: Tlp | null }> {
  const rows = db
    .prepare(
      `SELECT DISTINCT st.entity_id, s.handling, s.tlp FROM statements st JOIN sources s ON s.id = st.source_id
       WHERE st.entity_id IN (SELECT value FROM json_each(?)) AND st.retracted = 0`,
    )
    .all(JSON.stringify(ids)) as GradingRow[];
  const grouped = new Map<string, GradingRow[]>();
  for (const r of rows) {
    let list = grouped.get(r.entity_id);
    if (!list) grouped.set(r.entity_id, (list = []));
    list.push(r);
  }
  const out = new Map<string, { handling: string | null; tlp: Tlp | null }>();
  for (const [id, list] of grouped) out.set(id, mostRestrictive(list.map((g) => ({ handling: g.handling ?? undefined, tlp: g.tlp ?? undefined }))));
  return out;
}

/** Nodes for entities (positions left null: the caller merges in what the chart stored). */
export function nodesFor(db: Database, entities: readonly EntityRow[]): ChartNode[] {
  const handling = handlingByEntity(
    db,
    entities.map((e) => e.id),
  );
  return entities.map((e) => {
    const h = handling.get(e.id);
    return { id: e.id, schema: e.schema, caption: e.caption, handling: h?.handling ?? null, tlp: h?.tlp ?? null, x: null, y: null, pinned: false, hidden: false, style: {}, group: null };
  });
}

interface LinkRow {
  id: string;
  schema: string;
  caption: string;
  source: string;
  target: string;
}

interface LinkStatement {
  entity_id: string;
  prop: string;
  value: string;
  scheme: GradingScheme | null;
  grade: string | null;
  handling: string | null;
  tlp: Tlp | null;
}

const EDGE_PROPS = ['weight', 'count', 'startDate', 'endDate', 'date'];

/** Rank of a grade on its scheme's ladder: lower is better (source rank + information rank). */
function gradeRank(scheme: GradingScheme, grade: string): number {
  const parts = splitGrade(scheme, grade);
  if (!parts) return Number.POSITIVE_INFINITY;
  const def = SCHEMES[scheme];
  return def.source.indexOf(parts.source) + def.information.indexOf(parts.information);
}

/** Live links with one endpoint in `touching` and the other in `among` (both sets may be equal). */
export function edgesBetween(db: Database, touching: readonly string[], among: readonly string[]): ChartEdge[] {
  const t = JSON.stringify(touching);
  const a = JSON.stringify(among);
  const links = db
    .prepare(
      `SELECT l.id, e.schema, e.caption, l.source_id AS source, l.target_id AS target FROM links l JOIN entities e ON e.id = l.id
       WHERE e.deleted = 0 AND (
         (l.source_id IN (SELECT value FROM json_each(@t)) AND l.target_id IN (SELECT value FROM json_each(@a))) OR
         (l.target_id IN (SELECT value FROM json_each(@t)) AND l.source_id IN (SELECT value FROM json_each(@a))))`,
    )
    .all({ t, a }) as LinkRow[];
  // Call records' aggregated Phone → Phone links (comms/links.ts), drawn as Call links.
  const calls = commsEdges(db, touching, among);
  if (links.length === 0) return calls;
  const statements = db
    .prepare(
      `SELECT st.entity_id, st.prop, st.value, s.scheme, s.grade, s.handling, s.tlp FROM statements st LEFT JOIN sources s ON s.id = st.source_id
       WHERE st.entity_id IN (SELECT value FROM json_each(?)) AND st.retracted = 0 ORDER BY st.id`,
    )
    .all(JSON.stringify(links.map((l) => l.id))) as LinkStatement[];
  const byLink = new Map<string, LinkStatement[]>();
  for (const st of statements) {
    let list = byLink.get(st.entity_id);
    if (!list) byLink.set(st.entity_id, (list = []));
    list.push(st);
  }
  return [...links.map((l) => edgeOf(l, byLink.get(l.id) ?? [])), ...calls];
}

function edgeOf(link: LinkRow, statements: readonly LinkStatement[]): ChartEdge {
  // Later statements win for the single-valued figures (ORDER BY st.id above).
  const latest = new Map<string, string>();
  let best: { scheme: GradingScheme; grade: string } | null = null;
  let strong = false;
  for (const st of statements) {
    if (EDGE_PROPS.includes(st.prop)) latest.set(st.prop, st.value);
    if (st.scheme && st.grade) {
      if (isStrongGrade(st.scheme, st.grade)) strong = true;
      if (!best || gradeRank(st.scheme, st.grade) < gradeRank(best.scheme, best.grade)) best = { scheme: st.scheme, grade: st.grade };
    }
  }
  const strength = Number(latest.get('weight') ?? latest.get('count') ?? 1);
  const handling = mostRestrictive(statements.map((s) => ({ handling: s.handling ?? undefined, tlp: s.tlp ?? undefined })));
  const date = latest.get('date') ?? null;
  return {
    id: link.id,
    schema: link.schema,
    source: link.source,
    target: link.target,
    label: link.caption,
    grade: best,
    strong,
    strength: Number.isFinite(strength) && strength > 0 ? strength : 1,
    start: latest.get('startDate') ?? date,
    end: latest.get('endDate') ?? date,
    handling: handling.handling,
    tlp: handling.tlp,
    // Unknown link types still draw: undirected, with the generic style.
    directed: getSchema(link.schema)?.edge?.directed ?? false,
  };
}
