import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TypeView } from '../../../shared/vocabulary/dto';
import { fixture, openCase, type OpenCase } from './support';

// An ANX chart's own types and attribute classes become types of the case, and go back out as
// ANX types (issue 24). The fixture, custom-types.anx, was written for this test.

const own = async (c: OpenCase) => (await c.core.ok('type.list', {})).filter((t) => !t.builtin);
const shape = (types: TypeView[]) =>
  types
    .map((t) => ({ name: t.name, kind: t.kind, parent: t.parent, icon: t.icon, color: t.color, props: t.properties.filter((p) => !p.inherited).map((p) => `${p.name}:${p.datatype}`) }))
    .sort((a, b) => a.name.localeCompare(b.name));

/** Each entity as its type's name and its values by property name. */
async function content(c: OpenCase): Promise<string[]> {
  const types = await c.core.ok('type.list', {});
  const name = (id: string) => types.find((t) => t.id === id)?.name ?? id;
  const rows = c.db().prepare('SELECT id FROM entities WHERE deleted = 0').pluck().all() as string[];
  const out: string[] = [];
  for (const id of rows) {
    const e = await c.core.ok('entity.get', { id });
    const t = types.find((x) => x.id === e.schema)!;
    const label = (p: string) => t.properties.find((x) => x.id === p)?.name ?? p;
    const values = Object.entries(e.properties)
      .filter(([p]) => !['member', 'organization', 'subject', 'object'].includes(p))
      .map(([p, vs]) => `${label(p)}=${vs.map((v) => v.value).join('|')}`)
      .sort();
    out.push(`${name(e.schema)} ${e.caption} ${values.join(' ')}`);
  }
  return out.sort();
}

describe('ANX and the case\'s own types', () => {
  it('import defines a type per unknown entity and link type with its attribute classes; export writes them back; the round trip keeps them', async () => {
    const first = await openCase();
    const r = await first.core.ok('import.run', { path: fixture('custom-types.anx'), format: 'anx' });
    expect(r).toMatchObject({ created: 3, links: 1, skipped: 0 });
    expect(r.warnings).toEqual([]);
    const types = shape(await own(first));
    expect(types).toEqual([
      { name: 'Courier', kind: 'entity', parent: 'LegalEntity', icon: 'courier', color: '#0000ff', props: ['Route:text'] },
      { name: 'Forum handle', kind: 'entity', parent: 'LegalEntity', icon: 'web-page', color: '#ff0000', props: ['Forum:text', 'Posts:number', 'Registered:datetime'] },
      { name: 'Recruited', kind: 'link', parent: 'UnknownLink', icon: null, color: '#008000', props: ['Recruited via:text'] },
    ]);
    const before = await content(first);
    expect(before).toContain('Forum handle darkstar Forum=Dread Name=darkstar Posts=1204 Registered=2023-11-02T08:30:00.000');
    expect(before).toContain('Recruited  Recruited via=Telegram Summary=recruited');

    const out = join(first.dir, 'out.anx');
    const exported = await first.core.ok('export.run', { path: out, format: 'anx', includeRestricted: true });
    expect(exported.warnings).toEqual([]);
    const xml = readFileSync(out, 'utf8');
    // The chart's own icon file name is kept (in the layout); the type holds it as our icon name.
    expect(xml).toMatch(/<EntityType Id="ET\d+" Name="Forum handle" IconFile="Web Page" Colour="255"/);
    expect(xml).toMatch(/<LinkType Id="LT\d+" Name="Recruited" Colour="32768"\/>/);
    expect(xml).toMatch(/<AttributeClass Id="AC\d+" Name="Posts" Type="AttNumber"/);
    expect(xml).toMatch(/<AttributeClass Id="AC\d+" Name="Registered" Type="AttTime"/);

    const second = await openCase('DE');
    await second.core.ok('import.run', { path: out, format: 'anx' });
    expect(shape(await own(second))).toEqual(types);
    expect(await content(second)).toEqual(before);

    // The same chart again into the first case: its types are found by name, none is defined twice.
    await first.core.ok('import.run', { path: fixture('custom-types.anx'), format: 'anx' });
    expect(shape(await own(first))).toEqual(types);
  });

  it('a preview defines nothing; a chart with 5,000 attribute classes imports whole, the classes past the limit kept as notes', async () => {
    const c = await openCase();
    const preview = await c.core.ok('import.dryRun', { path: fixture('custom-types.anx'), format: 'anx' });
    expect(preview.created).toBe(3);
    expect(await own(c)).toEqual([]);

    const classes = Array.from({ length: 5000 }, (_, i) => `<AttributeClass Id="A${i}" Name="Field ${i}" Type="AttText"/>`).join('');
    const attrs = Array.from({ length: 5000 }, (_, i) => `<Attribute AttributeClass="Field ${i}" AttributeClassReference="A${i}" Value="v${i}"/>`).join('');
    const path = join(c.dir, 'wide.anx');
    writeFileSync(
      path,
      `<?xml version="1.0"?><Chart IdReferenceLinking="true"><EntityTypeCollection><EntityType Id="T1" Name="Ledger" IconFile="Book"/></EntityTypeCollection>` +
        `<AttributeClassCollection>${classes}</AttributeClassCollection><ChartItemCollection><ChartItem Id="CI1" Label="Ledger 1">` +
        `<End X="0" Y="0"><Entity EntityId="l1" Identity="Ledger 1"><Icon><IconStyle Type="Ledger" EntityTypeReference="T1"/></Icon></Entity></End>` +
        `<AttributeCollection>${attrs}</AttributeCollection></ChartItem></ChartItemCollection></Chart>`,
    );
    const r = await c.core.ok('import.run', { path, format: 'anx' });
    expect(r).toMatchObject({ created: 1, skipped: 0 });
    expect(r.warnings).toEqual(['4800 attribute classes were kept as notes, not made properties: an import makes at most 2,000 classes into properties, and a type holds at most 200.']);
    const ledger = (await own(c))[0]!;
    expect(ledger.properties.filter((p) => !p.inherited)).toHaveLength(200);
    const e = await c.core.ok('entity.get', { id: (await c.core.ok('search', { query: 'Ledger 1' }))[0]!.id });
    expect(e.properties[ledger.properties.find((p) => p.name === 'Field 199')!.id]![0]!.value).toBe('v199');
    expect(e.properties.notes!.map((n) => n.value)).toContain('Field 4999: v4999');
    expect(e.properties.notes).toHaveLength(4800);
  });
});
