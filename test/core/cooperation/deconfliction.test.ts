import { describe, expect, it } from 'vitest';
import { openCase, person } from './fixtures';

// Deconfliction: two operations on one entity, or one operation on another bureau's restricted
// subject, including records matched as the same person.

describe('deconfliction', () => {
  it('warns both operations and lists the conflict when they target the same entity, also through a merge', async () => {
    const core = await openCase();
    const [a, a2, b] = [await person(core, 'Marco Bianchi'), await person(core, 'Marco BIANCHI'), await person(core, 'Bruno')];
    const tide = await core.ok('operation.create', { name: 'Tide', codeWord: 'NEPTUNE', leadBureau: 'IT' });
    const storm = await core.ok('operation.create', { name: 'Storm', leadBureau: 'DE' });
    await core.ok('operation.addTargets', { id: tide.id, targets: [{ entityId: a, bureau: 'IT' }, { entityId: b, bureau: 'IT' }] });
    await core.ok('operation.addTargets', { id: storm.id, targets: [{ entityId: a2, bureau: 'FR' }] });
    // Two records, not yet judged the same: no conflict.
    expect(await core.ok('deconfliction.list', {})).toEqual([]);

    await core.ok('match.judge', { a, b: a2, decision: 'same' });
    const list = await core.ok('deconfliction.list', {});
    expect(list).toEqual([
      {
        entityId: a,
        caption: 'Marco Bianchi',
        kind: 'targets',
        operations: [
          { id: tide.id, name: 'Tide', codeWord: 'NEPTUNE', leadBureau: 'IT', status: 'planning', targetId: a, bureau: 'IT' },
          { id: storm.id, name: 'Storm', codeWord: '', leadBureau: 'DE', status: 'planning', targetId: a2, bureau: 'FR' },
        ],
        bureaus: ['DE', 'FR', 'IT'],
        restricted: [],
      },
    ]);
    const onTide = (await core.ok('operation.open', { id: tide.id })).warnings.filter((w) => w.code.startsWith('deconfliction'));
    expect(onTide).toEqual([{ code: 'deconfliction-target', message: 'Marco Bianchi is also a target of Storm, led by DE.', refs: [a, storm.id] }]);
    const onStorm = (await core.ok('operation.open', { id: storm.id })).warnings.map((w) => [w.code, w.message]);
    expect(onStorm).toContainEqual(['deconfliction-target', 'Marco Bianchi is also a target of Tide (NEPTUNE), led by IT.']);

    // Undoing the merge, or concluding one operation, ends the conflict.
    await core.ok('match.split', { id: a2 });
    expect(await core.ok('deconfliction.list', {})).toEqual([]);
    await core.ok('match.judge', { a, b: a2, decision: 'same' });
    for (const s of ['approved', 'executing', 'concluded'] as const) await core.ok('operation.setStatus', { id: storm.id, status: s });
    expect(await core.ok('deconfliction.list', {})).toEqual([]);
  });

  it("warns an operation whose target is the subject of another bureau's restricted information, naming the bureau only", async () => {
    const core = await openCase('IT');
    const restricted = await core.ok('source.create', { title: 'Undercover report', scheme: 'eu4x4', grade: 'A1', restrictedTo: ['IT', 'ES'] });
    const h2 = await core.ok('source.create', { title: 'Informant', scheme: 'eu4x4', grade: 'B2', handling: 'H2' });
    const open = await core.ok('source.create', { title: 'Press', scheme: 'eu4x4', grade: 'C3', handling: 'H0' });
    const x = await person(core, 'Xavier', restricted.id);
    const x2 = await person(core, 'Xavi');
    await core.ok('entity.update', { id: x2, add: [{ prop: 'nationality', value: 'es' }], sourceId: h2.id });
    const y = await person(core, 'Yann', open.id);
    await core.ok('match.judge', { a: x, b: x2, decision: 'same' });

    const own = await core.ok('operation.create', { name: 'Home', leadBureau: 'IT' });
    await core.ok('operation.addTargets', { id: own.id, targets: [{ entityId: x2, bureau: 'IT' }] });
    // The information is IT's own: no warning for an IT-led operation.
    expect((await core.ok('operation.open', { id: own.id })).warnings).toEqual([expect.objectContaining({ code: 'target-merged' })]);

    const away = await core.ok('operation.create', { name: 'Away', leadBureau: 'DE' });
    const opened = await core.ok('operation.addTargets', { id: away.id, targets: [{ entityId: x2, bureau: 'DE' }, { entityId: y, bureau: 'DE' }] });
    expect(opened.warnings.filter((w) => w.code === 'deconfliction-restricted')).toEqual([
      { code: 'deconfliction-restricted', message: 'Xavier is the subject of restricted information from IT: contact that bureau before acting.', refs: [x] },
    ]);
    const list = await core.ok('deconfliction.list', {});
    const row = list.find((r) => r.kind === 'restricted')!;
    expect(row).toMatchObject({ entityId: x, caption: 'Xavier', bureaus: ['DE', 'IT'] });
    expect(row.operations.map((o) => o.name)).toEqual(['Away']);
    expect(row.restricted).toEqual([
      { originator: 'IT', handling: null, restrictedTo: ['IT', 'ES'], sources: 1 },
      { originator: 'IT', handling: 'H2', restrictedTo: [], sources: 1 },
    ]);
    // The list never carries the restricted values themselves.
    expect(JSON.stringify(list)).not.toMatch(/Undercover|Informant|"es"/);
    // Both operations target the cluster too: that is a target conflict as well.
    expect(list.filter((r) => r.kind === 'targets').map((r) => r.operations.map((o) => o.name))).toEqual([['Home', 'Away']]);
  });
});
