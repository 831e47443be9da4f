import { describe, expect, it } from 'vitest';
import { up } from '../../../electron/core/store/migrations/011_source_rids';
import { beforeMigration } from './support';

describe('migration 011: statements refer to their source report by rid', () => {
  it('keeps every source and statement, with the same source ids through the statements view', () => {
    const m = beforeMigration(up);
    const db = m.db;
    const entity = db.prepare("INSERT INTO entities (rid, id, schema, caption, sort_key, is_link, created_at, updated_at) VALUES (?, ?, 'Person', ?, ?, 0, 'now', 'now')");
    entity.run(1, 'IT-a', 'Ana', 'ana');
    entity.run(2, 'IT-b', 'Bruno', 'bruno');
    const source = db.prepare("INSERT INTO sources (id, title, scheme, grade, originator, restricted_to, created_at) VALUES (?, ?, 'eu4x4', ?, 'IT', ?, 'now')");
    source.run('IT-s2', 'Second report', 'A1', '["ES"]');
    source.run('IT-s1', 'First report', 'B2', '[]');
    db.prepare("INSERT INTO imports (id, format, file_name, sha256, bytes, report, actor, started_at, finished_at, source_id) VALUES ('IT-i', 'csv', 'f.csv', 'x', 1, '{}', 'IT/a', 'now', 'now', 'IT-s1')").run();
    const statement = db.prepare('INSERT INTO statement_rows (entity, prop, value, source_id, originator, first_seen, last_seen, retracted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    statement.run(1, 'name', 'Ana', 'IT-s1', 'IT', 't1', 't2', 0);
    statement.run(1, 'phone', '+34600000001', 'IT-s2', 'ES', 't1', 't1', 0);
    statement.run(2, 'name', 'Bruno', null, 'IT', 't3', 't3', 0);
    statement.run(2, 'name', 'Bruno Old', 'IT-s1', 'IT', 't0', 't3', 1);
    const before = {
      statements: db.prepare('SELECT * FROM statements ORDER BY id').all(),
      sources: db.prepare('SELECT rowid AS r, * FROM sources ORDER BY id').all() as Array<Record<string, unknown>>,
    };

    m.apply();
    db.pragma('foreign_keys = ON');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT * FROM statements ORDER BY id').all()).toEqual(before.statements);
    // Sources keep their rowid as rid, and every column.
    const sources = db.prepare('SELECT rid AS r, * FROM sources ORDER BY id').all() as Array<Record<string, unknown>>;
    expect(sources.map(({ rid: _rid, ...rest }) => rest)).toEqual(before.sources);
    const rid = Object.fromEntries(sources.map((s) => [s.id as string, s.r as number]));
    expect(db.prepare('SELECT source FROM statement_rows ORDER BY id').pluck().all()).toEqual([rid['IT-s1'], rid['IT-s2'], null, rid['IT-s1']]);
    expect(db.prepare('SELECT source_id FROM imports').pluck().get()).toBe('IT-s1');
    // A statement naming a source the case does not have is refused; the old text column is gone.
    expect(() => db.prepare("INSERT INTO statement_rows (entity, prop, value, source, originator, first_seen, last_seen) VALUES (1, 'name', 'x', 999, 'IT', 't', 't')").run()).toThrow(/FOREIGN KEY/);
    const columns = db.prepare("SELECT name FROM pragma_table_info('statement_rows')").pluck().all();
    expect(columns).toContain('source');
    expect(columns).not.toContain('source_id');
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT count(*) FROM statement_rows WHERE source = 1').all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/statement_rows_source/);
    db.close();
  });
});
