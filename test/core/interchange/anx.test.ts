import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counts, fixture, openCase, snapshot } from './support';

describe('i2 ANX import', () => {
  it('IdReferenceLinking="true": types, identities, attributes, cards with the chart grading, links with direction and strength, positions, colours', async () => {
    const { core, db } = await openCase();
    const r = await core.ok('import.run', { path: fixture('chart-idref.anx'), format: 'anx' });
    expect(r).toMatchObject({ records: 11, created: 5, links: 5, skipped: 1 });
    expect(r.errors.map((e) => e.message)).toEqual([
      'item 11: the link\'s ends "CI-4" and "CI-99" are not both entities of the chart (read through End1Reference/End2Reference (IdReferenceLinking="true"))',
    ]);
    const karimId = (await core.ok('search', { query: 'Karim Benali', limit: 1 }))[0]!.id;
    const karim = await core.ok('entity.get', { id: karimId });
    expect(karim.schema).toBe('Person');
    expect(karim.properties.birthDate![0]).toMatchObject({ value: '1979-06-12', source: { title: 'Surveillance report', scheme: 'eu4x4', grade: 'B2', handling: 'H1' } });
    expect(karim.properties.nationality![0]!.value).toBe('fr');
    const notes = karim.properties.notes!.map((n) => `${n.value} | ${n.source?.title} ${n.source?.grade} ${n.source?.handling ?? ''}`).sort();
    expect(notes).toEqual(['Head of the Marseille cell | Surveillance report B2 H1', 'Nickname: Le Chef | Surveillance report B2 H1', 'Seen at the port on 3 March | Informant CHIS-12 C3 H2'].sort());
    const card = (await core.ok('source.list', {})).find((s) => s.title === 'Informant CHIS-12')!;
    expect(card).toMatchObject({ reference: 'CHIS-12/044', reportDate: '2024-03-03', scheme: 'eu4x4', grade: 'C3', handling: 'H2' });
    // The mobile phone became a Phone (issue 17): its number in E.164 is its identity and id, its
    // caption the number; the safe house an address.
    const phone = (await core.ok('search', { query: '+33612345678', limit: 1 }))[0]!;
    expect(phone).toMatchObject({ id: 'phone-33612345678', schema: 'Phone', caption: '+33 6 12 34 56 78' });
    expect((await core.ok('entity.list', { schema: 'Address' })).items.map((a) => a.caption)).toEqual(['12 rue des Docks, Marseille']);
    expect(r.warnings).toEqual([]);
    // ArrowOnTail: End1 = phone, End2 = Karim; the i2 "Owner" link between a person and a phone is
    // who uses the phone: Karim uses it.
    const owner = karim.links.find((l) => l.other.id === phone.id)!;
    expect(owner).toMatchObject({ schema: 'UsesPhone', direction: 'out' });
    const calls = karim.links.filter((l) => l.schema === 'Call');
    expect(calls).toHaveLength(1);
    const call = await core.ok('entity.get', { id: calls[0]!.id });
    expect(call.properties.date![0]!.value).toBe('2024-03-02T21:40:00');
    expect(call.properties.summary![0]!.value).toBe('14 calls');
    const layout = await core.ok('layout.get', { id: r.layoutId! });
    expect(layout.meta).toMatchObject({ idReferenceLinking: true, grading: { scheme: 'eu4x4' } });
    const karimPlace = layout.items.find((i) => i.entityId === karimId)!;
    expect(karimPlace).toMatchObject({ x: 100, y: 200, style: { i2Type: 'Person', colour: '#ff0000' } });
    const callPlace = layout.items.find((i) => i.entityId === calls[0]!.id)!;
    expect(callPlace.style).toMatchObject({ arrow: 'head', strength: 'Confirmed', colour: '#ff0000' });
    expect(counts(db()).layout_items).toBe(10);
  });

  it('IdReferenceLinking="false": ends by EntityId; Admiralty grades from the chart lists', async () => {
    const { core } = await openCase();
    const r = await core.ok('import.run', { path: fixture('chart-entityid.anx'), format: 'anx' });
    expect(r).toMatchObject({ created: 3, links: 2, skipped: 0 });
    const dmitri = await core.ok('entity.get', { id: (await core.ok('search', { query: 'Dmitri', limit: 1 }))[0]!.id });
    expect(dmitri.properties.name![0]!.source).toMatchObject({ title: 'NCA-77', scheme: 'admiralty', grade: 'B2' });
    // The chart's own types (issue 24): its "Car" link and "PersonFirst" entity type are new to the
    // case and become types of it, under the generic parents.
    const types = (await core.ok('type.list', {})).filter((t) => !t.builtin);
    expect(types.map((t) => [t.name, t.kind, t.parent, t.icon]).sort()).toEqual([
      ['Car', 'link', 'UnknownLink', null],
      ['PersonFirst', 'entity', 'LegalEntity', 'prisoff'],
    ]);
    const carType = types.find((t) => t.name === 'Car')!;
    expect(dmitri.schema).toBe(types.find((t) => t.name === 'PersonFirst')!.id);
    expect(dmitri.links.map((l) => `${l.schema} ${l.other.schema}`).sort()).toEqual(['Ownership BankAccount', `${carType.id} Vehicle`].sort());
    const car = dmitri.links.find((l) => l.other.schema === 'Vehicle')!;
    const carLink = await core.ok('entity.get', { id: car.id });
    expect(carLink.properties.summary![0]!.source).toMatchObject({ scheme: 'admiralty', grade: 'A6' });
    expect((await core.ok('entity.list', { schema: 'BankAccount' })).items[0]!.id).toBe('bankaccount-DE89370400440532013000');
  });

  it('round trip: ANX → Cordon → ANX → Cordon gives the same case (entities, links, attributes, cards, grades, positions)', async () => {
    for (const name of ['chart-idref.anx', 'chart-entityid.anx']) {
      const first = await openCase();
      await first.core.ok('import.run', { path: fixture(name), format: 'anx' });
      const out = join(first.dir, 'out.anx');
      // The chart holds an H2 card: a faithful copy needs the restricted values too.
      const exported = await first.core.ok('export.run', { path: out, format: 'anx', includeRestricted: true });
      expect(exported.warnings, name).toEqual([]);
      const second = await openCase();
      const again = await second.core.ok('import.run', { path: out, format: 'anx' });
      expect(again.skipped, name).toBe(0);
      const a = snapshot(first.db());
      const b = snapshot(second.db());
      expect(b.entities, name).toEqual(a.entities);
      expect(b.links, name).toEqual(a.links);
      expect(b.positions, name).toEqual(a.positions);
      expect(a.entities.length).toBeGreaterThan(2);
    }
  });

  it('refuses XML that is not ANX, an entity bomb, and broken XML — nothing written', async () => {
    const { core, db } = await openCase();
    const before = counts(db());
    expect((await core.fail('import.run', { path: fixture('not-a-chart.anx'), format: 'anx' })).message).toBe(
      'not-a-chart.anx is XML but not an i2 ANX chart (its root element is <svg>, not <Chart>).',
    );
    const bomb = await core.fail('import.run', { path: fixture('billion-laughs.anx'), format: 'anx' });
    expect(bomb).toMatchObject({ code: 'INVALID_INPUT' });
    expect(bomb.message).toMatch(/document type declaration \(DTD\); Cordon refuses DTDs/);
    expect((await core.fail('import.run', { path: fixture('calls-semicolon-bom.csv'), format: 'anx' })).message).toMatch(/is not XML, so it is not an i2 ANX chart/);
    expect((await core.fail('import.run', { path: fixture('report.pdf.csv'), format: 'anx' })).message).toMatch(/is a PDF document/);
    expect(counts(db())).toEqual(before);
  });
});
