import { describe, expect, it } from 'vitest';
import { auditActions, openCase, person } from './fixtures';

// Meetings through the contract: participants, agenda linked to entities, charts and analysis
// runs, minutes, decisions, action items and the overdue list.

describe('meetings', () => {
  it('records a meeting with its agenda, minutes, decisions and action items, every write audited', async () => {
    const core = await openCase();
    const a = await person(core, 'Anna Rossi');
    const b = await person(core, 'Bruno Keller');
    await core.ok('link.create', { schema: 'Associate', from: a, to: b, properties: {} });
    const chart = await core.ok('chart.create', { name: 'Cell' });
    const run = await core.ok('analysis.run', { measures: ['degree'], top: 5 });

    const bilateral = await core.ok('meeting.create', { title: 'IT–DE kick-off', date: '2025-01-10', place: 'Rome', bureaus: ['it', 'DE'] });
    expect(bilateral).toMatchObject({ kind: 'bilateral', bureaus: ['DE', 'IT'], place: 'Rome', items: 0, agenda: [] });
    const m = await core.ok('meeting.create', { title: 'Tide coordination', date: '2025-02-01', bureaus: ['IT', 'DE', 'FR'] });
    expect(m.kind).toBe('multilateral');

    const item = await core.ok('meeting.addItem', { meetingId: m.id, title: 'The Rossi cell', entities: [a, b], charts: [chart.id], analyses: [run.auditSeq] });
    expect(item.position).toBe(1);
    expect(item.links.map((l) => [l.kind, l.label, l.missing])).toEqual([
      ['analysis', expect.stringMatching(/^analysis\.run #\d+/), false],
      ['chart', 'Cell', false],
      ['entity', 'Anna Rossi', false],
      ['entity', 'Bruno Keller', false],
    ]);
    const second = await core.ok('meeting.addItem', { meetingId: m.id, title: 'Any other business' });
    expect(second.position).toBe(2);
    expect((await core.ok('meeting.setMinutes', { itemId: item.id, minutes: 'DE confirms the address in Munich.' })).minutes).toBe('DE confirms the address in Munich.');
    await core.ok('meeting.addDecision', { meetingId: m.id, itemId: item.id, text: 'Open a joint operation.' });
    const action = await core.ok('meeting.addAction', { meetingId: m.id, itemId: item.id, title: 'Send the phone records', ownerBureau: 'de', due: '2025-02-15' });
    expect(action).toMatchObject({ ownerBureau: 'DE', due: '2025-02-15', status: 'open' });

    const detail = await core.ok('meeting.get', { id: m.id });
    expect(detail.agenda.map((i) => i.title)).toEqual(['The Rossi cell', 'Any other business']);
    expect(detail.agenda[0]!.minutes).toMatch(/Munich/);
    expect(detail.decisions.map((d) => d.text)).toEqual(['Open a joint operation.']);
    expect(detail.actions.map((x) => x.title)).toEqual(['Send the phone records']);
    expect((await core.ok('meeting.list', {})).map((x) => [x.title, x.items, x.openActions])).toEqual([
      ['Tide coordination', 2, 1],
      ['IT–DE kick-off', 0, 0],
    ]);
    expect(await auditActions(core)).toEqual(expect.arrayContaining(['meeting.create', 'meeting.item', 'meeting.minutes', 'meeting.decision', 'meeting.action']));
  });

  it('lists open action items across meetings, earliest due first, flagging overdue ones against the given day', async () => {
    const core = await openCase();
    const m1 = await core.ok('meeting.create', { title: 'First', date: '2025-01-10', bureaus: ['IT', 'DE'] });
    const m2 = await core.ok('meeting.create', { title: 'Second', date: '2025-02-10', bureaus: ['IT', 'FR', 'ES'] });
    const late = await core.ok('meeting.addAction', { meetingId: m1.id, title: 'Bank records', ownerBureau: 'DE', due: '2025-02-01' });
    await core.ok('meeting.addAction', { meetingId: m2.id, title: 'Surveillance plan', ownerBureau: 'FR', due: '2025-03-01' });
    const done = await core.ok('meeting.addAction', { meetingId: m2.id, title: 'Translations', ownerBureau: 'ES', due: '2025-01-20' });
    await core.ok('meeting.setActionStatus', { id: done.id, status: 'done' });
    expect((await core.ok('meeting.setActionStatus', { id: late.id, status: 'in_progress' })).status).toBe('in_progress');

    const open = await core.ok('meeting.openActions', { asOf: '2025-02-15' });
    expect(open.map((x) => [x.title, x.meetingTitle, x.overdue])).toEqual([
      ['Bank records', 'First', true],
      ['Surveillance plan', 'Second', false],
    ]);
    // Due today is not overdue; the day after it is.
    expect((await core.ok('meeting.openActions', { asOf: '2025-03-01' })).map((x) => x.overdue)).toEqual([true, false]);
    expect((await core.ok('meeting.openActions', { asOf: '2025-03-02T08:00:00Z' })).map((x) => x.overdue)).toEqual([true, true]);
    expect(await auditActions(core)).toContain('meeting.action-status');
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const core = await openCase();
    const a = await person(core, 'Anna');
    expect((await core.fail('meeting.create', { title: 'Alone', date: '2025-01-10', bureaus: ['IT', 'it'] })).message).toMatch(/two different bureaus/);
    expect((await core.fail('meeting.create', { title: 'X', date: '2025-02-30', bureaus: ['IT', 'DE'] })).code).toBe('INVALID_INPUT');
    expect((await core.fail('meeting.create', { title: 'X', date: '2025-02-01', bureaus: ['IT', 'DE'], officers: ['nobody'] })).message).toMatch(/Officer nobody is not in the directory/);
    expect((await core.fail('meeting.create', { title: 'X', date: '2025-02-01', bureaus: ['IT', 'DE'], projectId: 'nope' })).code).toBe('NOT_FOUND');
    const m = await core.ok('meeting.create', { title: 'M', date: '2025-02-01', bureaus: ['IT', 'DE'] });
    await core.ok('entity.delete', { id: a });
    expect((await core.fail('meeting.addItem', { meetingId: m.id, title: 'I', entities: [a] })).message).toMatch(/is not in this case/);
    expect((await core.fail('meeting.addItem', { meetingId: m.id, title: 'I', charts: ['nope'] })).message).toMatch(/Chart nope/);
    expect((await core.fail('meeting.addItem', { meetingId: m.id, title: 'I', analyses: [1] })).message).toMatch(/No analysis run #1/);
    expect((await core.fail('meeting.addAction', { meetingId: m.id, title: 'A', ownerBureau: 'DE', due: '15/02/2025' })).code).toBe('INVALID_INPUT');
    const other = await core.ok('meeting.create', { title: 'Other', date: '2025-02-01', bureaus: ['IT', 'FR'] });
    const item = await core.ok('meeting.addItem', { meetingId: other.id, title: 'I' });
    expect((await core.fail('meeting.addDecision', { meetingId: m.id, itemId: item.id, text: 'D' })).message).toMatch(/belongs to another meeting/);
    expect((await core.ok('meeting.get', { id: m.id })).agenda).toEqual([]);
    expect((await core.ok('meeting.list', {})).length).toBe(2);
  });
});
