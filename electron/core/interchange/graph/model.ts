import { getSchema } from '../../../../shared/catalogue';
import type { Job } from '../../jobs';
import type { ImportSink, Ref, Values } from '../sink';
import { addAttribute, addValue, entitySchemaFor, GENERIC_ENTITY, identityPropFor, linkSchemaFor } from '../vocabulary';

// GraphML and GEXF are read into the same small model, then imported by one set of rules
// (Gephi's conventions): a node's label is its name; a `type` or `schema` attribute naming a
// catalogue type picks the entity type, else the generic LegalEntity; an edge's `type` picks the
// link type, else UnknownLink (with the type kept as its role); `weight` is kept.

export interface GraphNode {
  id: string;
  label: string | undefined;
  attrs: Array<[string, string]>;
  x: number | null;
  y: number | null;
  colour: string | null;
  size: number | null;
}

export interface GraphEdge {
  source: string;
  target: string;
  label: string | undefined;
  attrs: Array<[string, string]>;
  directed: boolean;
  colour: string | null;
}

/** Attributes that are layout or type, not properties. */
const RESERVED = new Set(['label', 'type', 'schema', 'x', 'y', 'z', 'size', 'r', 'g', 'b', 'color', 'colour', 'weight', 'id']);

const find = (attrs: Array<[string, string]>, ...names: string[]) => attrs.find(([k]) => names.includes(k.toLowerCase()))?.[1];

export async function importGraph(sink: ImportSink, job: Job, nodes: GraphNode[], edges: GraphEdge[], origin: string, name: string, limit: number | null): Promise<void> {
  const report = sink.report;
  sink.createLayout(name, origin, {});
  const refs = new Map<string, Ref>();
  const total = nodes.length + edges.length;
  job.progress(0, total);
  let n = 0;
  for (const node of nodes) {
    if (limit !== null && report.records >= limit) break;
    const row = ++report.records;
    const typeName = find(node.attrs, 'type', 'schema');
    const schema = entitySchemaFor(typeName) ?? getSchema(GENERIC_ENTITY)!;
    if (typeName && !entitySchemaFor(typeName)) report.warn(`node type "${typeName}" is not a Cordon type; such nodes are imported as ${GENERIC_ENTITY}.`);
    const issue = (m: string) => report.issue(row, m);
    const values: Values = [];
    const label = (node.label ?? find(node.attrs, 'name') ?? node.id).trim();
    if (label) addValue(schema, values, identityPropFor(schema, label), label, issue);
    for (const [k, v] of node.attrs) if (!RESERVED.has(k.toLowerCase())) addAttribute(schema, values, k, v, issue);
    if (refs.has(node.id)) {
      report.skip(row, `node "${node.id}" appears twice; the first is kept`);
      continue;
    }
    const made = sink.entity(schema, values, sink.defaultSource());
    if ('error' in made) {
      report.skip(row, made.error);
      continue;
    }
    refs.set(node.id, made.ref);
    sink.place(made.ref, node.x, node.y, {
      ...(typeName ? { type: typeName } : {}),
      ...(node.colour ? { colour: node.colour } : {}),
      ...(node.size !== null ? { size: node.size } : {}),
    });
    sink.maybeFlush();
    if (++n % 2000 === 0) {
      job.progress(n, total);
      await job.checkpoint();
    }
  }
  for (const edge of edges) {
    if (limit !== null && report.records >= limit) break;
    const row = ++report.records;
    const from = refs.get(edge.source);
    const to = refs.get(edge.target);
    if (!from || !to) {
      report.skip(row, `the edge ${edge.source} → ${edge.target} names a node that is not in the file`);
      continue;
    }
    const typeName = find(edge.attrs, 'type', 'schema');
    const build = (schemaName: string | undefined) => {
      const schema = (schemaName && linkSchemaFor(schemaName)) || getSchema('UnknownLink')!;
      const values: Values = [];
      const issue = (m: string) => report.issue(row, m);
      if (schema.name === 'UnknownLink' && typeName && !linkSchemaFor(typeName)) addValue(schema, values, 'role', typeName, issue);
      if (edge.label && edge.label !== typeName) addValue(schema, values, 'summary', edge.label, issue);
      const weight = find(edge.attrs, 'weight');
      if (weight !== undefined) addValue(schema, values, 'weight', weight, issue);
      for (const [k, v] of edge.attrs) if (!RESERVED.has(k.toLowerCase())) addAttribute(schema, values, k, v, issue);
      return { schema, values };
    };
    let { schema, values } = build(typeName);
    let made = sink.link(schema, from, to, values, sink.defaultSource(), row);
    if ('error' in made && schema.name !== 'UnknownLink' && !made.error.startsWith('both ends')) {
      report.issue(row, `${made.error}; kept as an other link with role "${typeName}"`);
      ({ schema, values } = build(undefined));
      if (typeName) values.unshift(['role', typeName]);
      made = sink.link(schema, from, to, values, sink.defaultSource(), row);
    }
    if ('error' in made) {
      report.skip(row, made.error);
      continue;
    }
    sink.place(made, null, null, { arrow: edge.directed ? 'head' : 'none', ...(edge.colour ? { colour: edge.colour } : {}) });
    sink.maybeFlush();
    if (++n % 2000 === 0) {
      job.progress(n, total);
      await job.checkpoint();
    }
  }
}
