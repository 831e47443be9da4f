import { describe, expect, it } from 'vitest';
import { CDR, commsCase, writeFile } from '../comms/support';

// timeline.histogram and timeline.events over a real encrypted case (issue 18): Event entities,
// dated links, meetings, operation phases and the action day, and call records, in one time line.

async function storyCase() {
  const oc = await commsCase(); // bureau FR, zone Europe/Paris
  const { core } = oc;
  const person = async (name: string) => (await core.ok('entity.create', { schema: 'Person', properties: { name: [name] } })).id;
  const marco = await person('Marco Rossi');
  const luca = await person('Luca Bianchi');
  const anna = await person('Anna Verdi');
  const org = (await core.ok('entity.create', { schema: 'Organization', properties: { name: ['Rossi Import'] } })).id;
  const payment = (await core.ok('link.create', { schema: 'Payment', from: marco, to: luca, properties: { date: ['2024-03-01'], amount: ['5000'] } })).id;
  const member = (await core.ok('link.create', { schema: 'Membership', from: anna, to: org, properties: { startDate: ['2024-02'], endDate: ['2024-04'] } })).id;
  await core.ok('link.create', { schema: 'Associate', from: marco, to: anna, properties: {} }); // undated: a tie, not an event
  const arrest = (await core.ok('entity.create', { schema: 'Event', properties: { name: ['Arrest at the port'], date: ['2024-03-02T05:30:00Z'] } })).id;
  await core.ok('link.create', { schema: 'UnknownLink', from: luca, to: arrest, properties: {} });
  const undated = (await core.ok('entity.create', { schema: 'Event', properties: { name: ['Rumoured meeting'] } })).id;
  const typo = (await core.ok('entity.create', { schema: 'Event', properties: { name: ['Old record'], date: ['1024-03-01'] } })).id;
  const meeting = await core.ok('meeting.create', { title: 'Bilateral FR–IT', date: '2024-03-03', bureaus: ['FR', 'IT'] });
  await core.ok('meeting.addItem', { meetingId: meeting.id, title: 'The Rossi network', entities: [marco] });
  const op = await core.ok('operation.create', { name: 'Harbour', leadBureau: 'FR' });
  await core.ok('operation.addTargets', { id: op.id, targets: [{ entityId: luca, bureau: 'FR' }] });
  await core.ok('operation.addPhase', { operationId: op.id, name: 'Surveillance', start: '2024-03-01', end: '2024-03-02' });
  await core.ok('comms.importCdr', { path: writeFile(oc.dir, 'cdr.csv', CDR) });
  const phones = Object.fromEntries(
    (oc.db().prepare("SELECT e.id, s.value FROM entities e JOIN statement_rows s ON s.entity = e.rid AND s.prop = 'number' WHERE e.schema = 'Phone'").all() as Array<{ id: string; value: string }>).map((r) => [r.value, r.id]),
  );
  return { ...oc, marco, luca, anna, org, payment, member, arrest, undated, typo, meeting: meeting.id, phones };
}

