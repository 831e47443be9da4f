import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../../electron/core/store/migrations';
import { up } from '../../../electron/core/store/migrations/009_integer_keys';
import { searchEntities } from '../../../electron/core/store/search';
import { tempDir } from '../helpers';

describe('migration 009: integer keys for links, statements and search rows', () => {
  it('keeps every entity, link, statement and search row, readable through the old names', () => {
    const at = MIGRATIONS.indexOf(up);
    expect(at).toBeGreaterThan(0);
    const db = new Database(join(tempDir(), 'm.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, at));
    const entity = db.prepare("INSERT INTO entities (id, schema, caption, sort_key, is_link, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'now', 'now')");
    const statement = db.prepare("INSERT INTO statements (entity_id, prop, value, source_id, originator, first_seen, last_seen, retracted) VALUES (?, ?, ?, NULL, 'IT', 't1', 't2', ?)");
    db.prepare("INSERT INTO sources (id, title, scheme, grade, originator, created_at) VALUES ('s1', 'Report', 'eu4x4', 'B2', 'IT', 'now')").run();
    entity.run('IT-a', 'Person', 'Ana Álvarez', 'ana alvarez', 0);
    entity.run('IT-b', 'Person', 'Bruno', 'bruno', 0);
    entity.run('IT-l', 'Call', '', '', 1);
    db.prepare("INSERT INTO links (id, source_id, target_id) VALUES ('IT-l', 'IT-a', 'IT-b')").run();
    statement.run('IT-a', 'name', 'Ana Álvarez', 0);
    statement.run('IT-b', 'name', 'Bruno', 0);
    statement.run('IT-l', 'caller', 'IT-a', 0);
    statement.run('IT-l', 'receiver', 'IT-b', 0);
    statement.run('IT-b', 'name', 'Bruno Old', 1);
    db.prepare("INSERT INTO statements (entity_id, prop, value, source_id, originator, first_seen, last_seen) VALUES ('IT-a', 'phone', '+34600000001', 's1', 'IT', 't', 't')").run();
    // The search map's rowids deliberately differ from the entities' rowids.
    db.prepare("INSERT INTO entity_search_map (rowid, entity_id) VALUES (10, 'IT-b'), (11, 'IT-a')").run();
    db.prepare("INSERT INTO entity_search (rowid, text) VALUES (10, 'Bruno'), (11, 'Ana Álvarez\n+34600000001')").run();
    const before = {
      links: db.prepare('SELECT * FROM links ORDER BY id').all(),
      statements: db.prepare('SELECT * FROM statements ORDER BY id').all(),
      entities: db.prepare('SELECT rowid AS r, * FROM entities ORDER BY id').all() as Array<Record<string, unknown>>,
    };

    migrate(db, MIGRATIONS.slice(0, at + 1));
    expect(db.pragma('user_version', { simple: true })).toBe(at + 1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT * FROM links ORDER BY id').all()).toEqual(before.links);
    expect(db.prepare('SELECT * FROM statements ORDER BY id').all()).toEqual(before.statements);
    // Entities keep their rowid as rid, and every column.
    const after = db.prepare('SELECT rid AS r, * FROM entities ORDER BY id').all() as Array<Record<string, unknown>>;
    expect(after.map(({ rid: _rid, ...rest }) => rest)).toEqual(before.entities);
    expect(db.prepare('SELECT source, target FROM link_rows').get()).toEqual({ source: before.entities[0]!.r, target: before.entities[1]!.r });
    // The search rows now have the entity's rid as rowid, and search still finds by name and phone.
    expect(db.prepare('SELECT rowid FROM entity_search ORDER BY rowid').pluck().all()).toEqual([before.entities[0]!.r, before.entities[1]!.r]);
    expect(searchEntities(db, 'alvarez', 10).map((r) => r.id)).toEqual(['IT-a']);
    expect(searchEntities(db, '34600000001', 10).map((r) => r.id)).toEqual(['IT-a']);
    expect(searchEntities(db, 'bruno', 10).map((r) => r.id)).toEqual(['IT-b']);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).not.toContain('entity_search_map');
    // A statement or link pointing nowhere is refused by the new tables' foreign keys.
    expect(() => db.prepare("INSERT INTO statement_rows (entity, prop, value, originator, first_seen, last_seen) VALUES (999, 'name', 'x', 'IT', 't', 't')").run()).toThrow(/FOREIGN KEY/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM statements WHERE entity_id = 'IT-a'").all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/statement_rows_entity/);
    db.close();
  });
});
