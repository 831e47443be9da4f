import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CDR, commsCase, commsCounts, writeFile } from './support';

describe('CDR import', () => {
  it('recognises the headers, makes phones by E.164, writes events and aggregated links, and refuses the same file twice', async () => {
    const { core, dir, db } = await commsCase();
    const path = writeFile(dir, 'cdr.csv', `${CDR}\n`);
    const r = await core.ok('comms.importCdr', { path });
    expect(r.mapping.columns).toMatchObject({ caller: 'calling_number', callee: 'called_number', start: 'start_time', duration: 'duration', type: 'call_type', imei: 'imei', imsi: 'imsi', cell: 'cell_id' });
    expect(r.mapping.timeZone).toBe('Europe/Paris');
    expect(r).toMatchObject({ records: 5, events: 5, duplicates: 0, skipped: 0, phones: { created: 3, known: 0, invalid: 0 }, devices: 1, sims: 1, cells: 2 });
    // Three spellings of one number are one phone, with its deterministic id.
    const phones = db().prepare("SELECT id, caption FROM entities WHERE schema = 'Phone' ORDER BY id").all();
    expect(phones).toEqual([
      { id: 'phone-33612345678', caption: '+33 6 12 34 56 78' },
      { id: 'phone-33698765432', caption: '+33 6 98 76 54 32' },
      { id: 'phone-33766666666', caption: '+33 7 66 66 66 66' },
    ]);
    // Times in Paris (UTC+1 in March) are stored in UTC.
    const first = db().prepare('SELECT start, duration, kind FROM comms_events ORDER BY start LIMIT 1').get() as { start: number; duration: number; kind: number };
    expect(new Date(first.start * 1000).toISOString()).toBe('2024-03-01T09:00:00.000Z');
    expect(db().prepare('SELECT duration FROM comms_events ORDER BY start LIMIT 1 OFFSET 3').pluck().get()).toBe(125);
    const link = db()
      .prepare("SELECT calls, sms, duration FROM comms_links l JOIN entities a ON a.rid = l.caller JOIN entities b ON b.rid = l.callee WHERE a.id = 'phone-33612345678' AND b.id = 'phone-33698765432'")
      .get();
    expect(link).toEqual({ calls: 1, sms: 1, duration: 60 });

    const again = await core.fail('comms.importCdr', { path });
    expect(again.code).toBe('CONSTRAINT');
    expect(again.message).toMatch(/already imported/);
    // --again: the file goes through, and its calls are not counted twice.
    const before = commsCounts(db());
    const r2 = await core.ok('comms.importCdr', { path, again: true });
    expect(r2).toMatchObject({ events: 0, duplicates: 5, links: 0 });
    expect(commsCounts(db()).comms_events).toBe(before.comms_events);
    expect(db().prepare('SELECT sum(calls + sms + other) FROM comms_links').pluck().get()).toBe(5);
  });

  it('overlapping exports: the same call in a second file is written once, the new ones are added', async () => {
    const { core, dir, db } = await commsCase();
    const lines = CDR.split('\n');
    const a = writeFile(dir, 'a.csv', [lines[0], lines[1], lines[2], lines[3]].join('\n'));
    const b = writeFile(dir, 'b.csv', [lines[0], lines[3], lines[4], lines[5]].join('\n'));
    await core.ok('comms.importCdr', { path: a });
    const r = await core.ok('comms.importCdr', { path: b });
    expect(r).toMatchObject({ events: 2, duplicates: 1 });
    expect(r.warnings.join(' ')).toMatch(/1 record was already in the case/);
    expect(db().prepare('SELECT count(*) FROM comms_events').pluck().get()).toBe(5);
    expect(db().prepare('SELECT sum(calls + sms + other) FROM comms_links').pluck().get()).toBe(5);
  });

  it('finds a phone by its E.164, national and international forms', async () => {
    const { core, dir } = await commsCase();
    await core.ok('comms.importCdr', { path: writeFile(dir, 'cdr.csv', CDR) });
    for (const q of ['+33 6 12 34 56 78', '0612345678', '33612345678', '+33612345678', '06 12 34']) {
      const hits = await core.ok('search', { query: q, limit: 10 });
      expect(hits.map((h) => h.id), q).toContain('phone-33612345678');
    }
  });

  it('refuses a file whose headers it cannot place, naming them, and writes nothing', async () => {
    const { core, dir, db } = await commsCase();
    const before = commsCounts(db());
    const e = await core.fail('comms.importCdr', { path: writeFile(dir, 'odd.csv', 'foo;bar;baz\n1;2;3\n') });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/Headers it could not place: foo, bar, baz/);
    expect(commsCounts(db())).toEqual(before);
    void join;
  });
});
