import type { CytoscapeOptions, StylesheetJson } from 'cytoscape';

// The chart's look and its performance settings. The stylesheet is kept short: every selector
// costs on each frame. Above BIG elements the settings switch to what keeps 10,000+ fluid:
// straight "haystack" edges, edges hidden and the scene textured while panning, labels only
// when they would be readable, and no icon in the node style (type shows by colour, as in the
// legend; once zoomed in, IconLayer.tsx draws the icons of the entities in view over the canvas). Measured in the chart bench (5,000 entities / 10,000 links, canvas, --disable-gpu):
// the icons alone took each zoom redraw from ~0.1 s to 1.3–4 s of renderer CPU, because cytoscape
// re-renders every node's texture, clipped image included, at each new zoom level.

export const BIG = 2000;

/**
 * The small chart's node rule with its caption scaled by `labels` (labelScale.ts): zoomed out,
 * captions grow in chart units so that they stay readable on screen instead of vanishing.
 */
function node(labels: number) {
  return {
    selector: 'node',
    style: {
      shape: 'ellipse',
      width: 'data(size)',
      height: 'data(size)',
      'background-color': 'data(colour)',
      'background-image': 'data(icon)',
      'background-width': '62%',
      'background-height': '62%',
      'background-image-containment': 'inside',
      'border-width': 0,
      label: 'data(label)',
      color: '#f6f7f9',
      'font-size': 11 * labels,
      'text-valign': 'bottom',
      'text-margin-y': 4 * labels,
      'text-background-color': '#1c2127',
      'text-background-opacity': 0.7,
      'text-background-padding': `${labels}px`,
      'text-max-width': `${140 * labels}px`,
      'text-wrap': 'ellipsis',
      'min-zoomed-font-size': 6,
    },
  } as const;
}

// A big chart's base rules set as few properties as they can. Each property a node resolves
// marks the style of every link at that node stale again (cytoscape's style triggers), so at
// 10,000 entities each dropped property was a measurable share of opening the chart; ellipsis
// wrapping measured every label letter by letter; text backgrounds were one more box per label.
// What stays: size, colour by type, caption (drawn only when readable), links by type and width.
const BIG_NODE = {
  selector: 'node',
  style: {
    width: 'data(size)',
    height: 'data(size)',
    'background-color': 'data(colour)',
    label: 'data(label)',
    color: '#f6f7f9',
    'font-size': 11,
    'text-valign': 'bottom',
    'min-zoomed-font-size': 9,
  },
} as const;

const EDGE = {
  selector: 'edge',
  style: {
    width: 'data(width)',
    'line-color': 'data(colour)',
    'curve-style': 'bezier',
    opacity: 0.85,
    label: 'data(label)',
    'font-size': 9,
    color: '#c5cbd3',
    'text-rotation': 'autorotate',
    'text-background-color': '#1c2127',
    'text-background-opacity': 0.7,
    'min-zoomed-font-size': 7,
  },
} as const;

const BIG_EDGE = {
  selector: 'edge',
  style: { width: 'data(width)', 'line-color': 'data(colour)', 'curve-style': 'haystack', opacity: 0.85 },
} as const;

/** The chart's stylesheet; `labels` scales a small chart's captions (labelScale.ts), 1 at zoom 1 and above. */
export function stylesheet(big: boolean, labels = 1): StylesheetJson {
  return [
    big ? BIG_NODE : node(labels),
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#ffffff' } },
    { selector: 'node.pinned', style: { 'border-width': 2, 'border-style': 'dashed', 'border-color': '#fbb360' } },
    { selector: 'node.highlight', style: { 'underlay-color': '#fbb360', 'underlay-opacity': 0.6, 'underlay-padding': 6 } },
    { selector: 'node.badge', style: { 'outline-width': 3, 'outline-color': '#e76a6e', 'outline-offset': 2 } },
    {
      selector: 'node.group',
      style: {
        shape: 'round-rectangle',
        'background-color': '#4c90f0',
        'background-opacity': 0.18,
        'background-image': 'none',
        'border-width': 2,
        'border-color': '#fbb360',
        label: 'data(label)',
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'font-size': 12 * (big ? 1 : labels),
        'font-weight': 'bold',
        padding: '18px',
      },
    },
    // A group box and its members draw above the rest of the chart: under the default order the
    // box sat beneath every link crossing it and, in a dense chart, could not be seen at all.
    // Members carry a higher z-index so the box (added after them) does not cover them.
    { selector: 'node.group', style: { 'z-compound-depth': 'top' } },
    { selector: 'node:child', style: { 'z-compound-depth': 'top', 'z-index': 1 } },
    { selector: 'node.group.collapsed', style: { 'min-width': '70px', 'min-height': '40px', 'background-opacity': 0.9, 'border-style': 'double', 'border-width': 4 } },
    big ? BIG_EDGE : EDGE,
    { selector: 'edge.weak', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: 'edge.directed', style: big ? {} : { 'target-arrow-shape': 'triangle', 'target-arrow-color': 'data(colour)', 'arrow-scale': 0.8 } },
    // After the base link rules, which set the same properties: in cytoscape the later rule wins.
    { selector: 'edge.highlight', style: { 'line-color': '#fbb360', 'target-arrow-color': '#fbb360', width: 4 } },
    { selector: 'edge:selected', style: { 'line-color': '#ffffff', 'target-arrow-color': '#ffffff', opacity: 1 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.12 } },
    { selector: '.removed, .merged-away, .collapsed-away, .folded-away', style: { display: 'none' } },
    { selector: 'node.ghost', style: { width: 6, height: 6, 'background-color': '#fbb360', label: '', 'background-image': 'none' } },
    { selector: 'edge.ghost', style: { 'line-color': '#fbb360', 'line-style': 'dashed', width: 2, label: '', 'curve-style': 'straight' } },
  ];
}

/** Renderer options by size. The canvas renderer is the default (see notes/toolchain.md). */
export function performanceOptions(big: boolean): Partial<CytoscapeOptions> {
  return {
    hideEdgesOnViewport: big,
    textureOnViewport: big,
    hideLabelsOnViewport: big,
    pixelRatio: big ? 1 : 'auto',
    motionBlur: false,
    wheelSensitivity: 0.4,
    minZoom: 0.02,
    maxZoom: 6,
    boxSelectionEnabled: true,
    selectionType: 'additive',
  };
}

/** cytoscape injects an inline <style> unless an element with this id exists; the CSP forbids inline
 * styles, so the marker goes in first and the one rule it would add lives in chart.css. */
export function suppressInjectedStyle(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  document.head.prepend(marker);
}
