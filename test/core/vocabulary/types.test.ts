import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testCore, type TestCore } from '../helpers';

// The case's own entity and link types (issue 24): inheritance, datatypes, renames, refusals.

async function openCase(bureau = 'NL'): Promise<{ core: TestCore; path: string }> {
  const dir = tempDir();
  const core = testCore(dir);
  const path = join(dir, 't.cordon');
  await core.ok('case.create', { path, passphrase: 'pw for types', name: 'T', bureau });
  return { core, path };
}

async function safeHouse(core: TestCore) {
  return core.ok('type.add', {
    name: 'Safe house',
    kind: 'entity',
    parent: 'Address',
    properties: [
      { name: 'Code name', datatype: 'identifier', identifies: true },
      { name: 'Status', datatype: 'enum', values: ['active', 'burnt'] },
      { name: 'Rooms', datatype: 'number' },
      { name: 'Raided at', datatype: 'datetime' },
    ],
    color: '#aa3300',
    icon: 'home',
    label: '{Code name} ({city})',
  });
}

const auditCount = async (core: TestCore) => (await core.ok('audit.list', { limit: 1 })).total;

describe('user-defined types', () => {
  it('a type inherits its parent\'s properties, checks its own datatypes, and captions by its template', async () => {
    const { core } = await openCase();
    const t = await safeHouse(core);
    expect(t.id).toMatch(/^T_[0-9a-f]{12}$/);
    const list = await core.ok('type.list', {});
    const view = list.find((x) => x.id === t.id)!;
    expect(view).toMatchObject({ name: 'Safe house', kind: 'entity', parent: 'Address', base: 'Address', builtin: false, version: 1, origin: 'NL' });
    // Inherited from Address (located on the map, searched like one), then its own.
    expect(view.properties.filter((p) => p.inherited).map((p) => p.id)).toEqual(expect.arrayContaining(['full', 'city', 'latitude', 'longitude']));
    expect(view.properties.filter((p) => !p.inherited).map((p) => [p.name, p.datatype])).toEqual([
      ['Code name', 'identifier'],
      ['Status', 'enum'],
      ['Rooms', 'number'],
      ['Raided at', 'datetime'],
    ]);
    expect(list.find((x) => x.id === 'Person')).toMatchObject({ builtin: true, kind: 'entity' });

    // Properties are given by name; statements keep the property's id.
    const { id } = await core.ok('entity.create', {
      schema: t.id,
      properties: { 'Code name': ['KESTREL'], status: ['Burnt'], city: ['Rotterdam'], Rooms: ['4'], latitude: ['51.92'], longitude: ['4.48'] },
    });
    const e = await core.ok('entity.get', { id });
    expect(e.caption).toBe('KESTREL (Rotterdam)');
    const codeId = view.properties.find((p) => p.name === 'Code name')!.id;
    expect(e.properties[codeId]?.[0]?.value).toBe('KESTREL');
    // The enumeration's value is the list's spelling.
    expect(e.properties[view.properties.find((p) => p.name === 'Status')!.id]?.[0]?.value).toBe('burnt');
    // The identifying property gives a deterministic id: the same code name is the same safe house.
    const again = await core.ok('entity.create', { schema: t.id, properties: { 'Code name': ['kestrel'], city: ['Rotterdam'] } });
    expect(again.id).toBe(id);
    // Searched by its identifier, filtered by its type.
    const found = await core.ok('search', { query: 'kestrel', schema: t.id });
    expect(found.map((r) => r.id)).toEqual([id]);
    expect((await core.ok('entity.list', { schema: t.id })).items.map((x) => x.id)).toEqual([id]);

    // Values that do not fit: each names its property; nothing is written.
    const before = (await core.ok('case.info', {}))!.entities;
    const bad = await core.fail('entity.create', { schema: t.id, properties: { 'Code name': ['OWL'], Status: ['abandoned'] } });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.message).toMatch(/Status: "abandoned" is not one of active, burnt/);
    expect((await core.fail('entity.create', { schema: t.id, properties: { 'Code name': ['OWL'], Rooms: ['many'] } })).message).toMatch(/Rooms: "many" is not a number/);
    expect((await core.fail('entity.create', { schema: t.id, properties: { 'Code name': ['OWL'], 'Raided at': ['2024-05-01'] } })).message).toMatch(/Raided at: .*not a date-time/);
    expect((await core.ok('case.info', {}))!.entities).toBe(before);
  });

  it('a required property must be given; a link type inherits its parent\'s endpoints, and an entity type stands where its parent may', async () => {
    const { core } = await openCase();
    const handle = await core.ok('type.add', { name: 'Forum handle', kind: 'entity', parent: 'UserAccount', properties: [{ name: 'Forum', datatype: 'text', required: true }] });
    expect((await core.fail('entity.create', { schema: handle.id, properties: { username: ['darkstar'] } })).message).toMatch(/Forum is required/);
    await core.ok('entity.create', { schema: handle.id, properties: { username: ['darkstar'], Forum: ['Dread'] } });

    const recruiter = await core.ok('type.add', { name: 'Recruits', kind: 'link', parent: 'Associate', properties: [{ name: 'Method', datatype: 'text' }] });
    const kid = await core.ok('type.add', { name: 'Minor', kind: 'entity', parent: 'Person' });
    const a = await core.ok('entity.create', { schema: 'Person', properties: { name: ['Recruiter R'] } });
    const b = await core.ok('entity.create', { schema: kid.id, properties: { name: ['Victim V'] } });
    // Associate's endpoints take Persons: a Minor is one.
    const l = await core.ok('link.create', { schema: recruiter.id, from: a.id, to: b.id, properties: { Method: ['social media'] } });
    const detail = await core.ok('entity.get', { id: a.id });
    expect(detail.links.map((x) => [x.id, x.schema])).toEqual([[l.id, recruiter.id]]);
    // An analysis restricted to Associate links sees the Recruits link too (its parent); one restricted to the type itself as well.
    const byParent = await core.ok('analysis.run', { measures: ['degree'], linkTypes: ['Associate'], top: 5 });
    const byType = await core.ok('analysis.run', { measures: ['degree'], linkTypes: [recruiter.id], top: 5 });
    const onlyOther = await core.ok('analysis.run', { measures: ['degree'], linkTypes: ['Family'], top: 5 });
    const degreeOf = (r: typeof byParent) => r.rows.find((x) => x.id === a.id)?.degree ?? 0;
    expect(degreeOf(byParent)).toBeGreaterThan(0);
    expect(degreeOf(byType)).toBeGreaterThan(0);
    expect(degreeOf(onlyOther)).toBe(0);
  });

  it('refuses a name that collides with a built-in or another type, in any case, and a cycle of parents', async () => {
    const { core } = await openCase();
    const audit = await auditCount(core);
    for (const name of ['Person', 'address', 'Bank account', 'CELL SITE']) {
      const f = await core.fail('type.add', { name, kind: 'entity', parent: 'Address' });
      expect(f.code).toBe('CONSTRAINT');
      expect(f.message).toMatch(/built-in type/);
    }
    const a = await core.ok('type.add', { name: 'Stash location', kind: 'entity', parent: 'Address' });
    expect((await core.fail('type.add', { name: 'STASH LOCATION', kind: 'entity', parent: 'Address' })).message).toMatch(/already in this case/);
    const b = await core.ok('type.add', { name: 'Drop point', kind: 'entity', parent: a.id });
    const c = await core.ok('type.add', { name: 'Dead drop', kind: 'entity', parent: 'Drop point' });
    expect((await core.ok('type.list', {})).find((t) => t.id === c.id)).toMatchObject({ parent: 'Drop point', base: 'Address' });
    const cycle = await core.fail('type.update', { type: 'Stash location', parent: c.id });
    expect(cycle.code).toBe('CONSTRAINT');
    expect(cycle.message).toMatch(/cycle: Dead drop → Drop point → Stash location/);
    expect((await core.fail('type.update', { type: a.id, parent: a.id })).message).toMatch(/cycle/);
    // A parent of the other kind is refused, and a built-in cannot be changed.
    expect((await core.fail('type.add', { name: 'Courier route', kind: 'link', parent: 'Address' })).message).toMatch(/not a link type/);
    expect((await core.fail('type.update', { type: 'Person', color: '#000000' })).message).toMatch(/built-in/);
    // An enumeration needs its values; a label names only the type's properties; properties do not shadow inherited ones.
    expect((await core.fail('type.add', { name: 'X1', kind: 'entity', parent: 'Address', properties: [{ name: 'Grade', datatype: 'enum' }] })).message).toMatch(/give its values/);
    expect((await core.fail('type.add', { name: 'X2', kind: 'entity', parent: 'Address', label: '{plate}' })).message).toMatch(/\{plate\}/);
    expect((await core.fail('type.add', { name: 'X3', kind: 'entity', parent: 'Address', properties: [{ name: 'City', datatype: 'text' }] })).message).toMatch(/already a property/);
    // Nothing of the refused calls was written: the chain is as it was, with one audit row per accepted type.
    expect((await core.ok('type.list', {})).find((t) => t.id === a.id)).toMatchObject({ parent: 'Address', version: 1 });
    expect((await core.ok('type.list', {})).filter((t) => !t.builtin)).toHaveLength(3);
    expect(await auditCount(core)).toBe(audit + 3);
    void b;
  });

  it('renames a type and a property without rewriting statements; the history stays in the audit log', async () => {
    const { core, path } = await openCase();
    const t = await safeHouse(core);
    const { id } = await core.ok('entity.create', { schema: t.id, properties: { 'Code name': ['HERON'], city: ['Delft'] } });
    const codeId = (await core.ok('type.list', {})).find((x) => x.id === t.id)!.properties.find((p) => p.name === 'Code name')!.id;
    const renamed = await core.ok('type.update', { type: 'Safe house', name: 'Safehouse' });
    expect(renamed).toMatchObject({ id: t.id, name: 'Safehouse', version: 2 });
    const prop = await core.ok('type.renameProperty', { type: t.id, property: 'Code name', name: 'Cover name' });
    expect(prop.properties.find((p) => p.id === codeId)?.name).toBe('Cover name');
    expect(prop.version).toBe(3);
    // The entity is unchanged: same schema id, same statement under the same property id; the template follows the rename.
    const e = await core.ok('entity.get', { id });
    expect(e.schema).toBe(t.id);
    expect(e.properties[codeId]?.[0]?.value).toBe('HERON');
    await core.ok('type.update', { type: t.id, label: '{Cover name} in {city}' });
    await core.ok('entity.update', { id, add: [{ prop: 'city', value: 'Delft' }] });
    expect((await core.ok('entity.get', { id })).caption).toBe('HERON in Delft');
    // The new name is the one entities are created by; the old one is gone.
    await core.ok('entity.create', { schema: t.id, properties: { 'Cover name': ['IBIS'] } });
    expect((await core.fail('entity.create', { schema: t.id, properties: { 'Code name': ['IBIS'] } })).message).toMatch(/no property "Code name"/);
    const audit = await core.ok('audit.list', { limit: 50 });
    const actions = audit.rows.filter((r) => r.target === t.id).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['type.create', 'type.update', 'type.rename-property']));
    // Reopened, the case still knows its types (they live in the case, not in the process).
    await core.ok('case.close', {});
    await core.ok('case.open', { path, passphrase: 'pw for types' });
    expect((await core.ok('entity.get', { id })).caption).toBe('HERON in Delft');
    expect((await core.ok('type.list', {})).find((x) => x.id === t.id)?.name).toBe('Safehouse');
  });

  it('refuses to remove a type in use, with the count; removes it once unused', async () => {
    const { core } = await openCase();
    const t = await core.ok('type.add', { name: 'Courier', kind: 'entity', parent: 'Person' });
    const ids = [];
    for (const name of ['A', 'B', 'C']) ids.push((await core.ok('entity.create', { schema: t.id, properties: { name: [name] } })).id);
    const f = await core.fail('type.remove', { type: 'courier' });
    expect(f.code).toBe('CONSTRAINT');
    expect(f.message).toMatch(/type of 3 entities/);
    const child = await core.ok('type.add', { name: 'Mule', kind: 'entity', parent: t.id });
    for (const id of ids) await core.ok('entity.delete', { id });
    expect((await core.fail('type.remove', { type: 'Courier' })).message).toMatch(/parent of Mule/);
    await core.ok('type.remove', { type: child.id });
    await core.ok('type.remove', { type: 'Courier' });
    expect((await core.ok('type.list', {})).some((x) => !x.builtin)).toBe(false);
    expect((await core.fail('entity.create', { schema: t.id, properties: { name: ['D'] } })).message).toMatch(/is not an entity type/);
  });

  it('changes a datatype only when every existing value fits, listing those that do not', async () => {
    const { core } = await openCase();
    const t = await core.ok('type.add', { name: 'Courier route', kind: 'entity', parent: 'Event', properties: [{ name: 'Legs', datatype: 'text' }, { name: 'Mode', datatype: 'text' }] });
    await core.ok('entity.create', { schema: t.id, properties: { name: ['North'], Legs: ['3'], Mode: ['car'] } });
    const misfit = await core.ok('entity.create', { schema: t.id, properties: { name: ['South'], Legs: ['three'], Mode: ['boat'] } });
    const f = await core.fail('type.changeDatatype', { type: t.id, property: 'Legs', datatype: 'number' });
    expect(f.code).toBe('CONSTRAINT');
    expect(f.message).toMatch(/1 value of Legs would not fit number: South: "three" is not a number/);
    expect((f as { details?: { misfits: Array<{ entityId: string }> } }).details?.misfits.map((m) => m.entityId)).toEqual([misfit.id]);
    const enumFail = await core.fail('type.changeDatatype', { type: t.id, property: 'Mode', datatype: 'enum', values: ['car', 'truck'] });
    expect(enumFail.message).toMatch(/"boat" is not one of car, truck/);
    expect((await core.ok('type.list', {})).find((x) => x.id === t.id)!.properties.find((p) => p.name === 'Legs')?.datatype).toBe('text');
    // Once the misfit is retracted the change goes through, and the new datatype is enforced.
    const e = await core.ok('entity.get', { id: misfit.id });
    const legsId = Object.keys(e.properties).find((k) => k.startsWith('p_') && e.properties[k]![0]!.value === 'three')!;
    await core.ok('entity.update', { id: misfit.id, add: [{ prop: legsId, value: '3' }], retract: [e.properties[legsId]![0]!.id] });
    const changed = await core.ok('type.changeDatatype', { type: t.id, property: 'Legs', datatype: 'number' });
    expect(changed.properties.find((p) => p.name === 'Legs')?.datatype).toBe('number');
    expect((await core.fail('entity.create', { schema: t.id, properties: { name: ['East'], Legs: ['x'] } })).message).toMatch(/Legs: "x" is not a number/);
  });
});
