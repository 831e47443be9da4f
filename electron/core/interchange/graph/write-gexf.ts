import { getSchema } from '../../../../shared/catalogue';
import type { ExportSet } from '../export/collect';
import type { OutFile } from '../export/out';
import type { Tick } from '../export/pace';
import { esc } from '../xml';
import { graphAttributes } from './props';

// GEXF 1.3 for Gephi: declared attributes, attvalues, viz:position and viz:color.

export async function writeGexf(out: OutFile, set: ExportSet, tick: Tick): Promise<string[]> {
  const nodes = set.entities.map((e) => ({ e, ...graphAttributes(e, false) }));
  const edges = set.links.map((l) => ({ l, ...graphAttributes(l, true) }));
  const ids = { node: new Map<string, string>(), edge: new Map<string, string>() };
  const attrId = (cls: 'node' | 'edge', title: string) => {
    let id = ids[cls].get(title);
    if (!id) ids[cls].set(title, (id = String(ids[cls].size)));
    return id;
  };
  attrId('node', 'type');
  attrId('edge', 'type');
  const av = (cls: 'node' | 'edge', pairs: Array<[string, string]>) =>
    pairs.length ? `<attvalues>${pairs.map(([k, v]) => `<attvalue for="${attrId(cls, k)}" value="${esc(v)}"/>`).join('')}</attvalues>` : '';
  const body: string[] = [];
  for (const { e, label, attrs } of nodes) {
    await tick();
    const place = set.placement.get(e.id);
    const c = typeof place?.style.colour === 'string' && /^#[0-9a-f]{6}$/i.test(place.style.colour) ? place.style.colour : null;
    body.push(
      `<node id="${esc(e.id)}" label="${esc(label)}">${av('node', [['type', e.schema], ...attrs])}` +
        (place?.x != null && place?.y != null ? `<viz:position x="${place.x}" y="${place.y}" z="0"/>` : '') +
        (c ? `<viz:color r="${parseInt(c.slice(1, 3), 16)}" g="${parseInt(c.slice(3, 5), 16)}" b="${parseInt(c.slice(5, 7), 16)}"/>` : '') +
        `</node>`,
    );
  }
  const edgeBody: string[] = [];
  for (const { l, label, attrs } of edges) {
    await tick();
    const schema = getSchema(l.schema)!;
    const weight = attrs.find(([k]) => k === 'weight')?.[1];
    edgeBody.push(
      `<edge id="${esc(l.id)}" source="${esc(l.from)}" target="${esc(l.to)}" type="${schema.edge!.directed ? 'directed' : 'undirected'}"${label ? ` label="${esc(label)}"` : ''}${weight ? ` weight="${esc(weight)}"` : ''}>` +
        `${av('edge', [['type', l.schema], ...attrs.filter(([k]) => k !== 'weight')])}</edge>`,
    );
  }
  out.line('<?xml version="1.0" encoding="UTF-8"?>');
  out.line('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">');
  out.line('<meta><creator>Cordon</creator></meta>');
  out.line('<graph defaultedgetype="directed" mode="static">');
  for (const cls of ['node', 'edge'] as const) {
    out.line(`<attributes class="${cls}">${[...ids[cls].entries()].map(([t, id]) => `<attribute id="${id}" title="${esc(t)}" type="string"/>`).join('')}</attributes>`);
  }
  out.line('<nodes>');
  for (const b of body) out.line(b);
  out.line('</nodes><edges>');
  for (const b of edgeBody) out.line(b);
  out.line('</edges>');
  out.line('</graph>');
  out.line('</gexf>');
  return [];
}
