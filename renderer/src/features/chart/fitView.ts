import type { NodeCollection } from 'cytoscape';

// Fitting a big chart from node centres alone. cy.fit asks every element for its bounding box,
// which after a layout means recomputing every link's and label's geometry in one go (the
// largest part of the UI block after a 10,000-entity layout, chart bench). Centres plus a node's
// size are what a big chart's fit needs: at that zoom captions are below their readable size
// and not drawn.

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function grow(b: Box, x: number, y: number): void {
  if (x < b.x1) b.x1 = x;
  if (x > b.x2) b.x2 = x;
  if (y < b.y1) b.y1 = y;
  if (y > b.y2) b.y2 = y;
}

const empty = (): Box => ({ x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity });

/** The box round the nodes' centres; null when there are none. */
export function centresBox(nodes: NodeCollection): Box | null {
  const b = empty();
  nodes.forEach((n) => {
    const p = n.position();
    grow(b, p.x, p.y);
  });
  return b.x1 === Infinity ? null : b;
}

/** The box round a layout result (x, y per node); nodes flagged in `keep` count where they are. */
export function layoutBox(nodes: NodeCollection, xy: Float64Array, keep?: Uint8Array): Box | null {
  const b = empty();
  nodes.forEach((n, i) => {
    if (keep?.[i]) grow(b, n.position().x, n.position().y);
    else grow(b, xy[2 * i]!, xy[2 * i + 1]!);
  });
  return b.x1 === Infinity ? null : b;
}

/** The drawing area and its zoom limits. */
export interface View {
  width: number;
  height: number;
  minZoom: number;
  maxZoom: number;
}

/** The viewport showing `box` (with `margin` model units round it) inside the view less
 * `padding` pixels, within the view's zoom limits. */
export function viewportFor(view: View, box: Box, padding: number, margin: number): { zoom: number; pan: { x: number; y: number } } {
  const w = Math.max(1, view.width - 2 * padding);
  const h = Math.max(1, view.height - 2 * padding);
  const bw = box.x2 - box.x1 + 2 * margin;
  const bh = box.y2 - box.y1 + 2 * margin;
  const zoom = Math.max(view.minZoom, Math.min(view.maxZoom, w / bw, h / bh));
  return { zoom, pan: { x: view.width / 2 - (zoom * (box.x1 + box.x2)) / 2, y: view.height / 2 - (zoom * (box.y1 + box.y2)) / 2 } };
}
