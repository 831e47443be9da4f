import { chartSettingsSchema, type ChartSettings } from '../../../shared/charts/api';
import type { ParsedInput } from '../../../shared/api';
import type { ChartData, ChartElements, ChartNode, ChartNotice, ChartSummary } from '../../../shared/charts/dto';
import { CordonError } from '../../../shared/errors';
import type { Case } from '../store/case';
import { clustersOf, edgesBetweenClusters } from './clusters';
import { liveEntities, nodesFor } from './elements';
import { placeImportEntities, type PlacedEntity } from './from-import';

// Charts in the case database: create, list, rename, delete, open, and batched saves of items.

interface ChartRow {
  id: string;
  name: string;
  settings: string;
  created_at: string;
  updated_at: string;
}

interface ItemRow {
  entity_id: string;
  x: number;
  y: number;
  pinned: number;
  hidden: number;
  style: string;
  group_id: string | null;
}

const EMPTY_SETTINGS: ChartSettings = chartSettingsSchema.parse({});

function summary(c: Case, row: ChartRow): ChartSummary {
  const items = c.db.prepare('SELECT count(*) FROM chart_items WHERE chart_id = ?').pluck().get(row.id) as number;
  return { id: row.id, name: row.name, items, createdAt: row.created_at, updatedAt: row.updated_at };
}

function requireChart(c: Case, id: string): ChartRow {
  const row = c.db.prepare('SELECT id, name, settings, created_at, updated_at FROM charts WHERE id = ?').get(id) as ChartRow | undefined;
  if (!row) throw new CordonError('NOT_FOUND', `Chart ${id} is not in this case.`);
  return row;
}

export function listCharts(c: Case): ChartSummary[] {
  const rows = c.db.prepare('SELECT id, name, settings, created_at, updated_at FROM charts ORDER BY created_at, id').all() as ChartRow[];
  return rows.map((r) => summary(c, r));
}

