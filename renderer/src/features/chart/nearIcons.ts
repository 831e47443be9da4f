import type { Core, NodeCollection, NodeSingular, StylesheetJson } from 'cytoscape';

// Icons come back on big charts once the analyst zooms in. Above BIG elements the stylesheet
// draws no icons (style.ts: at every zoom level cytoscape re-renders each node's texture, and the
// clipped image made that 10–40× dearer). Zoomed in, only a few hundred nodes are on screen, so
// those — and only those — get the icon through the `near` class, once the view has settled.
// With more than MAX_NEAR nodes on screen, none get it: the cost stays bounded whatever the chart.

/** From this zoom on (a node ≥ ~40 px across), the icons on screen come back. */
export const ICON_ZOOM = 1;
/** Never more icons than this at once. */
export const MAX_NEAR = 250;
/** Wait for the viewport to stop moving (panning is textured anyway) before restyling. */
const SETTLE_MS = 150;

export const nearIconRule: StylesheetJson[number] = {
  selector: 'node.near',
  style: {
    'background-image': 'data(icon)',
    'background-width': '62%',
    'background-height': '62%',
    'background-image-containment': 'inside',
    // The icon sits well inside the disc: no clip path needed, and clipping each node is what costs
    // most in the software canvas.
    'background-clip': 'none',
  },
};

interface Extent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** The nodes that should show their icon: those in view (with a margin of one node), when zoomed in enough and few enough. */
export function pickNear(nodes: NodeCollection, extent: Extent, zoom: number): NodeCollection {
  if (zoom < ICON_ZOOM) return nodes.filter(() => false);
  const m = 60;
  let count = 0;
  const picked = nodes.filter((n: NodeSingular) => {
    if (count > MAX_NEAR || n.hasClass('group')) return false;
    const p = n.position();
    const inside = p.x >= extent.x1 - m && p.x <= extent.x2 + m && p.y >= extent.y1 - m && p.y <= extent.y2 + m;
    if (inside) count++;
    return inside;
  });
  return count > MAX_NEAR ? nodes.filter(() => false) : picked;
}

/** Keeps the `near` class on the nodes in view while zoomed in; returns the function that stops it. */
export function watchNearIcons(cy: Core): () => void {
  let near = pickNear(cy.nodes(), cy.extent(), 0);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const update = () => {
    timer = null;
    if (cy.destroyed()) return;
    const next = pickNear(cy.nodes(), cy.extent(), cy.zoom());
    const gone = near.difference(next);
    const come = next.difference(near);
    near = next;
    if (gone.empty() && come.empty()) return;
    cy.batch(() => {
      gone.removeClass('near');
      come.addClass('near');
    });
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, SETTLE_MS);
  };
  cy.on('viewport add', schedule);
  schedule();
  return () => {
    if (timer) clearTimeout(timer);
    if (!cy.destroyed()) cy.off('viewport add', schedule);
  };
}
