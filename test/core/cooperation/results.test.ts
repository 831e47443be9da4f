import { describe, expect, it } from 'vitest';
import { auditActions, link, openCase, person } from './fixtures';

// Results of an operation and the network after it, compared with the plan.

describe('operation results', () => {
  it('totals arrests, seizures and frozen assets per target and per country, and compares the network after with the plan', async () => {
    const core = await openCase();
    // A chain of ten: cutting it at 4 and 7 leaves groups of 3, 2 and 3 (LCC 30%); at 4 only, 3 and 6 (60%).
    const p: string[] = [];
    for (let i = 1; i <= 10; i++) p.push(await person(core, `P${i}`));
    for (let i = 1; i < 10; i++) await link(core, p[i - 1]!, p[i]!);
    const p4again = await person(core, 'P4 (DE record)');
    await core.ok('match.judge', { a: p[3]!, b: p4again, decision: 'same' });

    const op = await core.ok('operation.create', { name: 'Tide', leadBureau: 'IT', bureaus: ['DE', 'ES'] });
    await core.ok('operation.addTargets', { id: op.id, targets: [{ entityId: p[3]!, bureau: 'IT' }, { entityId: p[6]!, bureau: 'ES' }] });
    const early = await core.fail('operation.recordResult', { operationId: op.id, entityId: p[3]!, bureau: 'IT', kind: 'arrest' });
    expect(early.message).toBe('Operation Tide is planning: results are recorded once it is executing.');
    await core.ok('operation.setStatus', { id: op.id, status: 'approved' });
    await core.ok('operation.setStatus', { id: op.id, status: 'executing' });

    // The arrest is recorded on the other record of the same person: it counts for the target.
    await core.ok('operation.recordResult', { operationId: op.id, entityId: p4again, bureau: 'DE', kind: 'arrest' });
    await core.ok('operation.recordResult', { operationId: op.id, entityId: p[3]!, bureau: 'DE', kind: 'seizure', type: 'cocaine', quantity: 12, unit: 'kg', value: 300_000, currency: 'eur' });
    await core.ok('operation.recordResult', { operationId: op.id, entityId: p[6]!, bureau: 'ES', kind: 'freeze', type: 'bank account', value: 50_000, currency: 'EUR' });
    await core.ok('operation.recordResult', { operationId: op.id, bureau: 'IT', kind: 'seizure', type: 'cash', value: 10_000, currency: 'CHF' });

    const r = await core.ok('operation.results', { id: op.id });
    expect(r.results).toHaveLength(4);
    expect(r.byTarget).toEqual([
      { entityId: p[3]!, caption: 'P4', arrested: true, arrests: 1, seizures: 1, freezes: 0, value: { EUR: 300_000 } },
      { entityId: p[6]!, caption: 'P7', arrested: false, arrests: 0, seizures: 0, freezes: 1, value: { EUR: 50_000 } },
    ]);
    expect(r.byCountry).toEqual([
      { bureau: 'DE', arrests: 1, seizures: 1, freezes: 0, value: { EUR: 300_000 } },
      { bureau: 'ES', arrests: 0, seizures: 0, freezes: 1, value: { EUR: 50_000 } },
      { bureau: 'IT', arrests: 0, seizures: 1, freezes: 0, value: { CHF: 10_000 } },
    ]);
    expect(r.network).toEqual({
      initialLcc: 10,
      planned: { removed: [p[3]!, p[6]!], lcc: 3, lccFraction: 0.3, components: 3 },
      achieved: { removed: [p[3]!], lcc: 6, lccFraction: 0.6, components: 2 },
      notInNetwork: [],
      summary: 'Planned to cut the LCC to 30%; achieved 60% (1 of 2 targets arrested; largest group 10 → 6).',
    });

    // The second arrest completes the plan.
    await core.ok('operation.recordResult', { operationId: op.id, entityId: p[6]!, bureau: 'ES', kind: 'arrest' });
    expect((await core.ok('operation.results', { id: op.id })).network?.summary).toBe('Planned to cut the LCC to 30%; achieved 30% (2 of 2 targets arrested; largest group 10 → 3).');
    expect((await auditActions(core)).filter((a) => a === 'operation.result')).toHaveLength(5);
  });

  it('refuses incomplete results and reports targets that are not in the network', async () => {
    const core = await openCase();
    const [a, b, lone] = [await person(core, 'A'), await person(core, 'B'), await person(core, 'Lone')];
    await link(core, a, b);
    const op = await core.ok('operation.create', { name: 'Tide', leadBureau: 'IT' });
    expect((await core.ok('operation.results', { id: op.id })).network).toBeNull();
    await core.ok('operation.addTargets', { id: op.id, targets: [{ entityId: a, bureau: 'IT' }, { entityId: lone, bureau: 'IT' }] });
    await core.ok('operation.setStatus', { id: op.id, status: 'approved' });
    await core.ok('operation.setStatus', { id: op.id, status: 'executing' });
    expect((await core.fail('operation.recordResult', { operationId: op.id, bureau: 'IT', kind: 'seizure', quantity: 3 })).message).toMatch(/a seizure needs its type/);
    expect((await core.fail('operation.recordResult', { operationId: op.id, bureau: 'IT', kind: 'seizure', type: 'cash', value: 5 })).message).toMatch(/a value needs its currency/);
    expect((await core.fail('operation.recordResult', { operationId: op.id, bureau: 'IT', kind: 'arrest' })).message).toMatch(/an arrest names the person arrested/);
    expect((await core.fail('operation.recordResult', { operationId: op.id, bureau: 'IT', kind: 'freeze', entityId: 'nope' })).code).toBe('NOT_FOUND');
    const r = await core.ok('operation.results', { id: op.id });
    expect(r.results).toEqual([]);
    expect(r.network).toMatchObject({ initialLcc: 2, planned: { lcc: 1, lccFraction: 0.5 }, achieved: { removed: [], lcc: 2, lccFraction: 1 }, notInNetwork: [lone] });
  });
});
