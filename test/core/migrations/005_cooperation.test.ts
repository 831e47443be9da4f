import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { up } from '../../../electron/core/store/migrations/005_cooperation';
import { migrate, MIGRATIONS } from '../../../electron/core/store/migrations';
import { tempDir } from '../helpers';

// The cooperation migration: meetings and operations on top of the exchange and chart schema.
describe('migration: cooperation', () => {
  const at = MIGRATIONS.indexOf(up);

  it('is registered, after the exchange tables it references', () => {
    expect(at).toBeGreaterThan(0);
  });

  it('adds meetings and operations, keeps existing rows, and enforces dates, statuses and cascades', () => {
    const db = new Database(join(tempDir(), 'm.db'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, at));
    db.prepare("INSERT INTO entities (id, schema, caption, created_at, updated_at) VALUES ('e1', 'Person', 'A', 'now', 'now')").run();
    expect(migrate(db, MIGRATIONS.slice(0, at + 1))).toEqual({ from: at, to: at + 1 });
    expect(db.pragma('user_version', { simple: true })).toBe(at + 1);
    expect(db.prepare('SELECT caption FROM entities').pluck().get()).toBe('A');

    db.prepare("INSERT INTO meetings (id, title, kind, date, created_by, created_at, updated_at) VALUES ('m1', 'Kick-off', 'bilateral', '2025-01-10', 'IT/x', 'now', 'now')").run();
    expect(() => db.prepare("INSERT INTO meetings (id, title, kind, date, created_by, created_at, updated_at) VALUES ('m2', 'X', 'trilateral', '2025-01-10', 'IT/x', 'now', 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO meetings (id, title, kind, date, project_id, created_by, created_at, updated_at) VALUES ('m3', 'X', 'bilateral', '2025-01-10', 'nope', 'IT/x', 'now', 'now')").run()).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO agenda_items (id, meeting_id, position, title, created_at, updated_at) VALUES ('i1', 'm1', 1, 'Item', 'now', 'now')").run();
    db.prepare("INSERT INTO agenda_links (item_id, kind, ref) VALUES ('i1', 'entity', 'e1')").run();
    db.prepare("INSERT INTO action_items (id, meeting_id, title, owner_bureau, due_date, created_at, updated_at) VALUES ('a1', 'm1', 'Send', 'IT', '2025-02-01', 'now', 'now')").run();
    expect(db.prepare('SELECT status FROM action_items').pluck().get()).toBe('open');
    db.prepare("DELETE FROM meetings WHERE id = 'm1'").run();
    expect(db.prepare('SELECT (SELECT count(*) FROM agenda_items) + (SELECT count(*) FROM agenda_links) + (SELECT count(*) FROM action_items)').pluck().get()).toBe(0);

    db.prepare("INSERT INTO operations (id, name, lead_bureau, created_by, created_at, updated_at) VALUES ('o1', 'Tide', 'IT', 'IT/x', 'now', 'now')").run();
    expect(db.prepare('SELECT status FROM operations').pluck().get()).toBe('planning');
    expect(() => db.prepare("UPDATE operations SET status = 'cancelled'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO operation_phases (id, operation_id, name, start_date, end_date) VALUES ('p1', 'o1', 'P', '2025-03-02', '2025-03-01')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO operation_tasks (id, operation_id, title, owner, start_date, end_date) VALUES ('t1', 'o1', 'T', 'IT', '2025-03-01', '2025-03-01')").run();
    expect(() => db.prepare("INSERT INTO task_dependencies (task_id, depends_on) VALUES ('t1', 't1')").run()).toThrow(/CHECK/);
    db.close();
  });
});
