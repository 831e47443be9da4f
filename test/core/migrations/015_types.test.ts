import { describe, expect, it } from 'vitest';
import { up } from '../../../electron/core/store/migrations/015_types';
import { beforeMigration } from './support';

describe('migration 015: the case\'s own entity and link types', () => {
  it('keeps the case as it was and adds the type tables, names unique whatever their case', () => {
    const m = beforeMigration(up);
    const db = m.db;
    db.prepare("INSERT INTO entities (rid, id, schema, caption, sort_key, is_link, created_at, updated_at) VALUES (1, 'NL-1', 'Address', 'Dam 1', '', 0, 'now', 'now')").run();
    const before = db.prepare('SELECT * FROM entities').all();
    m.apply();
    expect(db.prepare('SELECT * FROM entities').all()).toEqual(before);
    const type = db.prepare(
      "INSERT INTO case_types (id, name, name_key, kind, parent, origin, created_at, updated_at) VALUES (?, ?, ?, ?, 'Address', 'NL', 'now', 'now')",
    );
    const { lastInsertRowid } = type.run('T_000000000001', 'Safe house', 'safe house', 'entity');
    expect(() => type.run('T_000000000002', 'SAFE HOUSE', 'safe house', 'entity')).toThrow(/UNIQUE/);
    expect(() => type.run('T_000000000003', 'Route', 'route', 'path')).toThrow(/CHECK/);
    const prop = db.prepare("INSERT INTO case_type_props (id, type, name, name_key, datatype, position) VALUES (?, ?, ?, ?, 'text', 0)");
    prop.run('p_000000000001', lastInsertRowid, 'Code name', 'code name');
    expect(() => prop.run('p_000000000002', lastInsertRowid, 'CODE NAME', 'code name')).toThrow(/UNIQUE/);
    expect(() => prop.run('p_000000000003', 99, 'X', 'x')).toThrow(/FOREIGN KEY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
