import { describe, expect, it } from 'vitest';
import { auditActions, openCase, person } from './fixtures';

// Joint operations through the contract: the status machine, targets, phases and tasks with
// dependencies, the action day per country, and each bad input of the issue.

describe('joint operations', () => {
  it('moves planning → approved → executing → concluded one step at a time, refusing the rest clearly', async () => {
    const core = await openCase();
    const op = await core.ok('operation.create', { name: 'Tide', codeWord: 'NEPTUNE', leadBureau: 'it', bureaus: ['DE', 'FR', 'IT'], agencies: ['Guardia di Finanza', 'BKA'] });
    expect(op).toMatchObject({ status: 'planning', leadBureau: 'IT', bureaus: ['DE', 'FR', 'IT'], agencies: ['BKA', 'Guardia di Finanza'], warnings: [] });
    expect((await core.fail('operation.setStatus', { id: op.id, status: 'executing' })).message).toBe(
      'Operation Tide cannot go from planning to executing: it can only move to approved (planning → approved → executing → concluded).',
    );
    expect((await core.fail('operation.setStatus', { id: op.id, status: 'planning' })).message).toMatch(/already planning/);
    for (const s of ['approved', 'executing', 'concluded'] as const) expect((await core.ok('operation.setStatus', { id: op.id, status: s })).status).toBe(s);
    expect((await core.fail('operation.setStatus', { id: op.id, status: 'approved' })).message).toMatch(/it is concluded, the last status/);
    expect((await core.fail('operation.addPhase', { operationId: op.id, name: 'Late', start: '2025-01-01', end: '2025-01-02' })).message).toMatch(/concluded; its plan can no longer change/);
    expect((await core.ok('operation.list', {})).map((o) => [o.name, o.status])).toEqual([['Tide', 'concluded']]);
    expect((await auditActions(core)).filter((a) => a === 'operation.status')).toHaveLength(3);
  });

  it('takes targets from a list of entity ids (a disruption result), all or none', async () => {
    const core = await openCase();
    const [a, b, c] = [await person(core, 'Anna'), await person(core, 'Bruno'), await person(core, 'Carla')];
    const op = await core.ok('operation.create', { name: 'Tide', leadBureau: 'IT' });
    const after = await core.ok('operation.addTargets', { id: op.id, targets: [a, b].map((entityId) => ({ entityId, bureau: 'IT', reason: 'top betweenness' })) });
    expect(after.targetList.map((t) => [t.caption, t.reason, t.bureau, t.state])).toEqual([
      ['Anna', 'top betweenness', 'IT', 'live'],
      ['Bruno', 'top betweenness', 'IT', 'live'],
    ]);
    expect((await core.fail('operation.addTargets', { id: op.id, targets: [{ entityId: c, bureau: 'DE' }, { entityId: a, bureau: 'DE' }] })).message).toMatch(/Already targets of Tide: /);
    expect((await core.fail('operation.addTargets', { id: op.id, targets: [{ entityId: c, bureau: 'DE' }, { entityId: 'nope', bureau: 'DE' }] })).message).toMatch(/Targets: nope is not in this case/);
    expect((await core.fail('operation.addTargets', { id: op.id, targets: [{ entityId: c, bureau: 'DE' }, { entityId: c, bureau: 'FR' }] })).message).toMatch(/given more than once/);
    expect((await core.ok('operation.open', { id: op.id })).targets).toBe(2);
    expect((await core.ok('operation.removeTarget', { id: op.id, entityId: b })).targetList.map((t) => t.caption)).toEqual(['Anna']);
    expect(await auditActions(core)).toEqual(expect.arrayContaining(['operation.targets', 'operation.untarget']));
  });

  it('plans phases and tasks: end before start refused, overlaps and early starts warned, cycles refused and named', async () => {
    const core = await openCase();
    const op = await core.ok('operation.create', { name: 'Tide', leadBureau: 'IT' });
    expect((await core.fail('operation.addPhase', { operationId: op.id, name: 'Surveillance', start: '2025-03-10', end: '2025-03-01' })).message).toBe(
      'Phase "Surveillance" ends (2025-03-01) before it starts (2025-03-10).',
    );
    await core.ok('operation.addPhase', { operationId: op.id, name: 'Surveillance', start: '2025-03-01', end: '2025-03-10' });
    const both = await core.ok('operation.addPhase', { operationId: op.id, name: 'Arrests', start: '2025-03-10', end: '2025-03-12' });
    expect(both.warnings).toEqual([
      { code: 'phase-overlap', message: 'Phases "Surveillance" (2025-03-01 – 2025-03-10) and "Arrests" (2025-03-10 – 2025-03-12) overlap.', refs: both.phases.map((p) => p.id) },
    ]);
    const phase = both.phases[0]!.id;
    expect((await core.fail('operation.addTask', { operationId: op.id, phaseId: phase, title: 'Wiretap', owner: 'IT', start: '2025-03-05', end: '2025-03-04' })).message).toMatch(
      /Task "Wiretap" ends \(2025-03-04\) before it starts/,
    );
    let plan = await core.ok('operation.addTask', { operationId: op.id, phaseId: phase, title: 'Wiretap', owner: 'IT', start: '2025-03-01', end: '2025-03-05' });
    const wiretap = plan.tasks[0]!.id;
    plan = await core.ok('operation.addTask', { operationId: op.id, title: 'Warrants', owner: 'DE', start: '2025-03-04', end: '2025-03-06', dependsOn: [wiretap] });
    const warrants = plan.tasks.find((t) => t.title === 'Warrants')!;
    expect(warrants.dependsOn).toEqual([wiretap]);
    expect(plan.warnings.map((w) => w.code)).toEqual(['phase-overlap', 'task-before-dependency']);
    plan = await core.ok('operation.addTask', { operationId: op.id, title: 'Raid', owner: 'DE', start: '2025-03-10', end: '2025-03-10', dependsOn: [warrants.id] });
    const raid = plan.tasks.find((t) => t.title === 'Raid')!.id;

    const cycle = await core.fail('operation.addDependency', { taskId: wiretap, dependsOn: raid });
    expect(cycle.code).toBe('CONSTRAINT');
    expect(cycle.message).toBe('Dependency cycle: "Wiretap" → "Raid" → "Warrants" → "Wiretap" (each depends on the next).');
    expect((await core.fail('operation.addDependency', { taskId: raid, dependsOn: raid })).message).toMatch(/cannot depend on itself/);
    expect((await core.fail('operation.addDependency', { taskId: raid, dependsOn: warrants.id })).message).toMatch(/already depends/);
    // Nothing half-written: the refused dependency is not there.
    expect((await core.ok('operation.open', { id: op.id })).tasks.find((t) => t.id === wiretap)!.dependsOn).toEqual([]);
    expect((await core.ok('operation.addDependency', { taskId: raid, dependsOn: wiretap })).tasks.find((t) => t.id === raid)!.dependsOn.length).toBe(2);
    expect(await auditActions(core)).toEqual(expect.arrayContaining(['operation.phase', 'operation.task', 'operation.dependency']));
  });

  it('warns on opening when a target was merged or deleted since, without failing', async () => {
    const core = await openCase();
    const [a, a2, b] = [await person(core, 'Marco Bianchi'), await person(core, 'M. Bianchi'), await person(core, 'Bruno')];
    const op = await core.ok('operation.create', { name: 'Tide', leadBureau: 'IT' });
    await core.ok('operation.addTargets', { id: op.id, targets: [{ entityId: a2, bureau: 'IT' }, { entityId: b, bureau: 'IT' }] });
    await core.ok('match.judge', { a, b: a2, decision: 'same' });
    await core.ok('entity.delete', { id: b });
    const opened = await core.ok('operation.open', { id: op.id });
    expect(opened.targetList.map((t) => [t.entityId, t.state, t.canonicalId])).toEqual([
      [a2, 'merged', a],
      [b, 'deleted', b],
    ]);
    expect(opened.warnings).toEqual([
      { code: 'target-merged', message: 'Target M. Bianchi has been matched as the same as Marco Bianchi; it is checked and simulated as Marco Bianchi.', refs: [a2, a] },
      { code: 'target-deleted', message: 'Target Bruno has been deleted from the case since it was added; remove it or choose another entity.', refs: [b] },
    ]);
  });

  it('keeps the action day per country in UTC with IANA zones, warns when it is past, refuses unknown zones and skipped times', async () => {
    const core = await openCase();
    const op = await core.ok('operation.create', { name: 'Tide', leadBureau: 'IT', bureaus: ['PT', 'RO'] });
    const set = await core.ok('operation.setActionDay', {
      id: op.id,
      date: '2025-03-04',
      timeline: [
        { bureau: 'IT', timeZone: 'Europe/Rome', local: '2025-03-04T06:00', label: 'Doors' },
        { bureau: 'PT', timeZone: 'Europe/Lisbon', local: '2025-03-04T05:00', label: 'Doors' },
        { bureau: 'RO', timeZone: 'Europe/Bucharest', local: '2025-03-04T07:00', label: 'Doors' },
        { bureau: 'IT', timeZone: 'Europe/Rome', local: '2025-03-04T09:30', label: 'Debrief' },
      ],
    });
    // All three doors at the same instant: 05:00 UTC.
    expect(set.timeline.map((t) => [t.bureau, t.timeZone, t.events.map((e) => [e.at, e.local, e.offset, e.label])])).toEqual([
      ['IT', 'Europe/Rome', [['2025-03-04T05:00:00.000Z', '2025-03-04 06:00', '+01:00', 'Doors'], ['2025-03-04T08:30:00.000Z', '2025-03-04 09:30', '+01:00', 'Debrief']]],
      ['PT', 'Europe/Lisbon', [['2025-03-04T05:00:00.000Z', '2025-03-04 05:00', '+00:00', 'Doors']]],
      ['RO', 'Europe/Bucharest', [['2025-03-04T05:00:00.000Z', '2025-03-04 07:00', '+02:00', 'Doors']]],
    ]);
    expect((await core.ok('operation.open', { id: op.id, asOf: '2025-03-01' })).warnings).toEqual([]);
    expect((await core.ok('operation.open', { id: op.id, asOf: '2025-03-04T23:00:00Z' })).warnings).toEqual([]);
    expect((await core.ok('operation.open', { id: op.id, asOf: '2025-03-05' })).warnings).toEqual([
      { code: 'action-day-past', message: 'The action day 2025-03-04 is in the past (today is 2025-03-05).', refs: [op.id] },
    ]);
    // In summer time, Rome is UTC+2.
    const summer = await core.ok('operation.setActionDay', { id: op.id, date: '2020-07-01', timeline: [{ bureau: 'IT', timeZone: 'Europe/Rome', local: '2020-07-01T06:00', label: 'Doors' }] });
    expect(summer.timeline[0]!.events[0]).toMatchObject({ at: '2020-07-01T04:00:00.000Z', offset: '+02:00' });
    expect(summer.warnings.map((w) => w.code)).toEqual(['action-day-past']);

    const before = await core.ok('operation.open', { id: op.id });
    expect((await core.fail('operation.setActionDay', { id: op.id, date: '2025-03-04', timeline: [{ bureau: 'IT', timeZone: 'Europe/Roma', local: '2025-03-04T06:00', label: 'Doors' }] })).message).toMatch(
      /"Europe\/Roma" is not a time zone/,
    );
    expect((await core.fail('operation.setActionDay', { id: op.id, date: '2025-03-30', timeline: [{ bureau: 'IT', timeZone: 'Europe/Rome', local: '2025-03-30T02:30', label: 'Doors' }] })).message).toBe(
      '2025-03-30T02:30 does not exist in Europe/Rome (the clocks skip it for daylight saving).',
    );
    // Nothing half-written by the refusals.
    const after = await core.ok('operation.open', { id: op.id });
    expect([after.actionDay, after.timeline]).toEqual([before.actionDay, before.timeline]);
    expect(await auditActions(core)).toContain('operation.action-day');
  });
});
