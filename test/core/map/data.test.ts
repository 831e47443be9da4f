import { describe, expect, it } from 'vitest';
import { openCase } from '../interchange/support';

// map.data: located entities column-wise in one call, links between them, coverage wedges;
// map.unplaced, the offline gazetteer and map.place (issue 19).

describe('map.* methods', () => {
  it('answers located entities, their links and wedges; leaves out deleted, retracted and unplaced', async () => {
    const { core, db } = await openCase();
    const src = (await core.ok('source.create', { title: 'Surveillance', scheme: 'admiralty', grade: 'B2' })).id;
    const home = (await core.ok('entity.create', { schema: 'Address', properties: { full: ['1 Main St'], latitude: ['48.85'], longitude: ['2.35'] }, sourceId: src })).id;
    const meet = (await core.ok('entity.create', { schema: 'Event', properties: { name: ['Meeting'], latitude: ['45.76'], longitude: ['4.83'] } })).id;
    const gone = (await core.ok('entity.create', { schema: 'Address', properties: { full: ['Gone'], latitude: ['1'], longitude: ['1'] } })).id;
    const nowhere = (await core.ok('entity.create', { schema: 'Address', properties: { full: ['Rue X'], city: ['Lyon'], country: ['fr'] } })).id;
    const person = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Ann'] } })).id;
    await core.ok('entity.delete', { id: gone });
    const link = await core.ok('link.create', { schema: 'UnknownLink', from: home, to: meet });
    await core.ok('link.create', { schema: 'UnknownLink', from: person, to: home });
    // A second latitude: the first stated is the one drawn.
    const d = await core.ok('entity.update', { id: meet, add: [{ prop: 'latitude', value: '10' }] });
    expect(d.properties.latitude).toHaveLength(2);
    // A cell site (issue 17's CellSite is not in this catalogue yet): its azimuth and beam width as
    // stored statements on a located entity.
    const rid = db().prepare('SELECT rid FROM entities WHERE id = ?').pluck().get(home) as number;
    const ins = db().prepare("INSERT INTO statement_rows (entity, prop, value, source, originator, first_seen, last_seen) VALUES (?, ?, ?, NULL, 'FR', '2026-01-01', '2026-01-01')");
    ins.run(rid, 'azimuth', '120');
    ins.run(rid, 'beamWidth', '65');

    const m = await core.ok('map.data', {});
    expect(m.ids).toEqual([home, meet]);
    expect(m.schemas.map((_, i) => i)).toEqual([0, 1]);
    expect(m.schema.map((i) => m.schemas[i])).toEqual(['Address', 'Event']);
    expect(m.lat).toEqual([48.85, 45.76]);
    expect(m.lon).toEqual([2.35, 4.83]);
    expect(m.captions).toEqual(['1 Main St', 'Meeting']);
    expect(m.links).toEqual([0, 1]);
    expect(m.wedges).toEqual([0, 120, 65, 0]);
    expect(m.truncated).toBe(0);
    expect(link.id).toBeTruthy();

    const limited = await core.ok('map.data', { limit: 1 });
    expect(limited.ids).toEqual([home]);
    expect(limited.truncated).toBe(1);
    expect(limited.links).toEqual([]);

    expect(await core.ok('map.unplaced', {})).toEqual([{ id: nowhere, caption: 'Rue X', city: 'Lyon', country: 'fr' }]);
  });

  it('finds cities offline and places an address with a source that says how', async () => {
    const { core } = await openCase();
    const hits = await core.ok('map.gazetteer', { city: 'lyon', country: 'FR' });
    expect(hits[0]).toMatchObject({ name: 'Lyon', country: 'fr' });
    expect(hits[0]!.latitude).toBeCloseTo(45.75, 1);
    expect(hits[0]!.longitude).toBeCloseTo(4.85, 1);
    expect((await core.ok('map.gazetteer', { city: 'Zürich' }))[0]).toMatchObject({ name: 'Zürich', country: 'ch' });
    expect((await core.ok('map.gazetteer', { city: 'sao paulo' }))[0]).toMatchObject({ name: 'São Paulo', country: 'br' });
    expect(await core.ok('map.gazetteer', { city: 'Qqqqqzz' })).toEqual([]);

    const a = (await core.ok('entity.create', { schema: 'Address', properties: { full: ['Rue X'], city: ['Lyon'] } })).id;
    const placed = await core.ok('map.place', { id: a, latitude: hits[0]!.latitude, longitude: hits[0]!.longitude, via: 'gazetteer' });
    expect(placed.properties.latitude![0]).toMatchObject({ value: String(hits[0]!.latitude), source: { grade: 'F6' } });
    const sources = await core.ok('source.list', {});
    expect(sources.find((s) => s.id === placed.properties.latitude![0]!.sourceId)?.title).toBe('Offline gazetteer (city centre)');
    const b = (await core.ok('entity.create', { schema: 'Address', properties: { full: ['Rue Y'] } })).id;
    await core.ok('map.place', { id: b, latitude: 45.7, longitude: 4.8, via: 'gazetteer' });
    expect((await core.ok('source.list', {})).filter((s) => s.title === 'Offline gazetteer (city centre)')).toHaveLength(1);
    expect((await core.ok('map.data', {})).ids).toEqual([a, b]);
    expect((await core.fail('map.place', { id: a, latitude: 91, longitude: 0, via: 'hand' })).code).toBe('INVALID_INPUT');
  });
});
