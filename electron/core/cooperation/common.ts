import { CordonError } from '../../../shared/errors';
import type { Case } from '../store/case';

// Shared checks of cooperation records.

export function requireProject(c: Case, projectId: string | undefined): void {
  if (projectId === undefined) return;
  if (!c.db.prepare('SELECT 1 FROM projects WHERE id = ?').get(projectId)) {
    throw new CordonError('NOT_FOUND', `Project ${projectId} is not in this case.`);
  }
}

/** Entities that exist and are not deleted or links; the missing ones named in one refusal. */
export function requireEntities(c: Case, ids: string[], what: string): void {
  const row = c.db.prepare('SELECT is_link, deleted FROM entities WHERE id = ?');
  const missing: string[] = [];
  const links: string[] = [];
  for (const id of ids) {
    const r = row.get(id) as { is_link: number; deleted: number } | undefined;
    if (!r || r.deleted) missing.push(id);
    else if (r.is_link) links.push(id);
  }
  if (missing.length) throw new CordonError('NOT_FOUND', `${what}: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in this case.`);
  if (links.length) throw new CordonError('INVALID_INPUT', `${what}: ${links.join(', ')} ${links.length === 1 ? 'is a link' : 'are links'}, not ${links.length === 1 ? 'an entity' : 'entities'}.`);
}

export const nowIso = (): string => new Date().toISOString();

export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
