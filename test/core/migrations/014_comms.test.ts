import { describe, expect, it } from 'vitest';
import { up } from '../../../electron/core/store/migrations/014_comms';
import { beforeMigration } from './support';

describe('migration 014: communications events, aggregated links and usage', () => {
  it('keeps the case as it was, adds the comms tables, and drops a second copy of a call by its dedupe key', () => {
    const m = beforeMigration(up);
    const db = m.db;
    const entity = db.prepare("INSERT INTO entities (rid, id, schema, caption, sort_key, is_link, created_at, updated_at) VALUES (?, ?, ?, ?, '', 0, 'now', 'now')");
    entity.run(1, 'phone-33612345678', 'Phone', '+33 6 12 34 56 78');
    entity.run(2, 'phone-33698765432', 'Phone', '+33 6 98 76 54 32');
    db.prepare("INSERT INTO sources (rid, id, title, scheme, grade, originator, created_at) VALUES (1, 'FR-s', 'Return', 'admiralty', 'F6', 'FR', 'now')").run();
    db.prepare("INSERT INTO imports (id, format, file_name, sha256, bytes, report, actor, started_at, finished_at) VALUES ('FR-i', 'csv', 'x.csv', 'h', 1, '{}', 'a', 'now', 'now')").run();
    const before = db.prepare('SELECT * FROM entities ORDER BY rid').all();

    m.apply();
    expect(db.prepare('SELECT * FROM entities ORDER BY rid').all()).toEqual(before);
    db.prepare("INSERT INTO comms_imports (rid, import_id) VALUES (1, 'FR-i')").run();
    db.prepare("INSERT INTO comms_cells (rid, cell) VALUES (1, '208-01-100-1')").run();
    const ev = db.prepare('INSERT OR IGNORE INTO comms_events (kind, caller, callee, start, duration, caller_cell, source, import) VALUES (?, ?, ?, ?, ?, ?, 1, 1)');
    expect(ev.run(1, 1, 2, 1_709_283_600, 60, 1).changes).toBe(1);
    // The same call from another operator's export: same caller, receiver, kind and start second.
    expect(ev.run(1, 1, 2, 1_709_283_600, 61, null).changes).toBe(0);
    // An SMS at the same second is another record; so is a data session (no receiver), once.
    expect(ev.run(2, 1, 2, 1_709_283_600, 0, null).changes).toBe(1);
    expect(ev.run(4, 1, null, 1_709_283_600, 0, null).changes).toBe(1);
    expect(ev.run(4, 1, null, 1_709_283_600, 0, null).changes).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // The analyses read a phone's events on either side in time order through an index, no scan.
    const plan = (q: string) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan('SELECT start FROM comms_events WHERE caller = 1 AND start BETWEEN 0 AND 2000000000')).toMatch(/USING (COVERING )?INDEX comms_events_key/);
    expect(plan('SELECT start FROM comms_events WHERE callee = 1 AND start BETWEEN 0 AND 2000000000')).toMatch(/USING (COVERING )?INDEX comms_events_callee/);
    expect(plan('SELECT * FROM comms_links WHERE callee = 2')).toMatch(/comms_links_callee/);
    db.close();
  });
});
