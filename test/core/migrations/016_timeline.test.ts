import { describe, expect, it } from 'vitest';
import { up } from '../../../electron/core/store/migrations/016_timeline';
import { beforeMigration } from './support';

describe('migration 016: the timeline index on call records', () => {
  it('keeps the events as they were and counts a range of them through the index, no scan', () => {
    const m = beforeMigration(up);
    const db = m.db;
    const entity = db.prepare("INSERT INTO entities (rid, id, schema, caption, sort_key, is_link, created_at, updated_at) VALUES (?, ?, 'Phone', ?, '', 0, 'now', 'now')");
    entity.run(1, 'phone-1', '+33 6 12 34 56 78');
    entity.run(2, 'phone-2', '+33 6 98 76 54 32');
    db.prepare("INSERT INTO sources (rid, id, title, scheme, grade, originator, created_at) VALUES (1, 'FR-s', 'Return', 'admiralty', 'F6', 'FR', 'now')").run();
    const ev = db.prepare('INSERT INTO comms_events (kind, caller, callee, start, duration, source, retracted) VALUES (?, 1, 2, ?, 0, 1, ?)');
    ev.run(1, 1_709_283_600, 0);
    ev.run(2, 1_709_283_700, 0);
    ev.run(1, 1_709_290_000, 1);
    const before = db.prepare('SELECT * FROM comms_events ORDER BY id').all();

    m.apply();
    expect(db.prepare('SELECT * FROM comms_events ORDER BY id').all()).toEqual(before);
    const q = 'SELECT start / 900 AS q, kind, count(*) AS n FROM comms_events ev WHERE ev.retracted = 0 AND ev.start BETWEEN 1709280000 AND 1709300000 GROUP BY q, kind';
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/USING COVERING INDEX comms_events_time/);
    // A phone's events still come through the phone's indexes (the timeline's query keeps the time index out).
    const phonePlan = (db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM comms_events ev WHERE ev.retracted = 0 AND +ev.start BETWEEN 0 AND 2000000000 AND (ev.caller IN (SELECT value FROM json_each('[1]')) OR ev.callee IN (SELECT value FROM json_each('[1]')))").all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(phonePlan).toMatch(/INDEX comms_events_key/);
    expect(phonePlan).toMatch(/INDEX comms_events_callee/);
    expect(phonePlan).not.toMatch(/comms_events_time/);
    expect(db.prepare(q).all()).toEqual([
      { q: 1_709_283_600 / 900, kind: 1, n: 1 },
      { q: Math.floor(1_709_283_700 / 900), kind: 2, n: 1 },
    ]);
    db.close();
  });
});
