import type { Database } from 'better-sqlite3-multiple-ciphers';

// Records judged the same (DESIGN.md §3, issue 5) appear as one entity: the list, search and the
// entity page show the cluster's canonical record with the statements of every member. Nothing
// is rewritten: a split recomputes canonical_id and the records come apart again.

/** The entity-list condition that keeps one record per cluster: the canonical one. */
export const CANONICAL_ONLY = '(canonical_id IS NULL OR canonical_id = id)';

/** The canonical record of an entity (itself when not merged), or undefined when unknown. */
export function canonicalId(db: Database, id: string): string | undefined {
  const row = db.prepare('SELECT coalesce(canonical_id, id) FROM entities WHERE id = ?').pluck().get(id) as string | undefined;
  return row;
}

/** The live records of a cluster, oldest first (just the entity when it is not merged). */
export function clusterMembers(db: Database, canon: string): string[] {
  const ids = db.prepare('SELECT id FROM entities WHERE canonical_id = ? AND deleted = 0 ORDER BY id').pluck().all(canon) as string[];
  return ids.length > 0 ? ids : [canon];
}

/** Search hits folded onto their canonical records, first hit kept, order otherwise unchanged. */
export function foldOntoCanonical<T extends { id: string; schema: string; caption: string }>(db: Database, hits: readonly T[]): T[] {
  if (hits.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT e.id, c.id AS cid, c.schema AS cschema, c.caption AS ccaption FROM json_each(?) j
         JOIN entities e ON e.id = j.value JOIN entities c ON c.id = e.canonical_id
        WHERE e.canonical_id IS NOT NULL AND e.canonical_id <> e.id`,
    )
    .all(JSON.stringify(hits.map((h) => h.id))) as Array<{ id: string; cid: string; cschema: string; ccaption: string }>;
  const to = new Map(rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const out: T[] = [];
  for (const h of hits) {
    const c = to.get(h.id);
    const folded = c ? { ...h, id: c.cid, schema: c.cschema, caption: c.ccaption } : h;
    if (seen.has(folded.id)) continue;
    seen.add(folded.id);
    out.push(folded);
  }
  return out;
}
