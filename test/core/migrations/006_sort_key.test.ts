import { describe, expect, it } from 'vitest';
import { up } from '../../../electron/core/store/migrations/006_sort_key';
import { beforeMigration } from './support';

describe('migration 006: natural sort key for the entity list', () => {
  it('backfills the key of existing entities and lists them in natural order', () => {
    const { db, apply } = beforeMigration(up);
    const insert = db.prepare("INSERT INTO entities (id, schema, caption, is_link, created_at, updated_at) VALUES (?, 'Person', ?, ?, 'now', 'now')");
    for (const [id, caption, isLink] of [
      ['a', 'N10', 0],
      ['b', 'N2', 0],
      ['c', 'n1', 0],
      ['d', 'Álvaro', 0],
      ['e', 'N100', 0],
      ['l', '3', 1],
    ] as const) insert.run(id, caption, isLink);
    apply();
    const listed = db.prepare('SELECT caption FROM entities WHERE deleted = 0 AND is_link = 0 ORDER BY sort_key, id').pluck().all();
    expect(listed).toEqual(['Álvaro', 'n1', 'N2', 'N10', 'N100']);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM entities WHERE deleted = 0 AND is_link = 0 ORDER BY sort_key, id LIMIT 10').all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/entities_list/);
    db.close();
  });
});
