import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { up } from '../../../electron/core/store/migrations/004_charts';
import { migrate, MIGRATIONS } from '../../../electron/core/store/migrations';
import { tempDir } from '../helpers';

// The charts migration: built on the schema before it, with data in place, which it keeps.
describe('migration: charts', () => {
  const at = MIGRATIONS.indexOf(up);

  it('is registered, after the statement model', () => {
    expect(at).toBeGreaterThan(0);
  });

  it('adds charts and chart_items, keeps existing rows, and cascades a chart delete to its items', () => {
    const db = new Database(join(tempDir(), 'm.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, at));
    db.prepare("INSERT INTO entities (id, schema, caption, created_at, updated_at) VALUES ('e1', 'Person', 'A', 'now', 'now')").run();
    expect(migrate(db, MIGRATIONS.slice(0, at + 1))).toEqual({ from: at, to: at + 1 });
    expect(db.pragma('user_version', { simple: true })).toBe(at + 1);
    expect(db.prepare('SELECT caption FROM entities').pluck().get()).toBe('A');
    db.prepare("INSERT INTO charts (id, name, created_at, updated_at) VALUES ('c1', 'Chart', 'now', 'now')").run();
    db.prepare("INSERT INTO chart_items (chart_id, entity_id, x, y) VALUES ('c1', 'e1', 10.5, -3)").run();
    expect(db.prepare('SELECT x, y, pinned, hidden, style, group_id FROM chart_items').get()).toEqual({ x: 10.5, y: -3, pinned: 0, hidden: 0, style: '{}', group_id: null });
    expect(() => db.prepare("INSERT INTO chart_items (chart_id, entity_id, x, y) VALUES ('nope', 'e1', 0, 0)").run()).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM charts WHERE id = 'c1'").run();
    expect(db.prepare('SELECT count(*) FROM chart_items').pluck().get()).toBe(0);
    db.close();
  });
});
