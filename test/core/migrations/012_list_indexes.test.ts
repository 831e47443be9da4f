import { describe, expect, it } from 'vitest';
import { CANONICAL_ONLY } from '../../../electron/core/store/canonical';
import { up } from '../../../electron/core/store/migrations/012_list_indexes';
import { beforeMigration } from './support';

const LIST = `SELECT id FROM entities WHERE deleted = 0 AND is_link = 0 AND ${CANONICAL_ONLY}`;

describe('migration 012: the entity list indexes end in the rid', () => {
  it('keeps every entity; the list pages by sort key then creation order, through the indexes, with no sort', () => {
    const m = beforeMigration(up);
    const db = m.db;
    const entity = db.prepare("INSERT INTO entities (rid, id, schema, caption, sort_key, is_link, deleted, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'now', 'now')");
    entity.run(1, 'IT-c', 'Person', 'Carla', 'carla', 0, 0);
    entity.run(2, 'IT-a2', 'Person', 'Ana', 'ana', 0, 0);
    entity.run(3, 'IT-a1', 'Company', 'Ana', 'ana', 0, 0);
    entity.run(4, 'IT-b', 'Person', 'Bruno', 'bruno', 0, 1);
    entity.run(5, 'IT-l', 'Call', '', '', 1, 0);
    const before = db.prepare('SELECT * FROM entities ORDER BY rid').all();

    m.apply();
    expect(db.prepare('SELECT * FROM entities ORDER BY rid').all()).toEqual(before);
    const sql = (name: string) => db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(name) as string;
    expect(sql('entities_list')).toMatch(/ON entities\(sort_key\) WHERE deleted = 0 AND is_link = 0$/);
    expect(sql('entities_schema_list')).toMatch(/ON entities\(schema, sort_key\) WHERE deleted = 0 AND is_link = 0$/);

    // Ties on the sort key list in creation order (rid), deleted entities and links never.
    expect(db.prepare(`${LIST} ORDER BY sort_key, rid`).pluck().all()).toEqual(['IT-a2', 'IT-a1', 'IT-c']);
    expect(db.prepare(`${LIST} AND schema = 'Person' ORDER BY sort_key, rid`).pluck().all()).toEqual(['IT-a2', 'IT-c']);

    // The pages are read in index order: no temporary sort, whatever the size of the case.
    const plan = (q: string) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    const all = plan(`${LIST} ORDER BY sort_key, rid LIMIT 50 OFFSET 100`);
    expect(all).toMatch(/USING INDEX entities_list/);
    expect(all).not.toMatch(/TEMP B-TREE/);
    const one = plan(`${LIST} AND schema = 'Person' ORDER BY sort_key, rid LIMIT 50 OFFSET 100`);
    expect(one).toMatch(/USING INDEX entities_schema_list/);
    expect(one).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});
