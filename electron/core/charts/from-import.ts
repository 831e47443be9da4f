import type { Database } from 'better-sqlite3-multiple-ciphers';
import Graphology from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { CordonError } from '../../../shared/errors';
import type { Case } from '../store/case';

// "Open what came in on a chart": the entities an import created or added to, placed where the
// file put them (ANX, GraphML with positions) or, for tables and FtM, by a force-directed layout
// here in the core so the chart opens readable rather than as a heap at the origin.

/** A chart is for looking at; past this an analyst should open a selection (issue 3's bench size). */
export const MAX_IMPORT_CHART = 20_000;

export interface PlacedEntity {
  id: string;
  x: number;
  y: number;
}

/** The live entities an import brought (canonical records of merged ones), with a position each. */
export function placeImportEntities(c: Case, importId: string): PlacedEntity[] {
  const db = c.db;
  const known = db.prepare('SELECT 1 FROM imports WHERE id = ?').get(importId);
  if (!known) throw new CordonError('NOT_FOUND', `Import ${importId} is not in this case.`);
  const ids = db
    .prepare(
      `SELECT DISTINCT coalesce(e.canonical_id, e.id) FROM import_entities ie JOIN entities e ON e.id = ie.entity_id
        WHERE ie.import_id = ? AND e.deleted = 0 AND e.is_link = 0`,
    )
    .pluck()
    .all(importId) as string[];
  if (ids.length === 0) throw new CordonError('CONSTRAINT', 'This import left no entities in the case to chart.');
  if (ids.length > MAX_IMPORT_CHART) {
    throw new CordonError(
      'CONSTRAINT',
      `This import brought ${ids.length.toLocaleString('en-US')} entities; a chart opens at most ${MAX_IMPORT_CHART.toLocaleString('en-US')}. Search or filter the entity list and chart a selection instead.`,
      { entities: ids.length, max: MAX_IMPORT_CHART },
    );
  }
  const filed = filePositions(db, importId);
  if (ids.every((id) => filed.has(id))) return ids.map((id) => ({ id, ...filed.get(id)! }));
  return forceLayout(db, ids, filed);
}

/** Positions from the import's own layout, when the file carried them. */
function filePositions(db: Database, importId: string): Map<string, { x: number; y: number }> {
  const rows = db
    .prepare('SELECT li.entity_id AS id, li.x, li.y FROM layouts l JOIN layout_items li ON li.layout_id = l.id WHERE l.import_id = ? AND li.x IS NOT NULL AND li.y IS NOT NULL')
    .all(importId) as Array<{ id: string; x: number; y: number }>;
  return new Map(rows.map((r) => [r.id, { x: r.x, y: r.y }]));
}

/** Entities laid out force-directed from scratch (the demo's chart), at chart scale. */
export function layoutEntities(db: Database, ids: readonly string[]): PlacedEntity[] {
  return forceLayout(db, ids, new Map());
}

function forceLayout(db: Database, ids: readonly string[], fixed: Map<string, { x: number; y: number }>): PlacedEntity[] {
  const g = new Graphology({ type: 'undirected', multi: false, allowSelfLoops: false });
  // Start on a circle (deterministic: the same import charts the same way every time).
  const r = 40 * Math.sqrt(ids.length);
  ids.forEach((id, i) => {
    const at = fixed.get(id);
    const a = (2 * Math.PI * i) / ids.length;
    g.addNode(id, { x: at?.x ?? r * Math.cos(a), y: at?.y ?? r * Math.sin(a), fixed: at !== undefined });
  });
  const json = JSON.stringify(ids);
  // Links between merged records count for their canonical records, as on the chart.
  const pairs = db
    .prepare(
      `SELECT DISTINCT coalesce(s.canonical_id, s.id) AS a, coalesce(t.canonical_id, t.id) AS b
         FROM links l JOIN entities e ON e.id = l.id JOIN entities s ON s.id = l.source_id JOIN entities t ON t.id = l.target_id
        WHERE e.deleted = 0 AND coalesce(s.canonical_id, s.id) IN (SELECT value FROM json_each(@ids))
          AND coalesce(t.canonical_id, t.id) IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ ids: json }) as Array<{ a: string; b: string }>;
  for (const { a, b } of pairs) if (a !== b && !g.hasEdge(a, b)) g.addEdge(a, b);
  // Fewer iterations as the chart grows: Barnes-Hut keeps each one O(n log n), and the analyst
  // can refine with the chart's own layout; this only has to be readable.
  const iterations = ids.length <= 1000 ? 300 : ids.length <= 5000 ? 120 : 60;
  forceAtlas2.assign(g, { iterations, settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: ids.length > 1000 } });
  // Chart units: FA2's distances are arbitrary; scale so that a typical link is ~180 units long
  // (room for two 40 px nodes and the link's label), unless some positions came from the file
  // (then the file's units rule).
  const scale = fixed.size === 0 ? linkScale(g) : 1;
  return ids.map((id) => {
    const a = g.getNodeAttributes(id) as { x: number; y: number };
    return { id, x: a.x * scale, y: a.y * scale };
  });
}

/** The factor that makes the median link length TYPICAL_LINK (10 when there are no links). */
function linkScale(g: Graphology): number {
  const lengths: number[] = [];
  g.forEachEdge((_e, _a, _s, _t, sa, ta) => {
    lengths.push(Math.hypot(Number(sa.x) - Number(ta.x), Number(sa.y) - Number(ta.y)));
  });
  lengths.sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)];
  return median && median > 0 ? TYPICAL_LINK / median : 10;
}

const TYPICAL_LINK = 180;
