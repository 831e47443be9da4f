import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '../cli-io';
import { CDR, commsCase, writeFile } from './support';

// A phone's movement through its cell sites (issue 19): stays in time order where the sites are,
// events without a cell counted apart, cells not placed counted and never guessed.
describe('movement through cell sites', () => {
  it('folds consecutive events on one site into a stay, in UTC, with the site’s place', async () => {
    const oc = await commsCase();
    await oc.core.ok('comms.importCdr', { path: writeFile(oc.dir, 'cdr.csv', `${CDR}\n`) });
    // Only the first cell is placed at first.
    await oc.core.ok('comms.importCells', { path: writeFile(oc.dir, 'cells.csv', 'cell_id,lat,lon,azimuth\n208-01-100-1,48.8566,2.3522,120\n') });
    const before = await oc.core.ok('comms.movement', { phone: '06 12 34 56 78' });
    expect(before.phone.phone).toBe('+33612345678');
    // A: 10:00 and 11:00 on 100-1 (Paris, CET → 09:00Z, 10:00Z); 09:30 on 2 March as receiver (no
    // cell for its side); 12:00 on 100-2, not placed yet.
    expect(before).toMatchObject({ events: 4, noCell: 1, unlocated: 1, truncated: 0 });
    expect(before.stays).toEqual([
      { cell: '208-01-100-1', siteId: expect.stringMatching(/^cellsite-/), caption: expect.any(String), lat: 48.8566, lon: 2.3522, from: '2024-03-01T09:00:00Z', to: '2024-03-01T10:00:00Z', events: 2 },
    ]);

    await oc.core.ok('comms.importCells', { path: writeFile(oc.dir, 'cells2.csv', 'cell_id,lat,lon\n208-01-100-2,45.764,4.8357\n') });
    const after = await oc.core.ok('comms.movement', { phone: '+33612345678' });
    expect(after).toMatchObject({ events: 4, noCell: 1, unlocated: 0 });
    expect(after.stays.map((s) => [s.cell, s.lat, s.lon, s.from, s.events])).toEqual([
      ['208-01-100-1', 48.8566, 2.3522, '2024-03-01T09:00:00Z', 2],
      ['208-01-100-2', 45.764, 4.8357, '2024-03-02T11:00:00Z', 1],
    ]);
    // In a range: only 2 March.
    const day = await oc.core.ok('comms.movement', { phone: '+33612345678', from: '2024-03-02', to: '2024-03-02' });
    expect(day.stays.map((s) => s.cell)).toEqual(['208-01-100-2']);
    // A number that is not in the case: NOT_FOUND, as for every comms analysis.
    expect((await oc.core.fail('comms.movement', { phone: '+33 6 00 00 00 01' })).code).toBe('NOT_FOUND');
  });

  it('cordon comms movement prints the stays, and JSON with the counts', async () => {
    const oc = await commsCase();
    await oc.core.ok('comms.importCdr', { path: writeFile(oc.dir, 'cdr.csv', `${CDR}\n`) });
    await oc.core.ok('comms.importCells', { path: writeFile(oc.dir, 'cells.csv', 'cell_id,lat,lon\n208-01-100-1,48.8566,2.3522\n208-01-100-2,45.764,4.8357\n') });
    const path = oc.core.session.case.path;
    await oc.core.ok('case.close', {});
    const run = cliRunner({ CORDON_PASSPHRASE: 'interchange test passphrase', CORDON_DATA_DIR: join(oc.dir, 'cli') });
    const r = await run('comms', 'movement', path, '0612345678', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ phone: '+33612345678', events: 4, no_cell: 1, unlocated: 0, stays: [{ cell: '208-01-100-1', lat: 48.8566, events: 2 }, { cell: '208-01-100-2', lon: 4.8357 }] });
    const text = await run('comms', 'movement', path, '0612345678');
    expect(text.out).toContain('+33612345678: 2 stays over 4 events (1 with no cell, 0 on cells not placed)');
  });
});
