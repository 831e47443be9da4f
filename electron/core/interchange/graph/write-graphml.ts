import { getSchema } from '../../../../shared/catalogue';
import type { ExportSet } from '../export/collect';
import type { OutFile } from '../export/out';
import type { Tick } from '../export/pace';
import { esc } from '../xml';
import { graphAttributes } from './props';

// GraphML with Gephi's conventions: `label`, `type` (the catalogue type), x/y from the layout,
// one key per property column.

export async function writeGraphml(out: OutFile, set: ExportSet, tick: Tick): Promise<string[]> {
  const nodes = set.entities.map((e) => ({ e, ...graphAttributes(e, false) }));
  const edges = set.links.map((l) => ({ l, ...graphAttributes(l, true) }));
  const keyIds = new Map<string, string>();
  const key = (kind: 'node' | 'edge', name: string, type = 'string') => {
    const k = `${kind}\u0000${name}\u0000${type}`;
    let id = keyIds.get(k);
    if (!id) keyIds.set(k, (id = `${kind[0]}${keyIds.size}`));
    return id;
  };
  const data = (id: string, v: string | number) => `<data key="${id}">${esc(String(v))}</data>`;
  const body: string[] = [];
  for (const { e, label, attrs } of nodes) {
    await tick();
    const place = set.placement.get(e.id);
    let xml = `<node id="${esc(e.id)}">${data(key('node', 'label'), label)}${data(key('node', 'type'), e.schema)}`;
    if (place?.x != null) xml += data(key('node', 'x', 'double'), place.x);
    if (place?.y != null) xml += data(key('node', 'y', 'double'), place.y);
    if (typeof place?.style.colour === 'string') xml += data(key('node', 'colour'), place.style.colour);
    for (const [k, v] of attrs) xml += data(key('node', k), v);
    body.push(`${xml}</node>`);
  }
  for (const { l, label, attrs } of edges) {
    await tick();
    const schema = getSchema(l.schema)!;
    let xml = `<edge id="${esc(l.id)}" source="${esc(l.from)}" target="${esc(l.to)}" directed="${schema.edge!.directed}">${data(key('edge', 'type'), l.schema)}`;
    if (label) xml += data(key('edge', 'label'), label);
    for (const [k, v] of attrs) xml += data(key('edge', k, k === 'weight' ? 'double' : 'string'), v);
    body.push(`${xml}</edge>`);
  }
  out.line('<?xml version="1.0" encoding="UTF-8"?>');
  out.line('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">');
  for (const [k, id] of keyIds) {
    const [kind, name, type] = k.split('\u0000');
    out.line(`<key id="${id}" for="${kind}" attr.name="${esc(name!)}" attr.type="${type}"/>`);
  }
  out.line('<graph id="cordon" edgedefault="directed">');
  for (const b of body) out.line(b);
  out.line('</graph>');
  out.line('</graphml>');
  return [];
}
