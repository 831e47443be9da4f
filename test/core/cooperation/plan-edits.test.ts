import { describe, expect, it } from 'vitest';
import { auditActions, openCase } from './fixtures';

// Editing the Gantt (issue 7): phases and tasks moved and changed with the rules they were added
// under. End before start and dependency cycles are refused and change nothing; overlapping
// phases and early starts come back as warnings.

async function plan() {
  const core = await openCase();
  const op = await core.ok('operation.create', { name: 'Tide', leadBureau: 'IT', bureaus: ['DE'] });
  await core.ok('operation.addPhase', { operationId: op.id, name: 'Surveillance', start: '2025-03-01', end: '2025-03-10' });
  let p = await core.ok('operation.addPhase', { operationId: op.id, name: 'Arrests', start: '2025-03-15', end: '2025-03-16' });
  const [surveillance, arrests] = [p.phases[0]!.id, p.phases[1]!.id];
  p = await core.ok('operation.addTask', { operationId: op.id, phaseId: surveillance, title: 'Wiretap', owner: 'IT', start: '2025-03-01', end: '2025-03-05' });
  const wiretap = p.tasks[0]!.id;
  p = await core.ok('operation.addTask', { operationId: op.id, title: 'Warrants', owner: 'DE', start: '2025-03-06', end: '2025-03-08', dependsOn: [wiretap] });
  const warrants = p.tasks.find((t) => t.title === 'Warrants')!.id;
  p = await core.ok('operation.addTask', { operationId: op.id, phaseId: arrests, title: 'Raid', owner: 'DE', start: '2025-03-15', end: '2025-03-15', dependsOn: [warrants] });
  const raid = p.tasks.find((t) => t.title === 'Raid')!.id;
  expect(p.warnings).toEqual([]);
  return { core, op: op.id, surveillance, arrests, wiretap, warrants, raid };
}

describe('editing the plan', () => {
  it('moves and renames a phase; an overlap comes back as a warning, an end before the start is refused', async () => {
    const { core, surveillance, arrests } = await plan();
    const moved = await core.ok('operation.updatePhase', { id: arrests, start: '2025-03-09', end: '2025-03-11' });
    expect(moved.phases.find((p) => p.id === arrests)).toMatchObject({ name: 'Arrests', start: '2025-03-09', end: '2025-03-11' });
    expect(moved.warnings).toEqual([expect.objectContaining({ code: 'phase-overlap', refs: [surveillance, arrests] })]);
    const refused = await core.fail('operation.updatePhase', { id: arrests, end: '2025-03-01' });
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: 'Phase "Arrests" ends (2025-03-01) before it starts (2025-03-09).' });
    const renamed = await core.ok('operation.updatePhase', { id: surveillance, name: 'Watch' });
    expect(renamed.phases.find((p) => p.id === surveillance)).toMatchObject({ name: 'Watch', start: '2025-03-01', end: '2025-03-10' });
    expect((await core.fail('operation.updatePhase', { id: 'IT-nope', name: 'x' })).code).toBe('NOT_FOUND');
    expect(await auditActions(core)).toContain('operation.phase-edit');
  });

  it('moves a task, changes its owner, phase and dependencies; refuses a cycle and names it, writing nothing', async () => {
    const { core, op, arrests, wiretap, warrants, raid } = await plan();
    // Dragging Warrants two days earlier: it now starts before Wiretap ends.
    const early = await core.ok('operation.updateTask', { id: warrants, start: '2025-03-04', end: '2025-03-06' });
    expect(early.tasks.find((t) => t.id === warrants)).toMatchObject({ start: '2025-03-04', end: '2025-03-06', owner: 'DE', dependsOn: [wiretap] });
    expect(early.warnings.map((w) => w.code)).toEqual(['task-before-dependency']);
    const changed = await core.ok('operation.updateTask', { id: warrants, owner: 'IT', phaseId: arrests, start: '2025-03-06', end: '2025-03-08' });
    expect(changed.tasks.find((t) => t.id === warrants)).toMatchObject({ owner: 'IT', phaseId: arrests });
    expect(changed.warnings).toEqual([]);

    const before = await core.ok('operation.open', { id: op });
    const cycle = await core.fail('operation.updateTask', { id: wiretap, dependsOn: [raid] });
    expect(cycle).toMatchObject({ code: 'CONSTRAINT', message: 'Dependency cycle: "Wiretap" → "Raid" → "Warrants" → "Wiretap" (each depends on the next).' });
    expect((await core.fail('operation.updateTask', { id: raid, dependsOn: [raid] })).message).toMatch(/cannot depend on itself/);
    expect((await core.fail('operation.updateTask', { id: raid, start: '2025-03-16', end: '2025-03-15' })).message).toMatch(/Task "Raid" ends \(2025-03-15\) before it starts \(2025-03-16\)/);
    expect((await core.fail('operation.updateTask', { id: raid, phaseId: 'IT-nope' })).code).toBe('NOT_FOUND');
    expect(await core.ok('operation.open', { id: op })).toEqual(before);

    // The list is replaced, not added to; null takes the task out of its phase.
    const replaced = await core.ok('operation.updateTask', { id: raid, dependsOn: [wiretap], phaseId: null });
    expect(replaced.tasks.find((t) => t.id === raid)).toMatchObject({ dependsOn: [wiretap], phaseId: null });
    // An empty list clears the dependencies.
    expect((await core.ok('operation.updateTask', { id: wiretap, dependsOn: [] })).tasks.find((t) => t.id === wiretap)!.dependsOn).toEqual([]);
    expect(await auditActions(core)).toContain('operation.task-edit');
  });

  it('refuses edits once the operation is concluded', async () => {
    const { core, op, wiretap, arrests } = await plan();
    for (const status of ['approved', 'executing', 'concluded'] as const) await core.ok('operation.setStatus', { id: op, status });
    expect((await core.fail('operation.updateTask', { id: wiretap, owner: 'FR' })).message).toMatch(/concluded; its plan can no longer change/);
    expect((await core.fail('operation.updatePhase', { id: arrests, name: 'Late' })).code).toBe('CONSTRAINT');
  });
});