export function createChart(
  c: Case,
  name: string,
  from: { layoutId?: string | undefined; importId?: string | undefined; placed?: readonly PlacedEntity[] } = {},
  settings: Partial<ChartSettings> = {},
): ChartSummary {
  const { layoutId, importId } = from;
  // Placed before the write: the layout of a big import takes a while and needs no lock.
  const placed = importId ? placeImportEntities(c, importId) : (from.placed ?? []);
  const id = c.newId();
  const now = new Date().toISOString();
  return c.write(() => {
    c.db.prepare('INSERT INTO charts (id, name, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, name, JSON.stringify(settings), now, now);
    let adopted = 0;
    if (layoutId) {
      // An imported layout (ANX, GraphML, GEXF) becomes a chart: its entities where the file put them.
      const exists = c.db.prepare('SELECT 1 FROM layouts WHERE id = ?').get(layoutId);
      if (!exists) throw new CordonError('NOT_FOUND', `Layout ${layoutId} is not in this case.`);
      adopted = c.db
        .prepare(
          `INSERT INTO chart_items (chart_id, entity_id, x, y) SELECT ?, li.entity_id, coalesce(li.x, 0), coalesce(li.y, 0)
           FROM layout_items li JOIN entities e ON e.id = li.entity_id WHERE li.layout_id = ? AND e.is_link = 0 AND e.deleted = 0`,
        )
        .run(id, layoutId).changes;
    }
    if (placed.length > 0) {
      const item = c.db.prepare('INSERT INTO chart_items (chart_id, entity_id, x, y) VALUES (?, ?, ?, ?)');
      for (const p of placed) item.run(id, p.id, p.x, p.y);
      adopted = placed.length;
    }
    c.audit.append({ actor: c.actor, action: 'chart.create', target: id, detail: { name, layoutId: layoutId ?? null, importId: importId ?? null, items: adopted } });
    return summary(c, requireChart(c, id));
  });
}

export function renameChart(c: Case, id: string, name: string): ChartSummary {
  return c.write(() => {
    requireChart(c, id);
    c.db.prepare('UPDATE charts SET name = ?, updated_at = ? WHERE id = ?').run(name, new Date().toISOString(), id);
    c.audit.append({ actor: c.actor, action: 'chart.rename', target: id, detail: { name } });
    return summary(c, requireChart(c, id));
  });
}

export function deleteChart(c: Case, id: string): void {
  c.write(() => {
    const row = requireChart(c, id);
    c.db.prepare('DELETE FROM chart_items WHERE chart_id = ?').run(id);
    c.db.prepare('DELETE FROM charts WHERE id = ?').run(id);
    c.audit.append({ actor: c.actor, action: 'chart.delete', target: id, detail: { name: row.name } });
  });
}

function parseSettings(text: string): ChartSettings | null {
  try {
    const parsed = chartSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function parseStyle(text: string): ChartNode['style'] | null {
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
    const { colour, size } = v as Record<string, unknown>;
    const style: ChartNode['style'] = {};
    if (typeof colour === 'string' && /^#[0-9a-fA-F]{6}$/.test(colour)) style.colour = colour;
    if (typeof size === 'number' && size >= 0.25 && size <= 8) style.size = size;
    return style;
  } catch {
    return null;
  }
}

/** The chart as saved, minus items whose entities left the case (dropped from the record too). A
 * damaged record (settings or an item that does not parse) opens as an empty chart with a notice. */
export function openChart(c: Case, id: string): ChartData & { chart: { settings: ChartSettings } } {
  const row = requireChart(c, id);
  const notices: ChartNotice[] = [];
  const items = c.db.prepare('SELECT entity_id, x, y, pinned, hidden, style, group_id FROM chart_items WHERE chart_id = ?').all(id) as ItemRow[];
  let settings = parseSettings(row.settings);
  const styles = items.map((i) => parseStyle(i.style));
  const finite = items.every((i) => Number.isFinite(i.x) && Number.isFinite(i.y));
  if (!settings || styles.some((s) => s === null) || !finite) {
    notices.push({ kind: 'corrupt' });
    settings = EMPTY_SETTINGS;
    return { chart: { ...summary(c, row), items: 0, settings }, nodes: [], edges: [], notices };
  }
  const rawLive = new Set(
    liveEntities(
      c.db,
      items.map((i) => i.entity_id),
    ).map((e) => e.id),
  );
  const gone = items.filter((i) => !rawLive.has(i.entity_id)).map((i) => i.entity_id);
  if (gone.length > 0) {
    notices.push({ kind: 'deleted', count: gone.length });
    c.write(() => {
      const del = c.db.prepare('DELETE FROM chart_items WHERE chart_id = ? AND entity_id = ?');
      for (const e of gone) del.run(id, e);
    });
  }
  // Merged records are one node: the canonical record's own item if the chart has one, else the
  // first member's (its position, pin and style).
  const clusters = clustersOf(c.db, [...rawLive]);
  const byId = new Map<string, { row: ItemRow; style: ChartNode['style'] }>();
  items.forEach((i, n) => {
    if (!rawLive.has(i.entity_id)) return;
    const canon = clusters.canon(i.entity_id);
    if (!byId.has(canon) || i.entity_id === canon) byId.set(canon, { row: i, style: styles[n]! });
  });
  const entities = liveEntities(c.db, [...byId.keys()]);
  const groups = new Set(settings.groups.map((g) => g.id));
  const nodes = nodesFor(c.db, entities).map((n) => {
    const { row: item, style } = byId.get(n.id)!;
    return { ...n, x: item.x, y: item.y, pinned: item.pinned === 1, hidden: item.hidden === 1, style, group: item.group_id && groups.has(item.group_id) ? item.group_id : null };
  });
  const ids = nodes.map((n) => n.id);
  return { chart: { ...summary(c, row), settings }, nodes, edges: edgesBetweenClusters(c.db, clusters, ids, ids), notices };
}

/** Nodes and links to add to a chart: canonical records for merged ones, and their links to `withIds`. */
export function chartElements(c: Case, entityIds: readonly string[], withIds: readonly string[]): ChartElements {
  const clusters = clustersOf(c.db, [...entityIds, ...withIds]);
  const canon = (ids: readonly string[]) => [...new Set(ids.map((i) => clusters.canon(i)))];
  const nodes = nodesFor(c.db, liveEntities(c.db, canon(entityIds)));
  const ids = nodes.map((n) => n.id);
  return { nodes, edges: edgesBetweenClusters(c.db, clusters, ids, [...ids, ...canon(withIds)]) };
}

/** One batch: upserts, removals and optionally the settings, in one transaction. */
export function saveChart(c: Case, input: ParsedInput<'chart.save'>): ChartSummary {
  return c.write(() => {
    requireChart(c, input.id);
    const upsert = c.db.prepare(
      `INSERT INTO chart_items (chart_id, entity_id, x, y, pinned, hidden, style, group_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (chart_id, entity_id) DO UPDATE SET x = excluded.x, y = excluded.y, pinned = excluded.pinned,
         hidden = excluded.hidden, style = excluded.style, group_id = excluded.group_id`,
    );
    if (input.upsert.length > 0) {
      // Only entities of the case may be placed on a chart (links are drawn, not placed).
      const known = new Set(
        liveEntities(
          c.db,
          input.upsert.map((i) => i.entityId),
        ).map((e) => e.id),
      );
      const unknown = input.upsert.find((i) => !known.has(i.entityId));
      if (unknown) throw new CordonError('NOT_FOUND', `Entity ${unknown.entityId} is not a live entity of this case.`);
    }
    for (const i of input.upsert) {
      upsert.run(input.id, i.entityId, i.x, i.y, i.pinned ? 1 : 0, i.hidden ? 1 : 0, JSON.stringify(i.style), i.group);
    }
    const del = c.db.prepare('DELETE FROM chart_items WHERE chart_id = ? AND entity_id = ?');
    for (const e of input.remove) del.run(input.id, e);
    const now = new Date().toISOString();
    if (input.settings) c.db.prepare('UPDATE charts SET settings = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(input.settings), now, input.id);
    else c.db.prepare('UPDATE charts SET updated_at = ? WHERE id = ?').run(now, input.id);
    return summary(c, requireChart(c, input.id));
  });
}
