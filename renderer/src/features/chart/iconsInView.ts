import type { Core } from 'cytoscape';
import { NODE_SIZE } from './elements';
import { iconImage } from './icons';

// Which type icons the icon layer draws, and where. Big charts (above style.ts BIG elements) leave
// the icon out of cytoscape's node style: cytoscape re-renders every node's texture, clipped image
// included, at each zoom level, which took a zoom redraw at 5,000 entities from ~0.1 s to 1–4 s.
// The layer instead draws, over the canvas, only the icons of the entities in view, and only once
// they are big enough to read: the analyst zoomed in on part of a big chart sees types as icons
// again, at the cost of a few hundred drawImage calls a frame.

/** Rendered node diameter (px) from which its icon is drawn. */
export const MIN_NODE_PX = 18;
/** The icon's share of the node's diameter (the small-chart style's background-width). */
export const ICON_SHARE = 0.62;

export interface IconDraw {
  schema: string;
  /** Centre and size in rendered (screen) pixels. */
  x: number;
  y: number;
  size: number;
  /** 1, or the faded opacity of entities a filter greys out. */
  alpha: number;
}

/** Classes of nodes that are not drawn (display: none in style.ts) or are not entities. */
const SKIP = ['group', 'ghost', 'removed', 'merged-away', 'collapsed-away', 'folded-away'];

/** The icons to draw over a viewport of width × height: entities in view whose rendered size reaches MIN_NODE_PX. */
export function iconsToDraw(cy: Core, width: number, height: number): IconDraw[] {
  const zoom = cy.zoom();
  const out: IconDraw[] = [];
  // Nothing is readable below this zoom, whatever the sizes set by rules (at most 3×): no walk.
  if (zoom * NODE_SIZE * 3 < MIN_NODE_PX) return out;
  const pan = cy.pan();
  cy.nodes().forEach((n) => {
    const d = Number(n.data('size') ?? NODE_SIZE) * zoom;
    if (d < MIN_NODE_PX) return;
    const p = n.position();
    const x = p.x * zoom + pan.x;
    const y = p.y * zoom + pan.y;
    if (x + d < 0 || y + d < 0 || x - d > width || y - d > height) return;
    if (SKIP.some((c) => n.hasClass(c))) return;
    out.push({ schema: String(n.data('schema')), x, y, size: d * ICON_SHARE, alpha: n.hasClass('faded') ? 0.12 : 1 });
  });
  return out;
}

/**
 * Draws the icons over `canvas` after each of cytoscape's frames (its `render` event), sizing the
 * canvas to its box. Returns the detach function. The canvas's `data-icons` says how many it drew.
 */
export function attachIconLayer(cy: Core, canvas: HTMLCanvasElement): () => void {
  const g = canvas.getContext('2d')!;
  let drawn = false;
  const draw = () => {
    const { clientWidth: w, clientHeight: h } = canvas;
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      drawn = true;
    }
    const icons = iconsToDraw(cy, w, h);
    canvas.dataset.icons = String(icons.length);
    // The common case at overview zoom: nothing to draw and nothing drawn, so no clear either.
    if (icons.length === 0 && !drawn) return;
    g.clearRect(0, 0, canvas.width, canvas.height);
    for (const i of icons) {
      const img = iconImage(i.schema);
      if (!img) continue;
      g.globalAlpha = i.alpha;
      g.drawImage(img, i.x - i.size / 2, i.y - i.size / 2, i.size, i.size);
    }
    g.globalAlpha = 1;
    drawn = icons.length > 0;
  };
  cy.on('render', draw);
  draw();
  return () => {
    if (!cy.destroyed()) cy.off('render', draw);
  };
}
