import type { InputFile } from '../files';
import { attr, kid, kids, parseXmlFile, text, type XmlNode } from '../xml';
import type { GraphEdge, GraphNode } from './model';

// GraphML (Gephi, yEd, networkx, igraph): <key> declarations name the <data> of nodes and edges.

const ARRAYS = new Set(['key', 'graph', 'node', 'edge', 'data']);

function rgb(r?: string, g?: string, b?: string): string | null {
  const c = [r, g, b].map((v) => Number(v));
  return c.every((v) => Number.isInteger(v) && v >= 0 && v <= 255) ? `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}` : null;
}

export function readGraphml(file: InputFile): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const root = parseXmlFile(file, 'graphml', 'a GraphML file', ARRAYS);
  const keys = new Map<string, { name: string; default: string | undefined }>();
  for (const k of kids(root, 'key')) {
    const id = attr(k, 'id');
    if (id) keys.set(id, { name: attr(k, 'attr.name') ?? id, default: kid(k, 'default') ? text(kid(k, 'default')) : undefined });
  }
  const defaultsFor = (kind: string) =>
    kids(root, 'key')
      .filter((k) => (attr(k, 'for') ?? 'all') === kind || attr(k, 'for') === 'all')
      .map((k) => keys.get(attr(k, 'id') ?? ''))
      .filter((k): k is { name: string; default: string } => !!k && k.default !== undefined);
  const dataOf = (el: XmlNode, kind: string): Array<[string, string]> => {
    const out = new Map<string, string>();
    for (const d of defaultsFor(kind)) out.set(d.name, d.default);
    for (const d of kids(el, 'data')) {
      const k = keys.get(attr(d, 'key') ?? '');
      const v = text(d);
      if (k && v.trim() !== '') out.set(k.name, v);
    }
    return [...out.entries()];
  };
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const graph of kids(root, 'graph')) {
    const directedDefault = attr(graph, 'edgedefault') !== 'undirected';
    for (const n of kids(graph, 'node')) {
      const attrs = dataOf(n, 'node');
      const get = (name: string) => attrs.find(([k]) => k.toLowerCase() === name)?.[1];
      const num = (name: string) => {
        const v = Number(get(name));
        return get(name) !== undefined && Number.isFinite(v) ? v : null;
      };
      nodes.push({
        id: attr(n, 'id') ?? '',
        label: get('label'),
        attrs,
        x: num('x'),
        y: num('y'),
        colour: get('colour') ?? get('color') ?? rgb(get('r'), get('g'), get('b')),
        size: num('size'),
      });
    }
    for (const e of kids(graph, 'edge')) {
      const attrs = dataOf(e, 'edge');
      const directed = attr(e, 'directed') === undefined ? directedDefault : attr(e, 'directed') === 'true';
      const get = (name: string) => attrs.find(([k]) => k.toLowerCase() === name)?.[1];
      edges.push({ source: attr(e, 'source') ?? '', target: attr(e, 'target') ?? '', label: get('label'), attrs, directed, colour: get('colour') ?? get('color') ?? rgb(get('r'), get('g'), get('b')) });
    }
  }
  return { nodes, edges };
}
