import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { up as initial } from '../../../electron/core/store/migrations/001_initial';
import { up } from '../../../electron/core/store/migrations/002_interchange';
import { migrate, MIGRATIONS } from '../../../electron/core/store/migrations';
import { tempDir } from '../helpers';

describe('migration 002: interchange (imports, foreign ids, layouts, same-as judgements)', () => {
  it('adds its tables on top of the statement model and keeps the judgement rules', () => {
    const db = new Database(join(tempDir(), 'm.db'));
    migrate(db, [initial]);
    const version = MIGRATIONS.indexOf(up) + 1;
    expect(version).toBeGreaterThan(1);
    migrate(db, MIGRATIONS.slice(0, version));
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['imports', 'external_ids', 'layouts', 'layout_items', 'match_judgements']));
    const now = new Date().toISOString();
    const ent = db.prepare("INSERT INTO entities (id, schema, caption, created_at, updated_at) VALUES (?, 'Person', '', ?, ?)");
    ent.run('A', now, now);
    ent.run('B', now, now);
    const judge = db.prepare("INSERT INTO match_judgements (entity_a, entity_b, decision, actor, at) VALUES (?, ?, ?, 'x', ?)");
    judge.run('A', 'B', 'same', now);
    expect(() => judge.run('B', 'A', 'same', now)).toThrow(/CHECK constraint/);
    expect(() => judge.run('A', 'B', 'maybe', now)).toThrow(/CHECK constraint/);
    db.pragma('foreign_keys = ON');
    expect(() => judge.run('A', 'Z', 'same', now)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO layout_items (layout_id, entity_id) VALUES ('nope', 'A')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
