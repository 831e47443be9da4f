import { describe, expect, it } from 'vitest';
import { CDR, commsCase, commsCounts, writeFile } from './support';

// comms.previewCdr: what the import wizard shows before a call-record import — the header, the
// fields recognised, what is still missing, the first rows — and that it writes nothing.

describe('CDR preview', () => {
  it('shows the recognised mapping, the case zone and the first rows, and writes nothing', async () => {
    const { core, dir, db } = await commsCase();
    const path = writeFile(dir, 'cdr.csv', `${CDR}\n`);
    const before = commsCounts(db());
    const p = await core.ok('comms.previewCdr', { path, rows: 3 });
    expect(p.header).toEqual(['calling_number', 'called_number', 'start_time', 'duration', 'call_type', 'imei', 'imsi', 'cell_id']);
    expect(p.columns).toMatchObject({ caller: 'calling_number', callee: 'called_number', start: 'start_time', duration: 'duration', type: 'call_type', imei: 'imei', imsi: 'imsi', cell: 'cell_id' });
    expect(p.recognised).toEqual(p.columns);
    expect(p).toMatchObject({ missing: [], unplaced: [], delimiter: ',', encoding: 'utf-8', timeZone: 'Europe/Paris', caseTimeZone: 'Europe/Paris' });
    expect(p.rows).toHaveLength(3);
    expect(p.rows[0]![0]).toBe('0612345678');
    expect(commsCounts(db())).toEqual(before);
  });

  it('an unrecognised file: the headers it could not place and what is missing, so the wizard can ask', async () => {
    const { core, dir } = await commsCase();
    const path = writeFile(dir, 'odd.csv', 'numéro X;numéro Y;quand;secondes\n0612345678;0698765432;01/03/2024 10:00;60\n');
    const p = await core.ok('comms.previewCdr', { path });
    expect(p.delimiter).toBe(';');
    expect(p.columns).toEqual({});
    expect(p.unplaced).toEqual(['numéro X', 'numéro Y', 'quand', 'secondes']);
    expect(p.missing.join(' ')).toMatch(/the two numbers/);
    expect(p.missing.join(' ')).toMatch(/the start time/);
    // The analyst's mapping, given back: nothing missing any more, day-first read from the dates.
    const mapped = await core.ok('comms.previewCdr', { path, mapping: { version: 1, columns: { caller: 'numéro X', callee: 'numéro Y', start: 'quand', duration: 'secondes' } }, timeZone: 'Europe/Bucharest' });
    expect(mapped).toMatchObject({ missing: [], unplaced: [], timeZone: 'Europe/Bucharest', dayFirst: true });
    expect(mapped.recognised).toEqual({});
  });

  it('bad inputs: a missing file, a file with no header, a binary file, a bad field name, a row count out of range', async () => {
    const { core, dir, db } = await commsCase();
    const before = commsCounts(db());
    expect((await core.fail('comms.previewCdr', { path: `${dir}/none.csv` })).code).toBe('FILE_NOT_FOUND');
    expect((await core.fail('comms.previewCdr', { path: writeFile(dir, 'one.csv', 'justonecolumn\n1\n') })).message).toMatch(/no header row/);
    const bin = writeFile(dir, 'x.csv', Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 7]));
    expect((await core.fail('comms.previewCdr', { path: bin })).code).toBe('INVALID_INPUT');
    const path = writeFile(dir, 'cdr.csv', `${CDR}\n`);
    expect((await core.fail('comms.previewCdr', { path, mapping: { version: 1, columns: { nosuch: 'a' } } as never })).code).toBe('INVALID_INPUT');
    expect((await core.fail('comms.previewCdr', { path, rows: 5000 })).code).toBe('INVALID_INPUT');
    expect(commsCounts(db())).toEqual(before);
  });
});
