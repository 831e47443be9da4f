import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { expect, onTestFinished } from 'vitest';
import { tempDir, testCore, type TestCore } from '../helpers';

export const FIXTURES = join(process.cwd(), 'test/fixtures/interchange');
export const fixture = (name: string) => join(FIXTURES, name);

export interface OpenCase {
  core: TestCore;
  dir: string;
  db: () => Database;
}

/** A fresh encrypted case (real file in a temp folder), opened in a test core. */
export async function openCase(bureau = 'FR'): Promise<OpenCase> {
  const dir = tempDir();
  const core = testCore(join(dir, 'data'));
  await core.ok('case.create', { path: join(dir, 'case.cordon'), passphrase: 'interchange test passphrase', name: 'Interchange', bureau });
  // Every import is a bulk write with SQLite's foreign-key checks off (store/bulk-mode.ts): after
  // each test — imports committed, dry runs, cancels and refusals alike — the case has no dangling
  // reference and the checks are on again. (onTestFinished runs last-registered first: before the dispose.)
  onTestFinished(() => {
    let db: Database;
    try {
      db = core.session.case.db;
    } catch {
      return; // closed or locked by the test
    }
    if (!db.open) return;
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.inTransaction).toBe(false);
  });
  return { core, dir, db: () => core.session.case.db };
}

/** Row counts of the tables an import writes: equal before and after means nothing was written. */
type Table = 'entities' | 'links' | 'statements' | 'sources' | 'audit' | 'imports' | 'layouts' | 'layout_items' | 'external_ids' | 'entity_search';
export function counts(db: Database): Record<Table, number> {
  const out = {} as Record<Table, number>;
  for (const t of ['entities', 'links', 'statements', 'sources', 'audit', 'imports', 'layouts', 'layout_items', 'external_ids', 'entity_search'] as const) {
    out[t] = db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  }
  return out;
}

/**
 * The case as content, independent of ids and order: each entity by schema and values (each with
 * its source's title, grading and handling), each link by its ends' captions, and positions.
 */
export function snapshot(db: Database): { entities: string[]; links: string[]; positions: string[] } {
  const st = db.prepare(
    `SELECT st.prop, st.value, s.title, s.scheme, s.grade, s.handling FROM statements st LEFT JOIN sources s ON s.id = st.source_id
      WHERE st.entity_id = ? AND st.retracted = 0`,
  );
  const caption = new Map((db.prepare('SELECT id, caption FROM entities').all() as Array<{ id: string; caption: string }>).map((r) => [r.id, r.caption]));
  const describe = (id: string, skip: string[] = []) =>
    (st.all(id) as Array<{ prop: string; value: string; title: string | null; scheme: string | null; grade: string | null; handling: string | null }>)
      .filter((r) => !skip.includes(r.prop))
      .map((r) => `${r.prop}=${caption.has(r.value) ? `→${caption.get(r.value)}` : r.value} [${r.title ?? '-'} ${r.scheme ?? ''} ${r.grade ?? ''} ${r.handling ?? ''}]`)
      .sort()
      .join('; ');
  // A case's own type (issue 24) by its name: its id is the case's own, different in every case.
  const typeName = new Map((db.prepare('SELECT id, name FROM case_types').all() as Array<{ id: string; name: string }>).map((r) => [r.id, `type:${r.name}`]));
  const entities = (db.prepare('SELECT id, schema, caption FROM entities WHERE is_link = 0 AND deleted = 0').all() as Array<{ id: string; schema: string; caption: string }>).map(
    (e) => `${typeName.get(e.schema) ?? e.schema} ${e.caption}: ${describe(e.id)}`,
  );
  const links = (db.prepare('SELECT e.id, e.schema, l.source_id, l.target_id FROM entities e JOIN links l ON l.id = e.id WHERE e.deleted = 0').all() as Array<{ id: string; schema: string; source_id: string; target_id: string }>).map(
    (l) => `${caption.get(l.source_id)} -${typeName.get(l.schema) ?? l.schema}-> ${caption.get(l.target_id)}: ${describe(l.id, ['caller', 'receiver', 'subject', 'object', 'person', 'associate', 'member', 'organization', 'owner', 'asset', 'payer', 'beneficiary', 'director', 'employee', 'employer', 'relative', 'agent', 'client'])}`,
  );
  const positions = (db.prepare('SELECT i.entity_id, i.x, i.y, i.style FROM layout_items i').all() as Array<{ entity_id: string; x: number | null; y: number | null; style: string }>)
    .filter((p) => p.x !== null)
    .map((p) => `${caption.get(p.entity_id)} @ ${p.x},${p.y} ${p.style}`);
  return { entities: entities.sort(), links: links.sort(), positions: positions.sort() };
}
