import { describe, expect, it } from 'vitest';
import { commsCase, commsCounts, writeFile } from './support';

// Each bad input of issue 17: a clear message, and nothing written or lost.

const HEAD = 'caller,callee,start,duration,type,imei';

async function importText(text: string | Buffer, name = 'cdr.csv') {
  const oc = await commsCase();
  const path = writeFile(oc.dir, name, text);
  const before = commsCounts(oc.db());
  return { ...oc, path, before };
}

describe('CDR import: bad input', () => {
  it('a number that does not parse is kept exactly as given, flagged invalid, still searchable', async () => {
    const { core, path, db } = await importText(`${HEAD}\nwithheld,0612345678,2024-03-01 10:00:00,5,voice,\n12,0612345678,2024-03-01 11:00:00,5,voice,\n`);
    const r = await core.ok('comms.importCdr', { path });
    expect(r).toMatchObject({ events: 2, skipped: 0, phones: { invalid: 2 } });
    expect(r.warnings.join(' ')).toMatch(/2 values are not a valid phone number; kept exactly as given and flagged invalid: withheld, 12/);
    const flagged = db().prepare("SELECT e.id, e.caption FROM entities e JOIN statement_rows s ON s.entity = e.rid WHERE s.prop = 'valid' AND s.value = 'no' ORDER BY e.id").all();
    expect(flagged).toEqual([
      { id: 'phone-12', caption: '12' },
      { id: 'phone-WITHHELD', caption: 'withheld' },
    ]);
    expect((await core.ok('search', { query: 'withheld', limit: 5 })).map((h) => h.id)).toEqual(['phone-WITHHELD']);
  });

  it('31/02 and other impossible dates leave the row out with the reason; the rest is imported', async () => {
    const { core, path } = await importText(`${HEAD}\n0612345678,0698765432,31/02/2024 10:00:00,5,voice,\n0612345678,0698765432,2024-13-01 10:00:00,5,voice,\n0612345678,0698765432,01/03/2024 25:00,5,voice,\n0612345678,0698765432,01/03/2024 10:00,5,voice,\n`);
    const r = await core.ok('comms.importCdr', { path });
    expect(r).toMatchObject({ records: 4, events: 1, skipped: 3 });
    expect(r.errors.map((e) => e.message)).toEqual([
      'row 2: "31/02/2024 10:00:00" is not a date of the calendar',
      'row 3: "2024-13-01 10:00:00" is not a date of the calendar',
      'row 4: "01/03/2024 25:00" is not a time of day',
    ]);
  });

  it('a wall-clock time the clocks skip (DST) is refused, not shifted', async () => {
    const { core, path } = await importText(`${HEAD}\n0612345678,0698765432,2024-03-31 02:30:00,5,voice,\n`);
    const r = await core.ok('comms.importCdr', { path });
    expect(r.errors[0]!.message).toMatch(/2024-03-31 02:xx does not exist in Europe\/Paris/);
  });

  it('negative and non-numeric durations leave the row out', async () => {
    const { core, path } = await importText(`${HEAD}\n0612345678,0698765432,2024-03-01 10:00:00,-5,voice,\n0612345678,0698765432,2024-03-01 10:01:00,abc,voice,\n0612345678,0698765432,2024-03-01 10:02:00,00:01:30,voice,\n`);
    const r = await core.ok('comms.importCdr', { path });
    expect(r).toMatchObject({ events: 1, skipped: 2 });
    expect(r.errors.map((e) => e.message)).toEqual(['row 2: the duration "-5" is negative', 'row 3: the duration "abc" is not a number of seconds or hh:mm:ss']);
  });

  it('an IMEI failing its Luhn check is kept and flagged, once', async () => {
    const { core, path, db } = await importText(`${HEAD}\n0612345678,0698765432,2024-03-01 10:00:00,5,voice,490154203237519\n0612345678,0698765432,2024-03-01 11:00:00,5,voice,490154203237519\n`);
    const r = await core.ok('comms.importCdr', { path });
    expect(r).toMatchObject({ events: 2, skipped: 0, devices: 1 });
    expect(r.errors.map((e) => e.message)).toEqual(['row 2: IMEI 490154203237519 fails its check (Luhn or length): kept, flagged invalid']);
    expect(db().prepare("SELECT s.value FROM statement_rows s JOIN entities e ON e.rid = s.entity WHERE e.id = 'device-490154203237519' AND s.prop = 'valid'").pluck().get()).toBe('no');
  });

  it('columns that shift half-way: the shifted rows are left out with the reason and a warning', async () => {
    const good = Array.from({ length: 5 }, (_, i) => `0612345678,0698765432,2024-03-01 10:0${i}:00,5,voice,`);
    const shifted = Array.from({ length: 12 }, (_, i) => `x,0612345678,0698765432,2024-03-02 10:${String(i).padStart(2, '0')}:00,5,voice,490154203237518`);
    const { core, path } = await importText(`${HEAD}\n${[...good, ...shifted].join('\n')}\n`);
    const r = await core.ok('comms.importCdr', { path });
    expect(r).toMatchObject({ events: 5, skipped: 12 });
    expect(r.errors[0]!.message).toBe('row 7: 7 columns where the header has 6 (the columns shift here; nothing of the row was read)');
    expect(r.warnings.join(' ')).toMatch(/From row 7 on, 12 rows have a different number of columns than the header/);
  });

  it('a file already imported is refused by its hash, with the first import named; nothing is written', async () => {
    const { core, path, db } = await importText(`${HEAD}\n0612345678,0698765432,2024-03-01 10:00:00,5,voice,\n`);
    await core.ok('comms.importCdr', { path });
    const after = commsCounts(db());
    const e = await core.fail('comms.importCdr', { path });
    expect(e).toMatchObject({ code: 'CONSTRAINT', message: expect.stringMatching(/cdr\.csv was already imported \(as cdr\.csv, .* UTC\): the same file, by its SHA-256\. Import it again only on purpose \(--again\)/) });
    expect(commsCounts(db())).toEqual(after);
  });

  it('Windows-1252 without BOM, semicolons, French headers and values', async () => {
    const text = 'N° appelant;N° appelé;Date;Heure;Durée;Type;Cellule\n0612345678;0698765432;01/03/2024;10:00;00:01:00;Voix;Gare du Nord – quai\n0698765432;0612345678;01/03/2024;10:05;0;SMS;Entrée\n';
    const bytes = Buffer.from([...text].map((ch) => (ch === '–' ? 0x96 : ch.charCodeAt(0))));
    expect(bytes.includes(0xe9)).toBe(true);
    const { core, path, db } = await importText(bytes);
    const r = await core.ok('comms.importCdr', { path });
    expect(r).toMatchObject({ encoding: 'windows-1252', delimiter: ';', events: 2, skipped: 0 });
    expect(r.mapping.columns).toMatchObject({ caller: 'N° appelant', callee: 'N° appelé', date: 'Date', time: 'Heure', duration: 'Durée', type: 'Type', cell: 'Cellule' });
    expect(db().prepare('SELECT cell FROM comms_cells ORDER BY rid').pluck().all()).toEqual(['GARE-DU-NORD-–-QUAI', 'ENTRÉE']);
  });

  it('the caller equal to the receiver: kept as an event, not drawn as a link, and said', async () => {
    const { core, path, db } = await importText(`${HEAD}\n0612345678,+33612345678,2024-03-01 10:00:00,5,voice,\n`);
    const r = await core.ok('comms.importCdr', { path });
    expect(r).toMatchObject({ events: 1, skipped: 0, links: 0 });
    expect(r.errors[0]!.message).toBe('row 2: the caller and the receiver are the same number (+33612345678): kept as an event, not drawn as a link');
    expect(db().prepare('SELECT count(*) FROM comms_links').pluck().get()).toBe(0);
  });

  it('a file with no readable row: reported, and the case is unchanged but for the import record', async () => {
    const { core, path, db, before } = await importText(`${HEAD}\n,,2024-03-01 10:00:00,5,voice,\n`);
    const r = await core.ok('comms.importCdr', { path });
    expect(r).toMatchObject({ events: 0, skipped: 1 });
    expect(r.errors[0]!.message).toBe('row 2: no caller number');
    const now = commsCounts(db());
    expect(now.comms_events).toBe(before.comms_events);
    expect(now.entities).toBe(before.entities);
  });

  it('a cancelled import leaves nothing behind', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `06${String(10_000_000 + (i % 5000)).slice(0, 8)},0698765432,2024-03-01 ${String(Math.floor(i / 3600) % 24).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},5,voice,`);
    const { core, path, db, before } = await importText(`${HEAD}\n${rows.join('\n')}\n`);
    const running = core.call('comms.importCdr', { path });
    const job = await new Promise<string>((resolve) => {
      const t = setInterval(() => {
        const ev = core.events.find((e) => e.event === 'progress');
        if (ev) {
          clearInterval(t);
          resolve((ev.payload as { job: string }).job);
        }
      }, 1);
    });
    await core.ok('job.cancel', { job });
    const r = await running;
    expect(r.ok).toBe(false);
    expect(commsCounts(db())).toEqual(before);
  });
});
