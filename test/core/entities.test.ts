import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testCore, type TestCore } from './helpers';

async function openCase(bureau = 'IT'): Promise<{ core: TestCore; dir: string }> {
  const dir = tempDir();
  const core = testCore(dir);
  await core.ok('case.create', { path: join(dir, 'e.cordon'), passphrase: 'pw for entities', name: 'E', bureau });
  return { core, dir };
}

async function counts(core: TestCore) {
  const info = (await core.ok('case.info', {}))!;
  const audit = await core.ok('audit.list', { limit: 1 });
  return { entities: info.entities, links: info.links, statements: info.statements, audit: audit.total };
}

describe('entities and statements', () => {
  it('keeps the source, grading and originator of every value', async () => {
    const { core } = await openCase();
    const s1 = await core.ok('source.create', { title: 'Informant report 7', scheme: 'eu4x4', grade: 'C3', handling: 'H2', tlp: 'AMBER' });
    const s2 = await core.ok('source.create', { title: 'Passport scan', scheme: 'admiralty', grade: 'A1' });
    const { id } = await core.ok('entity.create', { schema: 'Person', properties: { name: ['Marco Rossi'], alias: ['Il Biondo'] }, sourceId: s1.id });
    await core.ok('entity.update', { id, add: [{ prop: 'birthDate', value: '1971-03-09' }], sourceId: s2.id });
    const e = await core.ok('entity.get', { id });
    expect(e.caption).toBe('Marco Rossi');
    expect(e.properties.alias?.[0]).toMatchObject({ value: 'Il Biondo', originator: 'IT', source: { title: 'Informant report 7', grade: 'C3', handling: 'H2', tlp: 'AMBER' } });
    expect(e.properties.birthDate?.[0]?.source).toMatchObject({ scheme: 'admiralty', grade: 'A1' });
    // The entity carries the most restrictive handling of what it is built from.
    expect(e).toMatchObject({ handling: 'H2', tlp: 'AMBER' });
  });

  it('rejects bad values with a clear message and writes nothing', async () => {
    const { core } = await openCase();
    const before = await counts(core);
    const cases: Array<{ schema: string; properties: Record<string, string[]> }> = [
      { schema: 'Person', properties: { name: ['A'], birthDate: ['31/02/2024'] } },
      { schema: 'Person', properties: { name: ['A'], birthDate: ['2024-02-31'] } },
      { schema: 'BankAccount', properties: { iban: ['DE89 3704 0044 0532 0130 01'] } },
      { schema: 'Person', properties: { shoeSize: ['44'] } },
      { schema: 'Person', properties: { email: ['not-an-email'] } },
      { schema: 'Person', properties: {} },
      { schema: 'Membership', properties: { role: ['x'] } },
    ];
    for (const input of cases) {
      const err = await core.fail('entity.create', input);
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message.length).toBeGreaterThan(5);
    }
    expect((await core.fail('entity.create', { schema: 'Person', properties: { birthDate: ['2024-02-31'] } })).message).toMatch(/2024-02-31.*not a date/);
    expect(await counts(core)).toEqual(before);
  });

  it('gives natural identifiers a deterministic id, so two records of one account collide', async () => {
    const { core } = await openCase();
    const a = await core.ok('entity.create', { schema: 'BankAccount', properties: { iban: ['DE89 3704 0044 0532 0130 00'], bankName: ['Commerzbank'] } });
    const b = await core.ok('entity.create', { schema: 'BankAccount', properties: { iban: ['de89370400440532013000'] } });
    expect(a.id).toBe('bankaccount-DE89370400440532013000');
    expect(b.id).toBe(a.id);
    expect((await core.ok('case.info', {}))!.entities).toBe(1);
  });

  it('bulk creation merges natural identifiers within the call and with the case, in one pass', async () => {
    const dir = tempDir();
    const { Case } = await import('../../electron/core/store/case');
    const c = await Case.create(join(dir, 'n.cordon'), 'pw', { name: 'N', bureau: 'IT' });
    try {
      const vessel = (imo: string, name: string) => ({ schema: 'Vessel', properties: { imoNumber: [imo], name: [name] } });
      const first = c.write(() => c.entities.createEntities([vessel('IMO 9074729', 'Aurora'), { schema: 'Person', properties: { name: ['Ana'] } }, vessel('imo 9074729', 'Aurora II')]));
      expect(first.map((r) => [r.id, r.created])).toEqual([
        ['vessel-IMO9074729', true],
        [expect.stringMatching(/^IT-/), true],
        ['vessel-IMO9074729', false],
      ]);
      // Written once, with the union of what the call said of it.
      expect(c.entities.get('vessel-IMO9074729').properties.name!.map((s) => s.value)).toEqual(['Aurora', 'Aurora II']);
      const seenBefore = c.entities.get('vessel-IMO9074729').properties.name![0]!.lastSeen;
      const second = c.write(() => c.entities.createEntities([vessel('IMO9074729', 'Aurora'), vessel('IMO9074729', 'Borealis'), vessel('IMO1234567', 'Other')]));
      expect(second.map((r) => r.created)).toEqual([false, false, true]);
      const v = c.entities.get('vessel-IMO9074729');
      // Only what it lacked was added; what it had was seen again; caption and search follow.
      expect(v.properties.name!.map((s) => s.value)).toEqual(['Aurora', 'Aurora II', 'Borealis']);
      expect(v.properties.name![0]!.lastSeen >= seenBefore).toBe(true);
      // Each spelling of the number once, however often it came.
      const imos = v.properties.imoNumber!.map((s) => s.value);
      expect(new Set(imos).size).toBe(imos.length);
      const { searchEntities } = await import('../../electron/core/store/search');
      expect(searchEntities(c.db, 'borealis', 10).map((r) => r.id)).toEqual(['vessel-IMO9074729']);
      // A rejected input in the call leaves nothing of it behind, merges included.
      const before = c.info().statements;
      expect(() => c.write(() => c.entities.createEntities([vessel('IMO9074729', 'Ghost'), { schema: 'Person', properties: { birthDate: ['31/02/2024'] } }]))).toThrow();
      expect(c.info().statements).toBe(before);
      expect(c.entities.get('vessel-IMO9074729').properties.name!.map((s) => s.value)).not.toContain('Ghost');
    } finally {
      c.close();
    }
  });

  it('links: endpoints must exist and fit the link type', async () => {
    const { core } = await openCase();
    const p = await core.ok('entity.create', { schema: 'Person', properties: { name: ['Boss'] } });
    const o = await core.ok('entity.create', { schema: 'Organization', properties: { name: ['Clan'] } });
    const v = await core.ok('entity.create', { schema: 'Vehicle', properties: { registrationNumber: ['AB123CD'] } });
    const before = await counts(core);
    expect((await core.fail('link.create', { schema: 'Membership', from: p.id, to: 'IT-nope' })).code).toBe('NOT_FOUND');
    expect((await core.fail('link.create', { schema: 'Membership', from: p.id, to: v.id })).message).toMatch(/organisation must be one of/);
    expect((await core.fail('link.create', { schema: 'Membership', from: p.id, to: p.id })).code).toBe('INVALID_INPUT');
    expect(await counts(core)).toEqual(before);
    const link = await core.ok('link.create', { schema: 'Membership', from: p.id, to: o.id, properties: { role: ['leader'] } });
    const boss = await core.ok('entity.get', { id: p.id });
    expect(boss.links).toEqual([{ id: link.id, schema: 'Membership', caption: 'leader', direction: 'out', other: { id: o.id, schema: 'Organization', caption: 'Clan' } }]);
    const l = await core.ok('entity.get', { id: link.id });
    expect(l.endpoints).toEqual({ source: { id: p.id, schema: 'Person', caption: 'Boss' }, target: { id: o.id, schema: 'Organization', caption: 'Clan' } });
  });

  it('edits are statements: a retracted value disappears, the caption follows', async () => {
    const { core } = await openCase();
    const { id } = await core.ok('entity.create', { schema: 'Person', properties: { name: ['Jon Smith'] } });
    const before = await core.ok('entity.get', { id });
    const updated = await core.ok('entity.update', { id, add: [{ prop: 'name', value: 'John Smith' }], retract: [before.properties.name![0]!.id] });
    expect(updated.properties.name!.map((s) => s.value)).toEqual(['John Smith']);
    expect(updated.caption).toBe('John Smith');
    expect(await core.ok('search', { query: 'jon' })).toEqual([]);
    expect((await core.ok('search', { query: 'john' })).map((r) => r.id)).toEqual([id]);
  });

  it('only the originator may retract a statement', async () => {
    const dir = tempDir();
    const { Case } = await import('../../electron/core/store/case');
    const c = await Case.create(join(dir, 'o.cordon'), 'pw', { name: 'O', bureau: 'IT' });
    const { id } = c.write(() => c.entities.createEntity({ schema: 'Person', properties: { name: ['Received from Spain'] }, originator: 'ES' }));
    const sid = c.entities.get(id).properties.name![0]!.id;
    expect(() => c.write(() => c.entities.update(id, [], [sid], undefined))).toThrow(/only its originator/);
    expect(c.entities.get(id).properties.name).toHaveLength(1);
    c.close();
  });

  it('delete removes the entity and its links from the case, the list and the search', async () => {
    const { core } = await openCase();
    const p = await core.ok('entity.create', { schema: 'Person', properties: { name: ['Gone Soon'] } });
    const q = await core.ok('entity.create', { schema: 'Person', properties: { name: ['Stays Here'] } });
    await core.ok('link.create', { schema: 'Associate', from: p.id, to: q.id });
    await core.ok('entity.delete', { id: p.id });
    expect((await core.fail('entity.get', { id: p.id })).code).toBe('NOT_FOUND');
    expect(await core.ok('search', { query: 'gone' })).toEqual([]);
    expect((await core.ok('entity.get', { id: q.id })).links).toEqual([]);
    expect((await core.ok('entity.list', {})).items.map((i) => i.caption)).toEqual(['Stays Here']);
    expect((await core.ok('case.info', {}))!.links).toBe(0);
  });

  it('lists entities page by page, sorted by caption, filtered by type', async () => {
    const { core } = await openCase();
    for (const n of ['Delta', 'alpha', 'Charlie', 'Bravo']) await core.ok('entity.create', { schema: 'Person', properties: { name: [n] } });
    await core.ok('entity.create', { schema: 'Company', properties: { name: ['Acme Ltd'] } });
    const page = await core.ok('entity.list', { offset: 1, limit: 2 });
    expect(page.total).toBe(5);
    // Case-insensitive order: Acme Ltd, alpha, Bravo, Charlie, Delta.
    expect(page.items.map((i) => i.caption)).toEqual(['alpha', 'Bravo']);
    // Natural order for numbered names (the demo's N1 … N110), also after an edit renames one.
    for (const n of ['N10', 'N2', 'N1']) await core.ok('entity.create', { schema: 'Vehicle', properties: { name: [n] } });
    expect((await core.ok('entity.list', { schema: 'Vehicle' })).items.map((i) => i.caption)).toEqual(['N1', 'N2', 'N10']);
    const n2 = (await core.ok('entity.list', { schema: 'Vehicle' })).items[1]!;
    const detail = await core.ok('entity.get', { id: n2.id });
    await core.ok('entity.update', { id: n2.id, add: [{ prop: 'name', value: 'N20' }], retract: [detail.properties.name![0]!.id] });
    expect((await core.ok('entity.list', { schema: 'Vehicle' })).items.map((i) => i.caption)).toEqual(['N1', 'N10', 'N20']);
    expect((await core.ok('entity.list', { schema: 'Company' })).items.map((i) => i.caption)).toEqual(['Acme Ltd']);
  });

  it('sources: grades are checked against their own scheme, never converted', async () => {
    const { core } = await openCase();
    expect((await core.fail('source.create', { title: 'x', scheme: 'eu4x4', grade: 'F6' })).message).toMatch(/not a EU 4x4 grade/);
    expect((await core.fail('source.create', { title: 'x', scheme: 'uk3x5x2', grade: 'B2' })).message).toMatch(/UK 3x5x2/);
    expect((await core.fail('source.create', { title: 'x', scheme: 'eu4x4', grade: 'B2', handling: 'P' })).message).toMatch(/handling/);
    const uk = await core.ok('source.create', { title: 'UK report', scheme: 'uk3x5x2', grade: '1a', handling: 'C' });
    expect(await core.ok('source.get', { id: uk.id })).toMatchObject({ scheme: 'uk3x5x2', grade: '1A', handling: 'C' });
    expect((await core.ok('source.list', {})).map((s) => s.title)).toEqual(['UK report']);
  });
});
