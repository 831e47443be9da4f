import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliRunner } from '../cli-io';
import { tempDir } from '../helpers';
import { MAX_BYTES } from '../../../electron/core/interchange/files';
import { counts, openCase } from './support';

// GeoJSON and KML in and out (issue 19): located entities with a source, bad input refused per
// feature with its reason, XXE refused, network links never fetched, handling rules on export.

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const point = (lon: number, lat: number, properties: Record<string, unknown> = {}, id?: string) => ({ type: 'Feature', ...(id ? { id } : {}), geometry: { type: 'Point', coordinates: [lon, lat] }, properties });

function located(db: ReturnType<Awaited<ReturnType<typeof openCase>>['db']>) {
  return db
    .prepare(
      `SELECT e.schema, e.caption, la.value AS lat, lo.value AS lon, s.title, s.grade FROM entities e
         JOIN statements la ON la.entity_id = e.id AND la.prop = 'latitude' JOIN statements lo ON lo.entity_id = e.id AND lo.prop = 'longitude'
         LEFT JOIN sources s ON s.id = la.source_id WHERE e.deleted = 0 ORDER BY e.caption`,
    )
    .all() as Array<{ schema: string; caption: string; lat: string; lon: string; title: string; grade: string }>;
}

describe('GeoJSON import', () => {
  it('makes located entities with the file as their source; refuses out-of-range points with a reason; warns of swapped ones', async () => {
    const { core, dir, db } = await openCase();
    const file = join(dir, 'places.geojson');
    writeFileSync(
      file,
      fc([
        point(2.3522, 48.8566, { name: '12 rue de Rivoli', city: 'Paris', country: 'FR', floor: '3' }, 'p1'),
        point(4.8357, 45.764, { name: 'Handover', timestamp: '2026-03-01T10:00:00Z', description: 'cash changed hands' }, 'p2'),
        point(120, 95, { name: 'North of the pole' }),
        point(200, 10, { name: 'Too far east' }),
        point(48.85, 2.35, { name: 'Swapped flat', country: 'fr' }),
        point(48.85, 95, { name: 'Swapped outright' }),
        { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, properties: { name: 'An area' } },
        { type: 'Feature', geometry: null, properties: { name: 'Nowhere' } },
      ]),
    );
    const r = await core.ok('import.run', { path: file, format: 'geojson' });
    expect(r).toMatchObject({ records: 8, created: 3, skipped: 5 });
    const reasons = r.errors.map((e) => e.message);
    expect(reasons).toContain('feature 3: latitude 95 is outside ±90°; refused');
    expect(reasons).toContain('feature 4: longitude 200 is outside ±180°; refused');
    expect(reasons).toContain('feature 6: latitude 95 is outside ±90°; refused (it looks swapped: GeoJSON is [longitude, latitude])');
    expect(reasons).toContain('feature 7: a Polygon is not a place: only Point features become located entities');
    expect(reasons).toContain('feature 8: the feature has no geometry');
    expect(reasons.find((m) => m.startsWith('feature 5:'))).toMatch(/lies outside FR but inside it read the other way round: the coordinates look swapped/);
    expect(r.warnings).toContain('1 point looks swapped (latitude and longitude exchanged); see the rows listed.');
    const rows = located(db());
    expect(rows).toEqual([
      { schema: 'Address', caption: '12 rue de Rivoli', lat: '48.8566', lon: '2.3522', title: 'Import of places.geojson', grade: 'F6' },
      { schema: 'Event', caption: 'Handover', lat: '45.764', lon: '4.8357', title: 'Import of places.geojson', grade: 'F6' },
      { schema: 'Address', caption: 'Swapped flat', lat: '2.35', lon: '48.85', title: 'Import of places.geojson', grade: 'F6' },
    ]);
    const paris = await core.ok('entity.get', { id: (await core.ok('map.data', {})).ids[0]! });
    expect(paris.properties.city?.[0]?.value).toBe('Paris');
    expect(paris.properties.country?.[0]?.value).toBe('fr');
    expect(paris.properties.notes?.[0]?.value).toBe('floor: 3');
    // The same file again merges into the same entities (feature ids are kept).
    const again = await core.ok('import.run', { path: file, format: 'geojson' });
    expect(again).toMatchObject({ created: 1, merged: 2 });
  });

  it('refuses malformed GeoJSON and writes nothing', async () => {
    const { core, dir, db } = await openCase();
    const before = counts(db());
    for (const [text, message] of [
      ['{"type": "FeatureCollection", "features": [', /is not GeoJSON: it is not valid JSON/],
      ['{"type": "Topology", "objects": {}}', /its "type" is "Topology", not "FeatureCollection" or "Feature"/],
      ['{"type": "FeatureCollection"}', /has no "features" array/],
      ['[1, 2]', /it is not a JSON object/],
    ] as const) {
      const file = join(dir, 'bad.geojson');
      writeFileSync(file, text);
      const err = await core.fail('import.run', { path: file, format: 'geojson' });
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toMatch(message);
    }
    expect(counts(db())).toEqual(before);
  });

  const limit = MAX_BYTES.geojson!;
  afterEach(() => void (MAX_BYTES.geojson = limit));
  it('refuses a file over the size limit before reading it, and says the limit', async () => {
    expect(limit).toBe(200 * 1024 * 1024);
    const { core, dir, db } = await openCase();
    const before = counts(db());
    const file = join(dir, 'huge.geojson');
    writeFileSync(file, fc(Array.from({ length: 200 }, (_, i) => point(i / 10, i / 10, { name: `P${i}` }))));
    // The limit lowered, not a real 500 MB file.
    MAX_BYTES.geojson = 4096;
    const err = await core.fail('import.run', { path: file, format: 'geojson' });
    expect(err).toMatchObject({ code: 'INVALID_INPUT' });
    expect(err.message).toMatch(/^huge\.geojson is \d+\.\d KB; the largest GEOJSON file Cordon imports is 4\.0 KB\. Split it and import the parts\.$/);
    expect(counts(db())).toEqual(before);
  });
});

