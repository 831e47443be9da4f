import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { LayoutView } from '../../../shared/interchange/dto';
import { CordonError } from '../../../shared/errors';

// Layouts that arrived with imported charts (positions and original styling), read back for the
// chart issue and for exports.

export function listLayouts(db: Database): LayoutView[] {
  const rows = db.prepare('SELECT id FROM layouts ORDER BY created_at DESC, id').pluck().all() as string[];
  return rows.map((id) => getLayout(db, id));
}

export function getLayout(db: Database, id: string): LayoutView {
  const row = db.prepare('SELECT id, name, origin, import_id, meta, created_at FROM layouts WHERE id = ?').get(id) as
    | { id: string; name: string; origin: string; import_id: string | null; meta: string; created_at: string }
    | undefined;
  if (!row) throw new CordonError('NOT_FOUND', `No layout ${id} in this case.`);
  const items = (db.prepare('SELECT entity_id, x, y, style FROM layout_items WHERE layout_id = ? ORDER BY rowid').all(id) as Array<{ entity_id: string; x: number | null; y: number | null; style: string }>).map(
    (i) => ({ entityId: i.entity_id, x: i.x, y: i.y, style: JSON.parse(i.style) as Record<string, unknown> }),
  );
  return { id: row.id, name: row.name, origin: row.origin, importId: row.import_id, createdAt: row.created_at, meta: JSON.parse(row.meta) as Record<string, unknown>, items };
}

/** The latest position and style of each entity or link, over every layout. */
export function latestPlacement(db: Database): Map<string, { x: number | null; y: number | null; style: Record<string, unknown> }> {
  const out = new Map<string, { x: number | null; y: number | null; style: Record<string, unknown> }>();
  const rows = db
    .prepare('SELECT i.entity_id, i.x, i.y, i.style FROM layout_items i JOIN layouts l ON l.id = i.layout_id ORDER BY l.created_at DESC, l.rowid DESC')
    .iterate() as Iterable<{ entity_id: string; x: number | null; y: number | null; style: string }>;
  for (const r of rows) if (!out.has(r.entity_id)) out.set(r.entity_id, { x: r.x, y: r.y, style: JSON.parse(r.style) as Record<string, unknown> });
  return out;
}
