import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counts, fixture, openCase, snapshot } from './support';

describe('GraphML and GEXF', () => {
  it('GraphML (Gephi conventions): label → name, type picks the schema or LegalEntity, edge type picks the link or UnknownLink, weight kept, positions and colours kept', async () => {
    const { core } = await openCase();
    const r = await core.ok('import.run', { path: fixture('gephi.graphml'), format: 'graphml' });
    expect(r).toMatchObject({ created: 4, links: 3, skipped: 1 });
    expect(r.errors.map((e) => e.message)).toEqual(['record 8: the edge n1 → n9 names a node that is not in the file']);
    expect(r.warnings.join(' ')).toMatch(/node type "Spaceship" is not a Cordon type; such nodes are imported as LegalEntity/);
    const anna = await core.ok('entity.get', { id: (await core.ok('search', { query: 'Anna Petrova', limit: 1 }))[0]!.id });
    expect(anna.schema).toBe('Person');
    expect(anna.properties.phone![0]!.value).toBe('+79161234567');
    const dir = await core.ok('entity.get', { id: anna.links.find((l) => l.schema === 'Directorship')!.id });
    expect(dir.properties.weight![0]!.value).toBe('2.5');
    const friend = await core.ok('entity.get', { id: anna.links.find((l) => l.schema === 'UnknownLink')!.id });
    expect(friend.properties.role![0]!.value).toBe('friends with');
    const thing = (await core.ok('search', { query: 'Unknown thing', limit: 1 }))[0]!;
    expect(thing.schema).toBe('LegalEntity');
    expect((await core.ok('entity.get', { id: thing.id })).properties.notes![0]!.value).toBe('role in group: courier');
    const layout = await core.ok('layout.get', { id: r.layoutId! });
    expect(layout.items.find((i) => i.entityId === anna.id)).toMatchObject({ x: -10.5, y: 20, style: { colour: '#ff0000', type: 'Person' } });
  });

  it('GEXF: attributes, viz position and colour, weights, a bad date kept as a note', async () => {
    const { core } = await openCase();
    const r = await core.ok('import.run', { path: fixture('gephi.gexf'), format: 'gexf' });
    expect(r).toMatchObject({ created: 3, links: 3, skipped: 0 });
    const anna = await core.ok('entity.get', { id: (await core.ok('search', { query: 'Anna', limit: 1 }))[0]!.id });
    expect(anna.properties.birthDate![0]!.value).toBe('1988-02-29');
    expect(anna.properties.notes![0]!.value).toBe('Modularity Class: 3');
    const family = await core.ok('entity.get', { id: anna.links.find((l) => l.schema === 'Family')!.id });
    expect(family.properties.weight![0]!.value).toBe('4');
    const sergei = await core.ok('entity.get', { id: (await core.ok('search', { query: 'Sergei', limit: 1 }))[0]!.id });
    expect(sergei.properties.notes![0]!.value).toBe('Date of birth: 1990-02-30');
    expect(r.errors.map((e) => e.message)).toContain('record 2: Date of birth "1990-02-30" is not a date (YYYY, YYYY-MM, YYYY-MM-DD or ISO date-time); kept as a note');
    const layout = await core.ok('layout.get', { id: r.layoutId! });
    expect(layout.items.find((i) => i.entityId === anna.id)).toMatchObject({ x: 1.5, y: -2, style: { colour: '#0080ff' } });
  });

  it.each(['graphml', 'gexf'] as const)('%s export reads back to the same case', async (format) => {
    const first = await openCase();
    await first.core.ok('import.run', { path: fixture('gephi.graphml'), format: 'graphml' });
    await first.core.ok('import.run', { path: fixture('gephi.gexf'), format: 'gexf' });
    const out = join(first.dir, `out.${format}`);
    await first.core.ok('export.run', { path: out, format });
    const second = await openCase();
    const r = await second.core.ok('import.run', { path: out, format });
    expect(r.skipped).toBe(0);
    const strip = (xs: string[]) => xs.map((x) => x.replace(/ \[[^\]]*\]/g, '')).sort();
    expect(strip(snapshot(second.db()).entities)).toEqual(strip(snapshot(first.db()).entities));
    expect(strip(snapshot(second.db()).links)).toEqual(strip(snapshot(first.db()).links));
    const pos = (db: ReturnType<typeof first.db>) => (db.prepare('SELECT x, y FROM layout_items WHERE x IS NOT NULL ORDER BY x, y').all() as unknown[]).length;
    expect(pos(second.db())).toBe(pos(first.db()));
  });

  it('refuses an XXE attempt and broken XML, writing nothing', async () => {
    const { core, db } = await openCase();
    const before = counts(db());
    expect((await core.fail('import.run', { path: fixture('xxe.graphml'), format: 'graphml' })).message).toMatch(/refuses DTDs/);
    expect((await core.fail('import.run', { path: fixture('broken.graphml'), format: 'graphml' })).message).toMatch(/is not well-formed XML/);
    expect((await core.fail('import.run', { path: fixture('chart-idref.anx'), format: 'gexf' })).message).toMatch(/its root element is <Chart>, not <gexf>/);
    expect(counts(db())).toEqual(before);
  });
});
