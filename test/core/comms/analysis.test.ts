import { describe, expect, it } from 'vitest';
import { commsLinksBetween, linksBetweenSql } from '../../../electron/core/comms/links';
import { commsCase, writeFile } from './support';

// A small case with known answers: five phones (A … E), their handsets and cells.
const A = '+33611111111';
const B = '+33622222222';
const C = '+33633333333';
const D = '+33644444444';
const E = '+33655555555';
const I1 = '490154203237518';
const I2 = '356938035643809';
const rows = [
  'A-number;B-number;Date;Heure;Durée;Type;IMEI;Cellule',
  `0611111111;0622222222;01/03/2024;10:00:00;60;Voix;${I1};X1`,
  `0611111111;0622222222;01/03/2024;10:05:00;0;SMS;${I1};X1`,
  '0622222222;0611111111;02/03/2024;09:00:00;30;Voix;;X2',
  `0611111111;0633333333;03/03/2024;12:00:00;10;Voix;${I1};X1`,
  '0622222222;0633333333;03/03/2024;12:05:00;20;Voix;;X1',
  '0644444444;0633333333;04/03/2024;08:00:00;40;Voix;;X3',
  '0644444444;0622222222;04/03/2024;08:30:00;5;Voix;;X3',
  `0611111111;0655555555;10/03/2024;18:00:00;15;Voix;${I2};X4`,
  `0655555555;0644444444;11/03/2024;19:00:00;15;Voix;${I1};X4`,
];

async function loaded() {
  const oc = await commsCase();
  const r = await oc.core.ok('comms.importCdr', { path: writeFile(oc.dir, 'cdr.csv', `${rows.join('\r\n')}\r\n`) });
  expect(r).toMatchObject({ events: 9, skipped: 0 });
  expect(r.mapping.columns).toMatchObject({ caller: 'A-number', callee: 'B-number', date: 'Date', time: 'Heure', duration: 'Durée', type: 'Type', imei: 'IMEI', cell: 'Cellule' });
  return oc;
}

