import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, counts, introduce, scratch, snapshot, station, type Station } from './fixtures';

// Two workstations (two case files, two identities): A (ES) exports to B (FR); B previews and
// imports; B's receipt goes back to A; A retracts a statement and B's copy follows.

describe('exchange between two workstations', () => {
  const { root, cleanup } = scratch();
  let a: Station;
  let b: Station;
  let aInB: string;
  let bInA: string;
  const ids = {} as Record<'src1' | 'src2' | 'src3' | 'person' | 'org' | 'link' | 'account', string>;

  beforeAll(async () => {
    a = await station(root, 'ES', 'Ana García');
    b = await station(root, 'FR', 'Benoît Martin');
    aInB = await introduce(a, b);
    bInA = await introduce(b, a);
    ids.src1 = (await a.ok('source.create', { title: 'Intercept 4', scheme: 'eu4x4', grade: 'B2', handling: 'H1', tlp: 'AMBER', reference: 'REF-4', reportDate: '2024-03-01' })).id;
    ids.src2 = (await a.ok('source.create', { title: 'Informant', scheme: 'admiralty', grade: 'C3', tlp: 'GREEN', restrictedTo: ['FR', 'DE'] })).id;
    ids.src3 = (await a.ok('source.create', { title: 'Surveillance', scheme: 'uk3x5x2', grade: '2B', handling: 'C', handlingConditions: 'Not for court without consent' })).id;
    ids.person = (await a.ok('entity.create', { schema: 'Person', properties: { name: ['Iñaki Etxeberria'], phone: ['+34 600 123 456'] }, sourceId: ids.src1 })).id;
    await a.ok('entity.update', { id: ids.person, add: [{ prop: 'alias', value: 'El Vasco' }], sourceId: ids.src2 });
    ids.org = (await a.ok('entity.create', { schema: 'Organization', properties: { name: ['Clan del Norte'] }, sourceId: ids.src3 })).id;
    ids.link = (await a.ok('link.create', { schema: 'Membership', from: ids.person, to: ids.org, properties: { role: ['leader'] }, sourceId: ids.src1 })).id;
    ids.account = (await a.ok('entity.create', { schema: 'BankAccount', properties: { iban: ['ES9121000418450200051332'] }, sourceId: ids.src2 })).id;
  });
  afterAll(() => {
    a?.core.dispose();
    b?.core.dispose();
    cleanup();
  });

  it('A exports everything to B: the package holds the case, B previews it, then imports it exactly', async () => {
    const review = await a.ok('package.review', { to: [bInA], scope: { kind: 'all' } });
    expect(review.withheld.items).toEqual([]);
    expect(review.included).toMatchObject({ entities: 3, links: 1, sources: 3 });
    // UK "C" (conditions) ranks above EU H1 in the shared handling order.
    expect(review.highest).toEqual({ tlp: 'AMBER', handling: 'C' });
    expect(review.conditions).toEqual([{ sourceId: ids.src3, title: 'Surveillance', handling: 'C', conditions: 'Not for court without consent' }]);

    const pkg = join(root, 'to-fr-1.cordonpkg');
    const exported = await a.ok('package.export', { path: pkg, to: [bInA], scope: { kind: 'all' } });
    expect(exported.bytes).toBeGreaterThan(0);
    expect(exported.sequence).toEqual({ [bInA]: 1 });
    const exportAudit = auditRows(a.case, 'package.export');
    expect(exportAudit).toHaveLength(1);
    expect(JSON.parse(exportAudit[0]!.detail)).toMatchObject({ to: [{ id: bInA, bureau: 'FR', seq: 1 }], included: review.included, withheld: { sources: 0, items: [] } });
    // Nothing but the package itself is left next to it.
    expect(readdirSync(root).filter((f) => f.includes('to-fr-1'))).toEqual(['to-fr-1.cordonpkg']);

    const preview = await b.ok('package.verify', { path: pkg });
    expect(preview.steps.map((s) => s.step)).toEqual(['structure', 'format', 'signer', 'envelope-signature', 'payload-digest', 'recipient', 'replay', 'decrypt', 'manifest', 'files']);
    expect(preview.steps.every((s) => s.ok)).toBe(true);
    expect(preview.package).toMatchObject({ kind: 'data', sender: { id: aInB, bureau: 'ES' }, tlp: 'AMBER', handling: 'C', sequence: { number: 1, expected: 1, gap: null } });
    expect(preview.counts).toMatchObject({ entities: 3, links: 1, sources: 3 });
    expect(preview.byOriginator).toEqual({ ES: preview.counts.statements });
    expect(preview.items.find((i) => i.id === ids.person)).toMatchObject({ caption: 'Iñaki Etxeberria', match: null });
    expect(counts(b.case).statements).toBe(0);

    const imported = await b.ok('package.import', { path: pkg, accept: 'all' });
    expect(imported).toMatchObject({ entitiesCreated: 3, linksCreated: 1, sourcesAdded: 3, statementsSkipped: 0, gap: null, notices: [] });
    // The round trip preserves every statement (originator, dates), source and grading exactly.
    expect(snapshot(b.case)).toEqual(snapshot(a.case));
    const person = await b.ok('entity.get', { id: ids.person });
    expect(person.caption).toBe('Iñaki Etxeberria');
    expect(person.properties.alias![0]).toMatchObject({ value: 'El Vasco', originator: 'ES', source: { scheme: 'admiralty', grade: 'C3', tlp: 'GREEN' } });
    expect(person.links).toHaveLength(1);
    expect((await b.ok('search', { query: 'etxeberria' }))[0]!.id).toBe(ids.person);
    expect(JSON.parse(auditRows(b.case, 'package.import')[0]!.detail)).toMatchObject({ outcome: 'imported', from: { id: aInB }, accepted: 'all' });
    expect(readdirSync(join(b.dir, 'data', 'quarantine'))).toEqual([]);

    // B's receipt back to A.
    const receiptPath = join(root, 'receipt-1.cordonpkg');
    await b.ok('package.receipt', { packageId: imported.packageId, path: receiptPath });
    const r = await a.ok('package.import', { path: receiptPath, accept: 'all' });
    expect(r.kind).toBe('receipt');
    const ledger = await a.ok('package.list', {});
    expect(ledger.find((l) => l.packageId === exported.packageId)!.receipts).toEqual([{ officerId: bInA, at: expect.any(String) }]);
  });

  it('A retracts a statement and B’s copy follows; B’s own statements are untouched', async () => {
    const aliasA = (await a.ok('entity.get', { id: ids.person })).properties.alias![0]!;
    await a.ok('entity.update', { id: ids.person, retract: [aliasA.id] });
    // B adds its own statement to the shared entity.
    const bSrc = (await b.ok('source.create', { title: 'Surveillance FR', scheme: 'eu4x4', grade: 'A2' })).id;
    await b.ok('entity.update', { id: ids.person, add: [{ prop: 'alias', value: 'Le Basque' }], sourceId: bSrc });

    const pkg = join(root, 'to-fr-2.cordonpkg');
    const exported = await a.ok('package.export', { path: pkg, to: [bInA], scope: { kind: 'changed' } });
    expect(exported.review.included.retractions).toBe(1);
    expect(exported.review.scope).toMatch(/^everything changed since /);
    expect(exported.review.included.entities).toBe(1);
    const imported = await b.ok('package.import', { path: pkg, accept: 'all' });
    expect(imported.retracted).toBe(1);
    expect(imported.gap).toBeNull();
    const aliases = (await b.ok('entity.get', { id: ids.person })).properties.alias!;
    expect(aliases.map((s) => [s.value, s.originator])).toEqual([['Le Basque', 'FR']]);
    // Every ES statement on B matches A's, retraction included.
    expect(snapshot(b.case, "st.originator = 'ES'").statements).toEqual(snapshot(a.case).statements);
  });

  it('a package for part of the contents imports only the accepted entities and what they need', async () => {
    const extra = (await a.ok('entity.create', { schema: 'Person', properties: { name: ['Jon Aguirre'] }, sourceId: ids.src1 })).id;
    const other = (await a.ok('entity.create', { schema: 'Person', properties: { name: ['Mikel Otxoa'] }, sourceId: ids.src3 })).id;
    const pkg = join(root, 'to-fr-3.cordonpkg');
    await a.ok('package.export', { path: pkg, to: [bInA], scope: { kind: 'entities', ids: [extra, other] } });
    const preview = await b.ok('package.verify', { path: pkg });
    expect(preview.items.map((i) => i.id).sort()).toEqual([extra, other].sort());
    const imported = await b.ok('package.import', { path: pkg, accept: { entities: [extra] } });
    expect(imported).toMatchObject({ entitiesCreated: 1, notices: ['1 entit(ies) not accepted are left out with their statements'] });
    expect((await b.ok('entity.get', { id: extra })).caption).toBe('Jon Aguirre');
    expect((await b.fail('entity.get', { id: other })).code).toBe('NOT_FOUND');
    expect(existsSync(pkg)).toBe(true);
  });

  it('a package addressed to a project files its contents under the project, as the sender’s contribution', async () => {
    const p = await a.ok('project.create', { name: 'Operation Niebla', scope: 'Bilbao routes', bureaus: ['FR'] });
    await a.ok('project.addItems', { id: p.id, entityIds: [ids.org] });
    const pkg = join(root, 'project.cordonpkg');
    const exported = await a.ok('package.export', { path: pkg, to: [bInA], scope: { kind: 'project', id: p.id } });
    expect(exported.review.included.entities).toBe(1);
    const preview = await b.ok('package.verify', { path: pkg });
    expect(preview.package.project).toEqual({ id: p.id, name: 'Operation Niebla' });
    expect(preview.items[0]).toMatchObject({ id: ids.org, match: { kind: 'same-id', existing: { id: ids.org, caption: 'Clan del Norte' } } });
    await b.ok('package.import', { path: pkg, accept: 'all' });
    const onB = await b.ok('project.get', { id: p.id });
    expect(onB).toMatchObject({ name: 'Operation Niebla', scope: 'Bilbao routes', bureaus: ['ES', 'FR'], createdBy: 'ES' });
    expect(onB.items.filter((i) => i.kind === 'entity')).toEqual([{ kind: 'entity', id: ids.org, caption: 'Clan del Norte', contributedBy: 'ES', addedAt: expect.any(String) }]);
  });

  it('sequence numbers per sender: a gap and a late package are reported, not refused', async () => {
    const p1 = join(root, 'seq-a.cordonpkg');
    const p2 = join(root, 'seq-b.cordonpkg');
    const e1 = await a.ok('package.export', { path: p1, to: [bInA], scope: { kind: 'entities', ids: [ids.account] } });
    const e2 = await a.ok('package.export', { path: p2, to: [bInA], scope: { kind: 'entities', ids: [ids.account] } });
    expect(e2.sequence[bInA]).toBe(e1.sequence[bInA]! + 1);
    const second = await b.ok('package.import', { path: p2, accept: 'all' });
    expect(second.gap).toBe(`gap: package number ${e1.sequence[bInA]} from Ana García has not been imported (this is number ${e2.sequence[bInA]})`);
    const first = await b.ok('package.import', { path: p1, accept: 'all' });
    expect(first.gap).toBe(`out of order: this is number ${e1.sequence[bInA]} from Ana García, but number ${e2.sequence[bInA]} was already imported`);
  });

  it('a same-name entity is offered as a match, not merged', async () => {
    await b.ok('entity.create', { schema: 'Person', properties: { name: ['Txema Goikoetxea'] } });
    const mine = (await a.ok('entity.create', { schema: 'Person', properties: { name: ['TXEMA GOIKOETXEA'] }, sourceId: ids.src1 })).id;
    const pkg = join(root, 'same-name.cordonpkg');
    await a.ok('package.export', { path: pkg, to: [bInA], scope: { kind: 'entities', ids: [mine] } });
    const preview = await b.ok('package.verify', { path: pkg });
    expect(preview.matches).toEqual({ sameId: 0, sameName: 1 });
    expect(preview.items[0]!.match).toMatchObject({ kind: 'same-name', existing: { caption: 'Txema Goikoetxea' } });
    const r = await b.ok('package.import', { path: pkg, accept: 'all' });
    expect(r.entitiesCreated).toBe(1);
    expect((await b.ok('search', { query: 'goikoetxea' })).length).toBe(2);
  });
});