describe('timeline.histogram', () => {
  it('counts every kind of event per day in the case zone, stacked by kind, empty days included; undated ones apart', async () => {
    const s = await storyCase();
    const h = await s.core.ok('timeline.histogram', { bucket: 'day', from: '2024-03-01', to: '2024-03-04' });
    expect(h.timeZone).toBe('Europe/Paris');
    expect(h.buckets.map((b) => b.start)).toEqual(['2024-03-01T00:00:00+01:00', '2024-03-02T00:00:00+01:00', '2024-03-03T00:00:00+01:00', '2024-03-04T00:00:00+01:00']);
    // 1 March: the payment, the phase, two call records (the membership began in February: clipped to the range's start).
    expect(h.buckets[0]).toEqual({ start: '2024-03-01T00:00:00+01:00', count: 5, byKind: { link: 2, phase: 1, call: 1, sms: 1 } });
    expect(h.buckets[1]).toEqual({ start: '2024-03-02T00:00:00+01:00', count: 3, byKind: { event: 1, call: 2 } });
    expect(h.buckets[2]).toEqual({ start: '2024-03-03T00:00:00+01:00', count: 2, byKind: { meeting: 1, call: 1 } });
    expect(h.buckets[3]).toEqual({ start: '2024-03-04T00:00:00+01:00', count: 0, byKind: {} });
    expect(h.total).toBe(10);
    expect(h.undated).toBe(2);
  });

  it('aligns buckets in the zone asked for, filters by kind and by entity, and refuses bad input clearly', async () => {
    const s = await storyCase();
    const tokyo = await s.core.ok('timeline.histogram', { bucket: 'day', kinds: ['call', 'sms'], timeZone: 'Asia/Tokyo' });
    expect(tokyo.buckets.map((b) => [b.start, b.count])).toEqual([
      ['2024-03-01T00:00:00+09:00', 2],
      ['2024-03-02T00:00:00+09:00', 2],
      ['2024-03-03T00:00:00+09:00', 1],
    ]);
    const marco = await s.core.ok('timeline.histogram', { bucket: 'month', entities: [s.marco] });
    expect(marco.buckets).toEqual([{ start: '2024-03-01T00:00:00+01:00', count: 2, byKind: { link: 1, meeting: 1 } }]);
    const phoneA = await s.core.ok('timeline.histogram', { bucket: 'week', entities: [s.phones['+33612345678']!] });
    expect(phoneA.buckets).toEqual([{ start: '2024-02-26T00:00:00+01:00', count: 4, byKind: { call: 3, sms: 1 } }]);

    expect(await s.core.fail('timeline.histogram', { timeZone: 'Mars/Olympus' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/"Mars\/Olympus" is not a time zone/) });
    expect(await s.core.fail('timeline.histogram', { from: '2024-03-05', to: '2024-03-01' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/after it ends/) });
    expect(await s.core.fail('timeline.histogram', { from: '1899-12-31' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/1900 to 2100/) });
    expect(await s.core.fail('timeline.histogram', { to: '2101-01-01' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await s.core.fail('timeline.histogram', { from: 'yesterday' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await s.core.fail('timeline.histogram', { bucket: 'hour', from: '1990-01-01', to: '2024-01-01' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/wider bucket/) });
    expect(await s.core.fail('timeline.histogram', { entities: ['FR-nobody'] })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('timeline.events', () => {
  it('lists the events of chosen entities in time order (UTC), with connectors between two entities, lines with gaps, and the undated apart', async () => {
    const s = await storyCase();
    const r = await s.core.ok('timeline.events', { entities: [s.marco, s.luca, s.anna], gapHours: 24 });
    expect(r.events.map((e) => [e.kind, e.time, e.entities.length])).toEqual([
      ['link', '2024-01-31T23:00:00Z', 2], // Anna's membership from February (Paris calendar)
      ['link', '2024-02-29T23:00:00Z', 2], // the payment Marco → Luca
      ['phase', '2024-02-29T23:00:00Z', 1],
      ['event', '2024-03-02T05:30:00Z', 2], // the arrest, on Luca's line through its link
      ['meeting', '2024-03-02T23:00:00Z', 1],
    ]);
    const pay = r.events.find((e) => e.id === s.payment)!;
    expect(pay).toMatchObject({ entities: [s.marco, s.luca], precision: 'day', end: '2024-03-01T22:59:59.999Z', label: 'Payment (5000)' });
    expect(r.events.find((e) => e.id === s.member)).toMatchObject({ precision: 'month', end: '2024-04-30T21:59:59.999Z' });
    expect(r).toMatchObject({ total: 5, truncated: false, timeZone: 'Europe/Paris' });
    expect(r.lines.map((l) => [l.caption, l.events])).toEqual([
      ['Marco Rossi', 2],
      ['Luca Bianchi', 3],
      ['Anna Verdi', 1],
    ]);
    // The payment took its whole day: Marco's silence runs from that day's end to the meeting.
    expect(r.lines[0]!.gaps).toEqual([{ from: '2024-03-01T22:59:59.999Z', to: '2024-03-02T23:00:00Z' }]);
    // Undated events are listed apart with the reason, never placed at 1970; events of nobody asked for are not listed.
    expect(r.events.some((e) => e.time.startsWith('1970'))).toBe(false);
    expect(r.undated).toEqual([]);
    const all = await s.core.ok('timeline.events', {});
    expect(all.undated).toEqual([
      expect.objectContaining({ id: s.undated, kind: 'event', reason: 'no-date', value: null, label: 'Rumoured meeting' }),
      expect.objectContaining({ id: s.typo, kind: 'event', reason: 'out-of-range', value: '1024-03-01' }),
    ]);
    expect(all.total).toBe(10); // two links, the phase, the arrest, the meeting, five call records
  });

  it('call records between two phones are connectors; the limit cuts the list and says so', async () => {
    const s = await storyCase();
    const a = s.phones['+33612345678']!;
    const b = s.phones['+33698765432']!;
    const r = await s.core.ok('timeline.events', { entities: [a], kinds: ['call', 'sms'], limit: 2, from: '2024-03-01', to: '2024-03-02' });
    expect(r.events).toEqual([
      expect.objectContaining({ id: expect.stringMatching(/^comms:\d+$/), kind: 'call', time: '2024-03-01T09:00:00Z', end: '2024-03-01T09:01:00Z', entities: [a, b] }),
      expect.objectContaining({ kind: 'sms', time: '2024-03-01T10:00:00Z', end: null, entities: [a, b] }),
    ]);
    expect(r).toMatchObject({ total: 4, truncated: true });
    expect(r.lines[0]).toMatchObject({ entity: a, events: 4, first: '2024-03-01T09:00:00Z', last: '2024-03-02T11:00:00Z' });
  });
});