const KML = (body: string, head = '') => `<?xml version="1.0" encoding="UTF-8"?>${head}
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Surveillance</name>${body}</Document></kml>`;

describe('KML import', () => {
  it('makes placemarks located entities; a network link is never fetched', async () => {
    const { core, dir, db } = await openCase();
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end(KML('<Placemark><name>Fetched</name><Point><coordinates>1,1</coordinates></Point></Placemark>'));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as { port: number }).port;
    try {
      const file = join(dir, 'obs.kml');
      writeFileSync(
        file,
        KML(`<Placemark id="a"><name>Garage</name><description>Van seen</description><Point><coordinates>5.3698,43.2965,0</coordinates></Point></Placemark>
          <Placemark><name>Meet</name><TimeStamp><when>2026-02-03</when></TimeStamp><Point><coordinates>2.35,48.85</coordinates></Point></Placemark>
          <Placemark><name>Bad</name><Point><coordinates>2.35,91</coordinates></Point></Placemark>
          <NetworkLink><name>More</name><Link><href>http://127.0.0.1:${port}/more.kml</href><refreshMode>onInterval</refreshMode></Link></NetworkLink>`),
      );
      const r = await core.ok('import.run', { path: file, format: 'kml' });
      expect(r.errors.map((e) => e.message)).toEqual(['feature 3: latitude 91 is outside ±90°; refused (it looks swapped: GeoJSON is [longitude, latitude])']);
      expect(r).toMatchObject({ created: 2, skipped: 1 });
      expect(r.warnings).toContain('1 network link was not followed: Cordon never fetches anything; import the linked files themselves.');
      await new Promise((ok) => setTimeout(ok, 200));
      expect(hits).toBe(0);
      expect(located(db()).map((x) => [x.schema, x.caption, x.lat, x.lon])).toEqual([
        ['Address', 'Garage', '43.2965', '5.3698'],
        ['Event', 'Meet', '48.85', '2.35'],
      ]);
    } finally {
      server.close();
    }
  });

  it('refuses external entities (XXE) and entity declarations; malformed XML; not KML — nothing written', async () => {
    const { core, dir, db } = await openCase();
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'TOP SECRET LINE');
    const before = counts(db());
    for (const [text, message] of [
      [KML('<Placemark><name>&xxe;</name><Point><coordinates>1,1</coordinates></Point></Placemark>', `<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file://${secret}">]>`), /document type declaration or declares entities; Cordon refuses them in KML \(they can reach files and servers: XXE\)/],
      [KML('<Placemark><name>x</name></Placemark>', '<!DOCTYPE kml SYSTEM "http://127.0.0.1:1/kml.dtd">'), /XXE/],
      [KML('<Placemark><name>x</nam></Placemark>'), /is not well-formed XML/],
      ['<gpx><wpt lat="1" lon="1"/></gpx>', /is not KML: its root element is <gpx>, not <kml>/],
      ['{"type": "FeatureCollection"}', /is not XML, so it is not KML/],
    ] as const) {
      const file = join(dir, 'bad.kml');
      writeFileSync(file, text);
      const err = await core.fail('import.run', { path: file, format: 'kml' });
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toMatch(message);
      expect(err.message).not.toMatch(/TOP SECRET/);
    }
    expect(counts(db())).toEqual(before);
  });
});

