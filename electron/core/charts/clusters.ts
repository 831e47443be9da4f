import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ChartEdge } from '../../../shared/charts/dto';
import { edgesBetween } from './elements';

// On a chart, records judged the same are one node (as in the list, search and analysis): the
// cluster's canonical record, carrying the links of every member. Chart items keep whatever id
// they were saved under; they are folded here when read, so a split brings both nodes back.

export interface Clusters {
  /** The canonical record of an entity (itself when not merged). */
  canon(id: string): string;
  /** Every live record behind these entities: their clusters' members. */
  members(ids: readonly string[]): string[];
}

export function clustersOf(db: Database, ids: readonly string[]): Clusters {
  const canonOf = new Map<string, string>();
  const rows = db
    .prepare('SELECT e.id, coalesce(e.canonical_id, e.id) AS canon FROM json_each(?) j JOIN entities e ON e.id = j.value')
    .all(JSON.stringify(ids)) as Array<{ id: string; canon: string }>;
  for (const r of rows) canonOf.set(r.id, r.canon);
  const canons = [...new Set(rows.map((r) => r.canon))];
  const membersOf = new Map<string, string[]>();
  const memberRows = db
    .prepare('SELECT id, canonical_id AS canon FROM entities WHERE canonical_id IN (SELECT value FROM json_each(?)) AND deleted = 0 ORDER BY id')
    .all(JSON.stringify(canons)) as Array<{ id: string; canon: string }>;
  for (const r of memberRows) {
    canonOf.set(r.id, r.canon);
    let list = membersOf.get(r.canon);
    if (!list) membersOf.set(r.canon, (list = []));
    list.push(r.id);
  }
  return {
    canon: (id) => canonOf.get(id) ?? id,
    members: (of) => [...new Set(of.flatMap((id) => membersOf.get(canonOf.get(id) ?? id) ?? [id]))],
  };
}

/**
 * Links with one end in `touching` and the other in `among` (canonical ids), looked up over every
 * member and drawn between canonical records. A link between two records of one cluster is the
 * entity with itself: not drawn.
 */
export function edgesBetweenClusters(db: Database, clusters: Clusters, touching: readonly string[], among: readonly string[]): ChartEdge[] {
  const edges = edgesBetween(db, clusters.members(touching), clusters.members(among));
  const out: ChartEdge[] = [];
  for (const e of edges) {
    const source = clusters.canon(e.source);
    const target = clusters.canon(e.target);
    if (source !== target) out.push(source === e.source && target === e.target ? e : { ...e, source, target });
  }
  return out;
}
