import type { ElementDefinition } from 'cytoscape';
import { builtinOf, getSchema } from '../../../../shared/catalogue';
import type { ChartEdge, ChartNode } from '../../../../shared/charts/dto';
import { iconUri, typeColour } from './icons';

// From the core's drawing data to cytoscape element definitions. Everything a filter, rule or
// export needs travels in `data`, so nothing is looked up per element while drawing.

export const NODE_SIZE = 34;
const LINK_COLOURS: Record<string, string> = {
  Call: '#8abbff',
  Membership: '#e76a6e',
  Directorship: '#f0b726',
  Ownership: '#f0b726',
  Employment: '#d1980b',
  Family: '#d69fd6',
  Associate: '#abb3bf',
  Representation: '#72ca9b',
  Payment: '#72ca9b',
  Similar: '#fbb360',
};
const GENERIC_LINK = '#8f99a8';

export function linkColour(schema: string): string {
  return getSchema(schema)?.color ?? LINK_COLOURS[builtinOf(schema)] ?? GENERIC_LINK;
}

/** Line width by strength or call volume: logarithmic, 1.5 to 8 px. */
export function widthFor(strength: number): number {
  return Math.min(8, 1.5 + Math.log2(Math.max(1, strength)));
}

export function nodeDefinition(n: ChartNode, position: { x: number; y: number }): ElementDefinition {
  return {
    group: 'nodes',
    data: {
      id: n.id,
      label: n.caption,
      schema: n.schema,
      icon: iconUri(n.schema),
      colour: n.style.colour ?? typeColour(n.schema),
      typeColour: typeColour(n.schema),
      size: NODE_SIZE * (n.style.size ?? 1),
      scale: n.style.size ?? 1,
      custom: n.style.colour ?? null,
      handling: n.handling,
      tlp: n.tlp,
      hidden: n.hidden,
      ...(n.group ? { parent: `group:${n.group}` } : {}),
    },
    position: { ...position },
    classes: [n.pinned ? 'pinned' : '', n.hidden ? 'removed' : ''].filter(Boolean).join(' '),
    locked: false,
  };
}

export function edgeDefinition(e: ChartEdge): ElementDefinition {
  const schemaLabel = getSchema(e.schema)?.label ?? e.schema;
  return {
    group: 'edges',
    data: {
      id: e.id,
      source: e.source,
      target: e.target,
      schema: e.schema,
      label: e.label ? `${schemaLabel}: ${e.label}` : schemaLabel,
      colour: linkColour(e.schema),
      width: widthFor(e.strength),
      strength: e.strength,
      strong: e.strong,
      grade: e.grade ? e.grade.grade : null,
      scheme: e.grade ? e.grade.scheme : null,
      start: e.start,
      end: e.end,
      handling: e.handling,
      tlp: e.tlp,
      directed: e.directed,
    },
    classes: [e.strong ? '' : 'weak', e.directed ? 'directed' : ''].filter(Boolean).join(' '),
  };
}