describe('comms analyses', () => {
  it('top: the contacts of a phone by events, with duration, first and last contact (UTC)', async () => {
    const { core } = await loaded();
    const r = await core.ok('comms.top', { phone: '06 11 11 11 11' });
    expect(r.phone.phone).toBe(A);
    expect(r.results.map((x) => [x.phone, x.events, x.calls, x.sms, x.durationS])).toEqual([
      [B, 3, 2, 1, 90],
      [E, 1, 1, 0, 15],
      [C, 1, 1, 0, 10],
    ]);
    expect(r.results[0]).toMatchObject({ first: '2024-03-01T09:00:00Z', last: '2024-03-02T08:00:00Z' });
    // Restricted to a period: the events in it.
    const march2 = await core.ok('comms.top', { phone: A, from: '2024-03-02', to: '2024-03-05' });
    expect(march2.results.map((x) => [x.phone, x.events])).toEqual([
      [B, 1],
      [C, 1],
    ]);
    expect((await core.fail('comms.top', { phone: '0699999999' })).code).toBe('NOT_FOUND');
  });

  it('common: numbers in contact with all the phones, or with at least --min of them', async () => {
    const { core } = await loaded();
    expect((await core.ok('comms.common', { phones: [A, B, D] })).results.map((x) => [x.phone, x.with])).toEqual([[C, 3]]);
    const two = await core.ok('comms.common', { phones: [A, B, D], min: 2 });
    expect(two.results.map((x) => [x.phone, x.with])).toEqual([
      [C, 3],
      [E, 2],
    ]);
  });

  it('activity: weekday × hour in the case zone, and events per day', async () => {
    const { core } = await loaded();
    const r = await core.ok('comms.activity', { phone: A });
    expect(r.events).toBe(5);
    expect(r.timeZone).toBe('Europe/Paris');
    // 1 March 2024 was a Friday: two events at 10 h Paris time.
    expect(r.matrix[4]![10]).toBe(2);
    expect(r.days).toEqual([
      { day: '2024-03-01', events: 2 },
      { day: '2024-03-02', events: 1 },
      { day: '2024-03-03', events: 1 },
      { day: '2024-03-10', events: 1 },
    ]);
  });

  it('swaps: a handset that held two numbers, a number that moved between handsets', async () => {
    const { core } = await loaded();
    const r = await core.ok('comms.swaps', {});
    expect(r.results).toEqual([
      { imei: I1, device: `device-${I1}`, phones: [{ phone: A, first: '2024-03-01T09:00:00Z', last: '2024-03-03T11:00:00Z', events: 3 }, { phone: E, first: '2024-03-11T18:00:00Z', last: '2024-03-11T18:00:00Z', events: 1 }] },
    ]);
    expect(r.moved.map((m) => [m.phone, m.imeis.map((i) => i.imei)])).toEqual([[A, [I1, I2]]]);
  });

  it('colocation: both phones on the same cell within the window', async () => {
    const { core } = await loaded();
    const r = await core.ok('comms.colocation', { phones: [A, B], windowS: 900 });
    // B is on X1 only when it calls C on 3 March (where it receives, its cell is not in A's records).
    expect(r.results).toEqual([{ cell: 'X1', time: '2024-03-03T11:00:00Z', site: null, gapS: 300 }]);
    expect((await core.ok('comms.colocation', { phones: [A, B], windowS: 60 })).results).toEqual([]);
  });

  it('silence: the gap longer than usual for the phone', async () => {
    const { core } = await loaded();
    const r = await core.ok('comms.silence', { phone: A });
    expect(r.results[0]).toMatchObject({ from: '2024-03-03T11:00:10Z', to: '2024-03-10T17:00:00Z' });
    expect(r.results.every((g) => g.gapS >= r.thresholdS)).toBe(true);
  });

  it('events: the events behind a link, sorted and paged', async () => {
    const { core } = await loaded();
    const page = await core.ok('comms.events', { a: A, b: B, sort: 'duration', desc: true, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.rows.map((x) => [x.caller, x.callee, x.kind, x.durationS])).toEqual([
      [A, B, 'voice', 60],
      [B, A, 'voice', 30],
    ]);
    expect(page.rows[0]).toMatchObject({ imei: I1, callerCell: 'X1', start: '2024-03-01T09:00:00Z' });
  });

  it('the aggregated links are links of the analysis graph, the chart and the entity page', async () => {
    const { core } = await loaded();
    const all = await core.ok('analysis.run', { measures: ['degree'] });
    expect(all.graph).toMatchObject({ nodes: 5, edges: 7 });
    expect(all.rows.map((r) => r.caption)).toContain('+33 6 11 11 11 11');
    // As of 2 March only A and B had talked; in the window 3–4 March, A, B and D with C, and D with B.
    const asOf = await core.ok('analysis.run', { measures: ['degree'], asOf: '2024-03-02' });
    expect(asOf.graph).toMatchObject({ nodes: 2, edges: 1 });
    expect(asOf.graph.links.byDate).toBe(6);
    const chart = await core.ok('chart.elements', { entityIds: ['phone-33611111111', 'phone-33622222222', 'phone-33633333333'] });
    const calls = chart.edges.filter((e) => e.schema === 'Call');
    expect(calls.map((e) => [e.source, e.target, e.strength]).sort()).toEqual([
      ['phone-33611111111', 'phone-33622222222', 2],
      ['phone-33611111111', 'phone-33633333333', 1],
      ['phone-33622222222', 'phone-33611111111', 1],
      ['phone-33622222222', 'phone-33633333333', 1],
    ]);
    const page = await core.ok('entity.get', { id: 'phone-33611111111' });
    expect(page.links.filter((l) => l.schema === 'Call').map((l) => [l.direction, l.other.id])).toContainEqual(['out', 'phone-33622222222']);
    const expanded = await core.ok('chart.expand', { from: ['phone-33644444444'], hops: 1 });
    expect(expanded.ids.sort()).toEqual(['phone-33622222222', 'phone-33633333333', 'phone-33655555555']);
    // Both directions, and only between the lists given; nothing for an empty list.
    const db = core.session.case.db;
    const between = commsLinksBetween(db, ['phone-33622222222'], ['phone-33611111111', 'phone-33633333333']);
    expect(between.map((l) => `${l.callerId}>${l.calleeId}`).sort()).toEqual(['phone-33611111111>phone-33622222222', 'phone-33622222222>phone-33611111111', 'phone-33622222222>phone-33633333333']);
    expect(commsLinksBetween(db, [], ['phone-33611111111'])).toEqual([]);
  });

  it('the links between chosen phones are read through the two link indexes, never a scan of every link', async () => {
    const { core } = await loaded();
    const db = core.session.case.db;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${linksBetweenSql}`).all({ t: '[]', a: '[]' }) as Array<{ detail: string }>).map((r) => r.detail);
    expect(plan.some((d) => /SEARCH l USING PRIMARY KEY \(caller=\?\)/.test(d))).toBe(true);
    expect(plan.some((d) => /SEARCH l USING (COVERING )?INDEX comms_links_callee \(callee=\?\)/.test(d))).toBe(true);
    expect(plan.filter((d) => /^SCAN l\b/.test(d))).toEqual([]);
  });
});
