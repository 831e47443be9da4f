import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestPlacement } from '../../../electron/core/interchange/layouts';
import { getSchema } from '../../../shared/catalogue';
import { counts, fixture, openCase, snapshot } from './support';

/**
 * The graph as networkx reads it: an independent reader of both formats (Debian's python3-networkx).
 * networkx holds a graph as wholly directed or wholly undirected and refuses a mixed one, which both
 * formats allow (a Call is directed, an Associate is not): ElementTree reads each edge's direction
 * and takes it off, and networkx reads the rest (nodes, labels, edges, positions).
 */
function readWithNetworkx(path: string, format: 'graphml' | 'gexf'): { nodes: Array<{ id: string; label: string; x: number | null; y: number | null }>; edges: Array<[string, string, boolean]> } {
  const script = `
import io, json, sys
import xml.etree.ElementTree as ET
import networkx as nx
path, fmt = sys.argv[1], sys.argv[2]
ns = 'http://graphml.graphdrawing.org/xmlns' if fmt == 'graphml' else 'http://gexf.net/1.3'
ET.register_namespace('', ns)
ET.register_namespace('viz', 'http://gexf.net/1.3/viz')
tree = ET.parse(path)
directed = {}
for e in tree.iter('{%s}edge' % ns):
    if fmt == 'graphml':
        directed[e.get('id')] = e.attrib.pop('directed') == 'true'
    else:
        directed[e.get('id')] = e.attrib.pop('type') == 'directed'
data = ET.tostring(tree.getroot())
if fmt == 'graphml':
    g = nx.parse_graphml(data.decode('utf-8'))
    edges = [[s, t, directed[d['id']]] for s, t, d in g.edges(data=True)]
else:
    # networkx 2.8 reads GEXF up to 1.2draft; 1.3 differs from it in nothing read here.
    g = nx.read_gexf(io.BytesIO(data.replace(b'gexf.net/1.3', b'www.gexf.net/1.2draft')), node_type=str)
    edges = [[s, t, directed[d['id']]] for s, t, d in g.edges(data=True)]
def pos(d):
    if fmt == 'gexf':
        p = d.get('viz', {}).get('position')
        return (p['x'], p['y']) if p else (None, None)
    return (d.get('x'), d.get('y'))
nodes = [{'id': n, 'label': d.get('label'), 'x': pos(d)[0], 'y': pos(d)[1]} for n, d in g.nodes(data=True)]
print(json.dumps({'nodes': nodes, 'edges': edges}))
`;
  const r = spawnSync(existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3', ['-c', script, path, format], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`networkx could not read ${path}: ${r.stderr}`);
  return JSON.parse(r.stdout) as ReturnType<typeof readWithNetworkx>;
}

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
    // Each entity keeps the position it had on the latest layout (what the export writes).
    const pos = (db: ReturnType<typeof first.db>) => {
      const caption = new Map((db.prepare('SELECT id, caption FROM entities').all() as Array<{ id: string; caption: string }>).map((e) => [e.id, e.caption]));
      return [...latestPlacement(db)].filter(([, p]) => p.x !== null).map(([id, p]) => `${caption.get(id)} @ ${p.x},${p.y}`).sort();
    };
    expect(pos(first.db()).length).toBeGreaterThan(0);
    expect(pos(second.db())).toEqual(pos(first.db()));
  });

  it.each(['graphml', 'gexf'] as const)('%s export reads in networkx (python3-networkx) with the same nodes, edges, labels and positions', async (format) => {
    const first = await openCase();
    await first.core.ok('import.run', { path: fixture('gephi.graphml'), format: 'graphml' });
    await first.core.ok('import.run', { path: fixture('gephi.gexf'), format: 'gexf' });
    const out = join(first.dir, `out.${format}`);
    await first.core.ok('export.run', { path: out, format });
    const g = readWithNetworkx(out, format);
    const db = first.db();
    const entities = db.prepare('SELECT id, caption FROM entities WHERE is_link = 0 AND deleted = 0').all() as Array<{ id: string; caption: string }>;
    const links = db.prepare('SELECT e.schema, l.source_id, l.target_id FROM links l JOIN entities e ON e.id = l.id WHERE e.deleted = 0').all() as Array<{ schema: string; source_id: string; target_id: string }>;
    const caption = new Map(entities.map((e) => [e.id, e.caption]));
    expect(g.nodes.map((n) => n.label).sort()).toEqual(entities.map((e) => e.caption).sort());
    const byId = new Map(g.nodes.map((n) => [n.id, n.label]));
    expect(g.edges.map(([s, t, directed]) => `${byId.get(s)} → ${byId.get(t)} ${directed}`).sort()).toEqual(
      links.map((l) => `${caption.get(l.source_id)} → ${caption.get(l.target_id)} ${getSchema(l.schema)!.edge!.directed}`).sort(),
    );
    const placed = [...latestPlacement(db)].filter(([, p]) => p.x !== null).map(([id, p]) => `${caption.get(id)} @ ${p.x},${p.y}`).sort();
    expect(placed.length).toBeGreaterThan(0);
    expect(g.nodes.filter((n) => n.x !== null).map((n) => `${n.label} @ ${n.x},${n.y}`).sort()).toEqual(placed);
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
