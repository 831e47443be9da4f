import type { Core, NodeCollection, Position } from 'cytoscape';
import pointInPolygon from 'point-in-polygon';

// Lasso selection: the analyst draws a free-hand loop round the entities they mean, which a box
// cannot do on a crowded chart. An entity is caught when its centre (its position) is inside the
// loop, as in i2. cytoscape-lasso (1.1.4) was checked and not used: it sets a `style` attribute on
// its canvas, which our CSP (style-src 'self') blocks, it drives cytoscape through private
// renderer fields (hoverData, bgActivePosistion) that change between releases, and it takes over
// modifier-drag, which is our box select. The overlay (LassoOverlay.tsx) is our own; the geometry
// is the point-in-polygon package.

/** Below this many points a drawn loop is a click, not a lasso. */
export const MIN_POINTS = 3;

/** Screen points (relative to the canvas) to chart coordinates, for a viewport of pan and zoom. */
export function toChart(points: readonly Position[], pan: Position, zoom: number): Array<[number, number]> {
  return points.map((p) => [(p.x - pan.x) / zoom, (p.y - pan.y) / zoom]);
}

/** The ids of the positions inside the loop (chart coordinates). */
export function idsInLoop(positions: Iterable<[string, Position]>, loop: ReadonlyArray<readonly [number, number]>): string[] {
  if (loop.length < MIN_POINTS) return [];
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const [x, y] of loop) {
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x);
    y2 = Math.max(y2, y);
  }
  const out: string[] = [];
  for (const [id, p] of positions) {
    // The bounding box first: at 10,000 entities most are far outside a hand-drawn loop.
    if (p.x < x1 || p.x > x2 || p.y < y1 || p.y > y2) continue;
    if (pointInPolygon([p.x, p.y], loop)) out.push(id);
  }
  return out;
}

/** The entities a lasso can catch: drawn ones only (not hidden by a filter, a merge or a collapsed box). */
export function lassoable(cy: Core): NodeCollection {
  return cy.nodes().not('.group, .ghost, .removed, .merged-away, .collapsed-away');
}

/**
 * Selects what the loop (screen points relative to the canvas) surrounds. With `add` (Shift held)
 * the catch is added to the selection; otherwise it replaces it, as a box does. Returns the count.
 */
export function lassoSelect(cy: Core, screen: readonly Position[], add: boolean): number {
  const loop = toChart(screen, cy.pan(), cy.zoom());
  const nodes = lassoable(cy);
  const caught = new Set(idsInLoop(
    nodes.map((n) => [n.id(), n.position()] as [string, Position]),
    loop,
  ));
  cy.batch(() => {
    if (!add) cy.elements(':selected').unselect();
    nodes.filter((n) => caught.has(n.id())).select();
  });
  return caught.size;
}
