import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { up } from '../../../electron/core/store/migrations/001_initial';
import { migrate, MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/store/migrations';
import { tempDir } from '../helpers';

// One test per migration (Signal's practice): build the schema before it, migrate, check.
describe('migration 001: the statement model', () => {
  it('creates the tables, the search index and the append-only audit log, and sets user_version 1', () => {
    const db = new Database(join(tempDir(), 'm.db'));
    expect(migrate(db, [up])).toEqual({ from: 0, to: 1 });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['audit', 'entities', 'entity_search', 'entity_search_map', 'links', 'meta', 'sources', 'statements']));
    db.prepare("INSERT INTO audit VALUES (1, 'now', 'a', 'x', NULL, '{}', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE audit SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    db.close();
  });

  it('is the whole of the current schema', () => {
    expect(MIGRATIONS[0]).toBe(up);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });
});

describe('migrate', () => {
  it('runs each pending migration once and is a no-op when current', () => {
    const db = new Database(join(tempDir(), 'm.db'));
    let runs = 0;
    const counting = (d: Database.Database) => {
      runs++;
      d.exec('CREATE TABLE IF NOT EXISTS t (x)');
    };
    migrate(db, [counting, counting]);
    migrate(db, [counting, counting]);
    expect(runs).toBe(2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
  });

  it('a failing migration rolls back entirely and leaves user_version unchanged', () => {
    const db = new Database(join(tempDir(), 'm.db'));
    migrate(db, [up]);
    const broken = (d: Database.Database) => {
      d.exec('CREATE TABLE half_done (x)');
      throw new Error('boom');
    };
    expect(() => migrate(db, [up, broken])).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
  });
});