describe('GeoJSON export', () => {
  it('writes located entities with properties, source and handling; leaves H2 out; round-trips', async () => {
    const { core, dir } = await openCase();
    const open = (await core.ok('source.create', { title: 'Open report', scheme: 'eu4x4', grade: 'B2', handling: 'H1', tlp: 'AMBER' })).id;
    const secret = (await core.ok('source.create', { title: 'Informant', scheme: 'eu4x4', grade: 'A1', handling: 'H2' })).id;
    const a = (await core.ok('entity.create', { schema: 'Address', properties: { full: ['Warehouse, Rotterdam'], city: ['Rotterdam'], latitude: ['51.9244'], longitude: ['4.4777'] }, sourceId: open })).id;
    await core.ok('entity.update', { id: a, add: [{ prop: 'notes', value: 'stash behind the wall' }], sourceId: secret });
    const b = (await core.ok('entity.create', { schema: 'Event', properties: { name: ['Handover'], date: ['2026-03-01'], latitude: ['52.37'], longitude: ['4.89'] }, sourceId: open })).id;
    await core.ok('entity.create', { schema: 'Address', properties: { full: ['Hidden flat'], latitude: ['52.1'], longitude: ['5.1'] }, sourceId: secret });
    await core.ok('entity.create', { schema: 'Person', properties: { name: ['Jan de Vries'] }, sourceId: open });
    await core.ok('link.create', { schema: 'UnknownLink', from: a, to: b, properties: { role: ['handover site'] }, sourceId: open });
    const out = join(dir, 'case.geojson');
    const r = await core.ok('export.run', { path: out, format: 'geojson' });
    expect(r).toMatchObject({ entities: 3, links: 1, handling: 'H1', tlp: 'AMBER' });
    expect(r.warnings).toEqual(['1 entity has no coordinates and is not in the GeoJSON file.']);
    expect(r.withheldValues).toBe(4);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/stash|Hidden flat|Informant/);
    const doc = JSON.parse(text);
    expect(doc).toMatchObject({ type: 'FeatureCollection', 'cordon:handling': 'H1', 'cordon:tlp': 'AMBER' });
    expect(doc.features).toHaveLength(3);
    expect(doc.features[0]).toEqual({
      type: 'Feature',
      id: a,
      geometry: { type: 'Point', coordinates: [4.4777, 51.9244] },
      properties: {
        'cordon:schema': 'Address',
        name: 'Warehouse, Rotterdam',
        full: 'Warehouse, Rotterdam',
        city: 'Rotterdam',
        'cordon:source': { title: 'Open report', scheme: 'eu4x4', grade: 'B2', handling: 'H1', tlp: 'AMBER' },
        'cordon:handling': 'H1',
        'cordon:tlp': 'AMBER',
      },
    });
    expect(doc.features[2]).toMatchObject({ geometry: { type: 'LineString', coordinates: [[4.4777, 51.9244], [4.89, 52.37]] }, properties: { 'cordon:schema': 'UnknownLink', 'cordon:from': a, 'cordon:to': b, role: 'handover site' } });

    // Into another bureau's case: the same places, the same source and grading, the link.
    const other = await openCase('NL');
    const back = await other.core.ok('import.run', { path: out, format: 'geojson' });
    expect(back).toMatchObject({ created: 2, links: 1, skipped: 0 });
    const rows = located(other.db());
    expect(rows.map((x) => [x.schema, x.caption, x.lat, x.lon, x.title, x.grade])).toEqual([
      ['Event', 'Handover', '52.37', '4.89', 'Open report', 'B2'],
      ['Address', 'Warehouse, Rotterdam', '51.9244', '4.4777', 'Open report', 'B2'],
    ]);
    const handling = other.db().prepare("SELECT handling, tlp FROM sources WHERE title = 'Open report'").get();
    expect(handling).toEqual({ handling: 'H1', tlp: 'AMBER' });
    const m = await other.core.ok('map.data', {});
    const event = await other.core.ok('entity.get', { id: m.ids[m.schema.findIndex((i) => m.schemas[i] === 'Event')]! });
    expect(event.properties.date?.[0]).toMatchObject({ value: '2026-03-01', source: { title: 'Open report', grade: 'B2', handling: 'H1', tlp: 'AMBER' } });
    expect(m.links).toEqual([0, 1]);
  });
});

describe('cordon import/export --format geojson|kml', () => {
  it('imports a KML with --json and exports a selection as GeoJSON', async () => {
    const dir = tempDir();
    const run = cliRunner({ CORDON_PASSPHRASE: 'geo cli passphrase', CORDON_DATA_DIR: join(dir, 'data') });
    const file = join(dir, 'c.cordon');
    expect((await run('case', 'create', file, '--bureau', 'be')).code).toBe(0);
    const kml = join(dir, 'sites.kml');
    writeFileSync(kml, KML('<Placemark><name>Antwerp dock</name><TimeStamp><when>2026-01-05</when></TimeStamp><Point><coordinates>4.40,51.23</coordinates></Point></Placemark><Placemark><name>Ghent flat</name><Point><coordinates>3.72,51.05</coordinates></Point></Placemark>'));
    const imported = await run('import', file, '--format', 'kml', kml, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ created: 2, skipped: 0, errors: [] });
    const human = await run('import', file, '--format', 'geojson', join(dir, 'missing.geojson'));
    expect(human.code).not.toBe(0);
    const out = join(dir, 'antwerp.geojson');
    const exported = await run('export', file, '--format', 'geojson', out, '--select', 'antwerp', '--json');
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out)).toMatchObject({ files: [out], entities: 1 });
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['Antwerp dock']);
    expect(doc.features[0].geometry).toEqual({ type: 'Point', coordinates: [4.4, 51.23] });
  });
});
