import type { InputFile } from '../files';
import { attr, kid, kids, parseXmlFile } from '../xml';
import type { GraphEdge, GraphNode } from './model';

// GEXF (Gephi's own format): declared attributes, <attvalues>, and viz:position / viz:color.

const ARRAYS = new Set(['attributes', 'attribute', 'node', 'edge', 'attvalue', 'attvalues', 'nodes', 'edges']);

export function readGexf(file: InputFile): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const root = parseXmlFile(file, 'gexf', 'a GEXF file', ARRAYS);
  const graph = kid(root, 'graph');
  const titles = { node: new Map<string, string>(), edge: new Map<string, string>() };
  for (const block of kids(graph, 'attributes')) {
    const cls = attr(block, 'class') === 'edge' ? 'edge' : 'node';
    for (const a of kids(block, 'attribute')) titles[cls].set(attr(a, 'id') ?? '', attr(a, 'title') ?? attr(a, 'id') ?? '');
  }
  const values = (el: unknown, cls: 'node' | 'edge'): Array<[string, string]> =>
    kids(el, 'attvalues')
      .flatMap((v) => kids(v, 'attvalue'))
      .map((v) => [titles[cls].get(attr(v, 'for') ?? attr(v, 'id') ?? '') ?? attr(v, 'for') ?? '', attr(v, 'value') ?? ''] as [string, string])
      .filter(([k, v]) => k !== '' && v.trim() !== '');
  const colour = (el: unknown): string | null => {
    const c = kid(el, 'color');
    const rgb = ['r', 'g', 'b'].map((k) => Number(attr(c, k)));
    if (!c || !rgb.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)) return null;
    return `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  };
  const num = (v: string | undefined) => (v !== undefined && Number.isFinite(Number(v)) ? Number(v) : null);
  const directedDefault = attr(graph, 'defaultedgetype') !== 'undirected';
  const nodes: GraphNode[] = kids(graph, 'nodes')
    .flatMap((ns) => kids(ns, 'node'))
    .map((n) => {
      const pos = kid(n, 'position');
      return { id: attr(n, 'id') ?? '', label: attr(n, 'label'), attrs: values(n, 'node'), x: num(attr(pos, 'x')), y: num(attr(pos, 'y')), colour: colour(n), size: num(attr(kid(n, 'size'), 'value')) };
    });
  const edges: GraphEdge[] = kids(graph, 'edges')
    .flatMap((es) => kids(es, 'edge'))
    .map((e) => {
      const attrs = values(e, 'edge');
      const w = attr(e, 'weight');
      if (w !== undefined && !attrs.some(([k]) => k.toLowerCase() === 'weight')) attrs.push(['weight', w]);
      const kind = attr(e, 'type') ?? attr(e, 'edgetype');
      return { source: attr(e, 'source') ?? '', target: attr(e, 'target') ?? '', label: attr(e, 'label'), attrs, directed: kind ? kind === 'directed' : directedDefault, colour: colour(e) };
    });
  return { nodes, edges };
}
