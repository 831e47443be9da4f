import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ProjectDetail, ProjectItemView, ProjectView } from '../../../shared/exchange/dto';
import { CordonError } from '../../../shared/errors';
import type { Case } from '../store/case';
import type { Manifest } from './format';

// The central group's analysis projects: a name, a scope, the participating bureaus, and the
// entities and sources contributed to it (and by which bureau). Packages can be addressed to a
// project; what they bring is then filed under it as the sender's contribution.

const VIEW = `SELECT p.*, (SELECT json_group_array(bureau) FROM (SELECT bureau FROM project_bureaus WHERE project_id = p.id ORDER BY bureau)) AS bureaus,
  (SELECT count(*) FROM project_items WHERE project_id = p.id AND kind = 'entity') AS entities,
  (SELECT count(*) FROM project_items WHERE project_id = p.id AND kind = 'source') AS sources FROM projects p`;

type Row = { id: string; name: string; scope: string; created_by: string; created_at: string; updated_at: string; bureaus: string; entities: number; sources: number };

function toView(r: Row): ProjectView {
  return {
    id: r.id,
    name: r.name,
    scope: r.scope,
    bureaus: JSON.parse(r.bureaus) as string[],
    entities: r.entities,
    sources: r.sources,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listProjects(db: Database): ProjectView[] {
  return (db.prepare(`${VIEW} ORDER BY p.name COLLATE NOCASE, p.id`).all() as Row[]).map(toView);
}

export function getProject(db: Database, id: string, offset = 0, limit = 200): ProjectDetail {
  const row = db.prepare(`${VIEW} WHERE p.id = ?`).get(id) as Row | undefined;
  if (!row) throw new CordonError('NOT_FOUND', `No project ${id} in this case.`);
  const items = db
    .prepare(
      `SELECT i.kind, i.item_id AS id, coalesce(e.caption, s.title, '') AS caption, i.contributed_by, i.added_at
         FROM project_items i LEFT JOIN entities e ON i.kind = 'entity' AND e.id = i.item_id LEFT JOIN sources s ON i.kind = 'source' AND s.id = i.item_id
        WHERE i.project_id = ? ORDER BY i.kind, caption COLLATE NOCASE, i.item_id LIMIT ? OFFSET ?`,
    )
    .all(id, limit, offset) as Array<{ kind: 'entity' | 'source'; id: string; caption: string; contributed_by: string; added_at: string }>;
  const view = toView(row);
  return {
    ...view,
    totalItems: view.entities + view.sources,
    items: items.map((i): ProjectItemView => ({ kind: i.kind, id: i.id, caption: i.caption, contributedBy: i.contributed_by, addedAt: i.added_at })),
  };
}

export function createProject(c: Case, input: { name: string; scope: string; bureaus: string[] }): ProjectView {
  const id = c.newId();
  const now = new Date().toISOString();
  c.write(() => {
    c.db.prepare('INSERT INTO projects (id, name, scope, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, input.name, input.scope, c.bureau, now, now);
    const add = c.db.prepare('INSERT OR IGNORE INTO project_bureaus (project_id, bureau) VALUES (?, ?)');
    for (const b of new Set([c.bureau, ...input.bureaus])) add.run(id, b);
    c.audit.append({ actor: c.actor, action: 'project.create', target: id, detail: { name: input.name, bureaus: input.bureaus } });
  });
  return getProject(c.db, id);
}

/** Files items under a project as contributed by `bureau` (inside the caller's transaction). */
export function fileItems(db: Database, projectId: string, kind: 'entity' | 'source', ids: Iterable<string>, bureau: string): number {
  const add = db.prepare('INSERT OR IGNORE INTO project_items (project_id, kind, item_id, contributed_by, added_at) VALUES (?, ?, ?, ?, ?)');
  const now = new Date().toISOString();
  let n = 0;
  for (const id of ids) n += add.run(projectId, kind, id, bureau, now).changes;
  if (n) db.prepare('UPDATE projects SET updated_at = ? WHERE id = ?').run(now, projectId);
  return n;
}

export function addItems(c: Case, id: string, entityIds: string[], sourceIds: string[]): ProjectView {
  getProject(c.db, id, 0, 0);
  const missing = (table: 'entities' | 'sources', ids: string[]) => ids.find((x) => !c.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(x));
  const badEntity = missing('entities', entityIds);
  if (badEntity) throw new CordonError('NOT_FOUND', `Entity ${badEntity} is not in this case.`);
  const badSource = missing('sources', sourceIds);
  if (badSource) throw new CordonError('NOT_FOUND', `No source report ${badSource} in this case.`);
  c.write(() => {
    const added = fileItems(c.db, id, 'entity', entityIds, c.bureau) + fileItems(c.db, id, 'source', sourceIds, c.bureau);
    c.audit.append({ actor: c.actor, action: 'project.add-items', target: id, detail: { entities: entityIds.length, sources: sourceIds.length, added } });
  });
  return getProject(c.db, id, 0, 0);
}

export function removeItems(c: Case, id: string, entityIds: string[], sourceIds: string[]): ProjectView {
  getProject(c.db, id, 0, 0);
  c.write(() => {
    const del = c.db.prepare('DELETE FROM project_items WHERE project_id = ? AND kind = ? AND item_id = ?');
    let n = 0;
    for (const e of entityIds) n += del.run(id, 'entity', e).changes;
    for (const s of sourceIds) n += del.run(id, 'source', s).changes;
    c.audit.append({ actor: c.actor, action: 'project.remove-items', target: id, detail: { removed: n } });
  });
  return getProject(c.db, id, 0, 0);
}

/** The project reference a package carries. */
export function projectRef(db: Database, id: string): NonNullable<Manifest['project']> {
  const p = getProject(db, id, 0, 0);
  return { id: p.id, name: p.name, scope: p.scope, bureaus: p.bureaus };
}

/** On import: the project a package is addressed to, created here if this case does not know it yet. */
export function adoptProject(db: Database, ref: NonNullable<Manifest['project']>, senderBureau: string): void {
  const now = new Date().toISOString();
  db.prepare('INSERT OR IGNORE INTO projects (id, name, scope, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(ref.id, ref.name, ref.scope, senderBureau, now, now);
  const add = db.prepare('INSERT OR IGNORE INTO project_bureaus (project_id, bureau) VALUES (?, ?)');
  for (const b of new Set([senderBureau, ...ref.bureaus])) add.run(ref.id, b);
}
