import { describe, expect, it } from 'vitest';
import { openCase } from './support';

// Records judged the same appear as one entity everywhere the analyst looks: the list and its
// count, search, and the entity page (all values of both, with their sources; the links of both).
// A split brings the two records back, untouched.

async function twoRecords() {
  const oc = await openCase('IT');
  const { core } = oc;
  const reg = await core.ok('source.create', { title: 'Registry', scheme: 'eu4x4', grade: 'B2' });
  const tip = await core.ok('source.create', { title: 'Informant 12', scheme: 'eu4x4', grade: 'C3', handling: 'H2' });
  const a = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Marco Bellini'], birthDate: ['1975-03-14'] }, sourceId: reg.id })).id;
  const b = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Marco Belini'], phone: ['+39 06 1234 5678'] }, sourceId: tip.id })).id;
  const boat = (await core.ok('entity.create', { schema: 'Vessel', properties: { name: ['Stella Maris'] } })).id;
  const owns = (await core.ok('link.create', { schema: 'Ownership', from: b, to: boat })).id;
  return { ...oc, a, b, boat, owns };
}

describe('a merged entity shows as one', () => {
  it('list, count and search show the canonical record once; its page carries both records', async () => {
    const { core, a, b, boat, owns } = await twoRecords();
    expect((await core.ok('entity.list', {})).total).toBe(3);
    await core.ok('match.judge', { a, b, decision: 'same' });
    const canon = [a, b].sort()[0]!;

    const list = await core.ok('entity.list', {});
    expect(list.total).toBe(2);
    expect(list.items.map((i) => i.id).sort()).toEqual([canon, boat].sort());
    expect((await core.ok('case.info', {}))!.entities).toBe(2);

    // Either spelling finds the one entity.
    for (const q of ['Belini', 'Bellini', '+390612345678']) {
      const hits = await core.ok('search', { query: q, limit: 10 });
      expect(hits.map((h) => h.id), q).toEqual([canon]);
    }

    // The page of either record is the cluster's page.
    for (const id of [a, b]) {
      const page = await core.ok('entity.get', { id });
      expect(page.id).toBe(canon);
      expect(page.mergedFrom?.map((m) => m.id).sort()).toEqual([a, b].sort());
      expect(page.properties.name!.map((s) => `${s.value} (${s.source?.title})`).sort()).toEqual(['Marco Belini (Informant 12)', 'Marco Bellini (Registry)']);
      expect(page.properties.birthDate!.map((s) => s.value)).toEqual(['1975-03-14']);
      expect(page.properties.phone!.map((s) => s.value)).toEqual(['+390612345678']);
      expect(page.links.map((l) => [l.id, l.other.id])).toEqual([[owns, boat]]);
      // The most restrictive handling of what it is built from (DESIGN.md §3).
      expect(page.handling).toBe('H2');
    }
    // From the boat, the owner is the merged entity.
    expect((await core.ok('entity.get', { id: boat })).links.map((l) => l.other.id)).toEqual([canon]);
  });

  it('a value of either record can be retracted from the merged page; a split gives back two records', async () => {
    const { core, a, b } = await twoRecords();
    await core.ok('match.judge', { a, b, decision: 'same' });
    const canon = [a, b].sort()[0]!;
    const other = canon === a ? b : a;
    const page = await core.ok('entity.get', { id: canon });
    const fromOther = page.properties.name!.find((s) => (s as { entityId?: string }).entityId === other)!;
    const after = await core.ok('entity.update', { id: canon, retract: [fromOther.id] });
    expect(after.properties.name!.map((s) => s.value)).toHaveLength(1);

    await core.ok('match.split', { id: other });
    expect((await core.ok('entity.list', {})).total).toBe(3);
    const alone = await core.ok('entity.get', { id: other });
    expect(alone.id).toBe(other);
    expect(alone.mergedFrom).toBeUndefined();
    expect(alone.properties.name).toBeUndefined();
    expect(alone.properties.phone!.map((s) => s.value)).toEqual(['+390612345678']);
  });

  it('a statement of an entity outside the cluster cannot be retracted through it', async () => {
    const { core, a, b, boat } = await twoRecords();
    await core.ok('match.judge', { a, b, decision: 'same' });
    const boatName = (await core.ok('entity.get', { id: boat })).properties.name![0]!.id;
    const err = await core.fail('entity.update', { id: a, retract: [boatName] });
    expect(err.code).toBe('NOT_FOUND');
    expect((await core.ok('entity.get', { id: boat })).properties.name).toHaveLength(1);
  });
});

describe('a merged entity on a chart is one node', () => {
  it('a chart holding both records draws one node with the links of both; expand walks through either; a split brings two nodes back', async () => {
    const { core, a, b, boat, owns } = await twoRecords();
    const car = (await core.ok('entity.create', { schema: 'Vehicle', properties: { registrationNumber: ['AB123CD'] } })).id;
    const drives = (await core.ok('link.create', { schema: 'Ownership', from: a, to: car })).id;
    const chart = await core.ok('chart.create', { name: 'Bellini' });
    await core.ok('chart.save', {
      id: chart.id,
      upsert: [
        { entityId: a, x: 10, y: 20 },
        { entityId: b, x: 300, y: 400 },
        { entityId: boat, x: 50, y: 50 },
        { entityId: car, x: 90, y: 90 },
      ],
    });
    await core.ok('match.judge', { a, b, decision: 'same' });
    const canon = [a, b].sort()[0]!;

    const opened = await core.ok('chart.open', { id: chart.id });
    expect(opened.nodes.map((n) => n.id).sort()).toEqual([canon, boat, car].sort());
    const own = opened.nodes.find((n) => n.id === canon)!;
    // The canonical record's own place on the chart.
    expect([own.x, own.y]).toEqual(canon === a ? [10, 20] : [300, 400]);
    expect(opened.edges.map((e) => [e.id, e.source, e.target]).sort()).toEqual(
      [
        [owns, canon, boat],
        [drives, canon, car],
      ].sort(),
    );

    // Adding the other record's id adds the merged entity, with both records' links.
    const els = await core.ok('chart.elements', { entityIds: [canon === a ? b : a], withIds: [boat, car] });
    expect(els.nodes.map((n) => n.id)).toEqual([canon]);
    expect(els.edges.map((e) => e.id).sort()).toEqual([owns, drives].sort());

    // Expanding the merged entity reaches the neighbours of both records.
    const reach = await core.ok('chart.expand', { from: [canon], hops: 1 });
    expect(reach.ids.sort()).toEqual([boat, car].sort());
    // And from the boat, the owner is found once, as the merged entity.
    expect((await core.ok('chart.expand', { from: [boat], hops: 1 })).ids).toEqual([canon]);

    await core.ok('match.split', { id: b });
    const apart = await core.ok('chart.open', { id: chart.id });
    expect(apart.nodes.map((n) => n.id).sort()).toEqual([a, b, boat, car].sort());
    expect(apart.edges.map((e) => [e.id, e.source, e.target]).sort()).toEqual(
      [
        [owns, b, boat],
        [drives, a, car],
      ].sort(),
    );
  });
});
