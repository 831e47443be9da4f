import type { Core } from 'cytoscape';

// Drawing only what is in view, on big charts. cytoscape's canvas renderer (3.35) culls element
// by element: every frame it asks each of the chart's elements for its bounding box (a memoised
// key and a position hash per call), and when zoomed in too far for its layer textures it first
// adds up the bounding box of the whole chart only to find the layer too big. Profiled at 10,000
// entities / 20,000 links zoomed in (chart bench --profile): ~75% of a 0.4–2 s frame went there,
// for the ~100 entities and few thousand link segments actually on screen, in bare cytoscape as in
// ours. Here the renderer gets, each frame, only the elements whose centre (nodes, grown by their
// last measured box) or whose segment (links: big charts draw straight "haystack" links) meets the
// view; it still does its own exact test and drawing on those. The test reads positions cytoscape
// keeps up to date itself, so nothing has to be told when elements move, change or come and go.
//
// Zoomed in on a dense chart, a few thousand long links still cross the view, and cytoscape
// draws each on its own (five bounding-box look-ups, a dozen style reads, a stroke): the plain
// ones — straight, no label, arrow, overlay or underlay — are drawn here instead, as one path
// per colour, width, opacity and dash, from the points and resolved style cytoscape computed for
// them (so selection, highlight, fading and filters look exactly as before). Only links drawn
// before the first node are taken (cytoscape's order puts links under nodes), so the stacking
// order never changes. The lines are clipped to the view first (a link across a 10,000-entity
// chart is mostly off screen) and stroked a few at a time: measured in this Chromium's software
// canvas, one path of thousands of crossing lines rasterised 3–4× slower than small batches.
//
// Level of detail: what costs is rasterising thousands of long anti-aliased lines (measured:
// nearly the whole frame with 3,600 links in view; with the links not stroked, 50 ms p50 on the
// loaded machine). So the links are drawn into a picture of their own; while the view moves (any
// viewport change, not only the gestures cytoscape's textureOnViewport covers) and nothing on the
// chart changed, that picture is moved and scaled with the view instead of drawn again, and the
// nodes are drawn live over it. When the picture must be redrawn while moving and more than
// LOD_LINKS links are in view, they are drawn one pixel wide. SETTLE_MS after the view stops, one
// full frame draws them again at their widths, including those the moved picture did not cover.
//
// Instance methods only (nothing in cytoscape is modified); a renderer without them (WebGL mode,
// another version) is left alone.

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface Point {
  x: number;
  y: number;
}

/** What of cytoscape's element internals the test reads. */
interface RawEle {
  _private: {
    group: 'nodes' | 'edges';
    position: Point;
    bbCache: (Box & { w: number; h: number }) | null;
    children?: unknown[];
    source?: RawEle;
    target?: RawEle;
  };
}

type Draw = (context: CanvasRenderingContext2D, eles: RawEle[], pxRatio: number, extent: Box) => void;

/** A resolved style property as cytoscape keeps it. */
interface StyleValue {
  value: unknown;
  pfValue?: unknown;
  strValue?: string;
}

/** What of a link the batched drawing reads (cytoscape's element API and its computed points). */
interface RawLink extends RawEle {
  _private: RawEle['_private'] & { rscratch: { badLine?: boolean; allpts?: number[] | null } };
  pstyle(name: string): StyleValue;
  visible(): boolean;
}

interface CanvasRendererInternals {
  cy: Core;
  data: { contexts: CanvasRenderingContext2D[] };
  drawCachedElements: Draw;
  drawCachedNodes: Draw;
  drawLayeredElements: Draw;
}

/** Model units a link's segment is grown by: the largest node radius rules can give (3 × 34 / 2)
 * plus the widest line, so a link ending under a node at the view's edge is never dropped. */
const LINK_MARGIN = 64;
/** A node never measured yet is kept unless this far out (its first draw measures it). */
const NODE_MARGIN = 400;

// cytoscape's layer-texture limits (LayeredTextureCache, 3.35): above these a layer is not made.
const LAYER_MIN_LVL = -4;
const LAYER_MAX_LVL = 2;
const LAYER_MAX_ZOOM = 3.99;
const LAYER_MAX_AREA = 4000 * 4000;
const LAYER_MAX_DIM = 32767;

/** Whether segment (ax, ay)–(bx, by) meets the box. */
export function segmentMeetsBox(ax: number, ay: number, bx: number, by: number, b: Box): boolean {
  return clipSegment(ax, ay, bx, by, b);
}

/** The elements (in their drawing order) that may show in `extent`. */
export function inView(eles: readonly RawEle[], extent: Box, nodesOnly = false): RawEle[] {
  const out: RawEle[] = [];
  const grown = { x1: extent.x1 - LINK_MARGIN, y1: extent.y1 - LINK_MARGIN, x2: extent.x2 + LINK_MARGIN, y2: extent.y2 + LINK_MARGIN };
  for (const ele of eles) {
    const p = ele._private;
    if (p.group === 'nodes') {
      // Boxes (compound parents) span their members: always drawn, there are few.
      if (p.children && p.children.length > 0) {
        out.push(ele);
        continue;
      }
      const bb = p.bbCache;
      // The last measured box's size around the current centre: the centre lies inside the box,
      // so its larger side bounds how far the node and its caption reach.
      const r = bb ? Math.max(bb.w, bb.h) : NODE_MARGIN;
      const { x, y } = p.position;
      if (x + r >= extent.x1 && x - r <= extent.x2 && y + r >= extent.y1 && y - r <= extent.y2) out.push(ele);
    } else if (!nodesOnly) {
      const s = p.source!._private.position;
      const t = p.target!._private.position;
      if (segmentMeetsBox(s.x, s.y, t.x, t.y, grown)) out.push(ele);
    }
  }
  return out;
}

/** Links in view above which a moving view draws them one pixel wide. */
export const LOD_LINKS = 600;
/** How long after the last viewport change the full-detail frame is drawn. */
export const SETTLE_MS = 180;
/** Segments stroked per path (see above). */
const PER_STROKE = 16;

const NONE_ARROWS = ['source-arrow-shape', 'mid-source-arrow-shape', 'target-arrow-shape', 'mid-target-arrow-shape'];

/** The batch key of a link drawn as a plain line, or null when cytoscape must draw it itself. */
function plainKey(e: RawLink): string | null {
  const curve = e.pstyle('curve-style').value;
  if (curve !== 'haystack' && curve !== 'straight') return null;
  const pts = e._private.rscratch.allpts;
  if (e._private.rscratch.badLine || !pts || pts.length !== 4) return null;
  if (e.pstyle('label').strValue || Number(e.pstyle('overlay-opacity').value) > 0 || Number(e.pstyle('underlay-opacity').value) > 0) return null;
  if (Number(e.pstyle('line-outline-width').value) > 0 || e.pstyle('line-fill').value !== 'solid') return null;
  for (const a of NONE_ARROWS) if (e.pstyle(a).value !== 'none') return null;
  const style = e.pstyle('line-style').value;
  if (style !== 'solid' && style !== 'dashed') return null;
  const dash = style === 'dashed' ? `${String(e.pstyle('line-dash-pattern').pfValue)}/${String(e.pstyle('line-dash-offset').pfValue)}` : '';
  const alpha = Number(e.pstyle('opacity').value) * Number(e.pstyle('line-opacity').value);
  return `${String(e.pstyle('line-color').value)}|${String(e.pstyle('width').pfValue)}|${alpha}|${String(e.pstyle('line-cap').value)}|${dash}`;
}

/** Clips segment (ax, ay)–(bx, by) to the box (Liang–Barsky), appending the clipped ends to
 * `out` when given; false when it misses the box. */
export function clipSegment(ax: number, ay: number, bx: number, by: number, b: Box, out?: number[]): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  const p = [-dx, dx, -dy, dy];
  const q = [ax - b.x1, b.x2 - ax, ay - b.y1, b.y2 - ay];
  for (let i = 0; i < 4; i++) {
    const pi = p[i]!;
    const qi = q[i]!;
    if (pi === 0) {
      if (qi < 0) return false;
      continue;
    }
    const t = qi / pi;
    if (pi < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
  }
  out?.push(ax + t0 * dx, ay + t0 * dy, ax + t1 * dx, ay + t1 * dy);
  return true;
}

export interface LinkDrawing {
  /** The view (model units), grown by LINK_MARGIN: lines are clipped to it. */
  view: Box;
  /** Model units per screen pixel (the hairline width). */
  pixel: number;
  /** Full detail (the view is at rest), or one-pixel lines when there are many. */
  fine: boolean;
}

/**
 * Draws the plain links at the start of `eles` (those before the first node) as batched paths
 * and returns how many elements it consumed; the caller has cytoscape draw the rest. Links that
 * are not plain are returned in `others`, in order, for cytoscape.
 */
export function drawPlainLinks(context: CanvasRenderingContext2D, eles: readonly RawEle[], others: RawEle[], how: LinkDrawing): number {
  const batches = new Map<string, number[]>();
  let count = 0;
  let i = 0;
  for (; i < eles.length; i++) {
    const e = eles[i] as RawLink;
    if (e._private.group === 'nodes') break;
    if (!e.visible()) continue;
    const key = plainKey(e);
    if (key === null) {
      others.push(e);
      continue;
    }
    let list = batches.get(key);
    if (!list) batches.set(key, (list = []));
    const p = e._private.rscratch.allpts!;
    if (clipSegment(p[0]!, p[1]!, p[2]!, p[3]!, how.view, list)) count++;
  }
  const hairline = !how.fine && count > LOD_LINKS;
  const alpha = context.globalAlpha;
  for (const [key, pts] of batches) {
    const [colour, width, opacity, cap, dash] = key.split('|') as [string, string, string, CanvasLineCap, string];
    context.strokeStyle = `rgb(${colour})`;
    context.lineWidth = hairline ? how.pixel : Number(width);
    context.lineCap = cap;
    context.globalAlpha = alpha * Number(opacity);
    if (dash) {
      const [pattern, offset] = dash.split('/') as [string, string];
      context.setLineDash(pattern.split(',').map(Number));
      context.lineDashOffset = Number(offset);
    } else context.setLineDash([]);
    for (let k = 0; k < pts.length; k += 4 * PER_STROKE) {
      context.beginPath();
      for (let j = k; j < Math.min(pts.length, k + 4 * PER_STROKE); j += 4) {
        context.moveTo(pts[j]!, pts[j + 1]!);
        context.lineTo(pts[j + 2]!, pts[j + 3]!);
      }
      context.stroke();
    }
  }
  context.globalAlpha = alpha;
  context.setLineDash([]);
  context.lineCap = 'butt';
  return i;
}

/** Zoom ratio beyond which a moved picture of the links is too blurred or too small to show. */
const PICTURE_MAX_SCALE = 2;

/** The plain links drawn once, on a canvas the size of the chart's, with the transform they were drawn at. */
class LinkPicture {
  private canvas: HTMLCanvasElement | null = null;
  private transform = new DOMMatrix();
  version = -1;

  /** Clears the picture for a redraw at `transform`; returns the context to draw the links on. */
  begin(target: CanvasRenderingContext2D, transform: DOMMatrix, version: number): CanvasRenderingContext2D {
    const { width, height } = target.canvas;
    if (!this.canvas) this.canvas = document.createElement('canvas');
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const g = this.canvas.getContext('2d')!;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, width, height);
    g.setTransform(transform);
    this.transform = transform;
    this.version = version;
    return g;
  }

  /** Whether the picture can stand in for the links at `transform` (same canvas size, zoom near). */
  reusable(target: CanvasRenderingContext2D, transform: DOMMatrix): boolean {
    if (!this.canvas || this.canvas.width !== target.canvas.width || this.canvas.height !== target.canvas.height) return false;
    const scale = transform.a / this.transform.a;
    return scale < PICTURE_MAX_SCALE && scale > 1 / PICTURE_MAX_SCALE;
  }

  /** Draws the picture where its links now are: from the transform it was drawn at to `transform`. */
  drawOnto(target: CanvasRenderingContext2D, transform: DOMMatrix): void {
    if (!this.canvas) return;
    target.save();
    target.setTransform(transform.multiply(this.transform.inverse()));
    target.drawImage(this.canvas, 0, 0);
    target.restore();
  }

  /** The links the picture already shows are skipped: the leading links go to `others` only
   * when not plain (as drawPlainLinks would); returns how many leading elements were links. */
  skipLinks(eles: readonly RawEle[], others: RawEle[]): number {
    let i = 0;
    for (; i < eles.length; i++) {
      const e = eles[i] as RawLink;
      if (e._private.group === 'nodes') break;
      if (e.visible() && plainKey(e) === null) others.push(e);
    }
    return i;
  }
}

/** Whether cytoscape would try (and fail) to build a layer texture of the whole chart at this zoom. */
function layerTooBig(eles: readonly RawEle[], zoom: number, pxRatio: number): boolean {
  let lvl = Math.ceil(Math.log2(zoom * pxRatio));
  if (lvl < LAYER_MIN_LVL) lvl = LAYER_MIN_LVL;
  else if (zoom >= LAYER_MAX_ZOOM || lvl > LAYER_MAX_LVL) return true;
  // The nodes' centres span less than the chart's true box: if even they are too big, so is it.
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const ele of eles) {
    const p = ele._private;
    if (p.group !== 'nodes') continue;
    const { x, y } = p.position;
    if (x < x1) x1 = x;
    if (x > x2) x2 = x;
    if (y < y1) y1 = y;
    if (y > y2) y2 = y;
  }
  if (x1 === Infinity) return false;
  const scale = 2 ** lvl;
  const w = (x2 - x1) * scale;
  const h = (y2 - y1) * scale;
  return w > LAYER_MAX_DIM || h > LAYER_MAX_DIM || w * h > LAYER_MAX_AREA;
}

/** Makes the chart's canvas renderer draw only what may be in view (big charts: straight links). */
export function attachCulling(cy: Core): void {
  const r = (cy as unknown as { renderer(): Partial<CanvasRendererInternals> | undefined }).renderer();
  if (!r || typeof r.drawCachedElements !== 'function' || typeof r.drawCachedNodes !== 'function' || typeof r.drawLayeredElements !== 'function') return;
  const elements = r.drawCachedElements.bind(r);
  const nodes = r.drawCachedNodes.bind(r);
  const layered = r.drawLayeredElements.bind(r);
  // The view's last change, and the frames drawn since: at rest once SETTLE_MS have passed and
  // a frame has been drawn since the change (time alone would call a loaded machine's slow frames
  // "rest" and draw each of them in full detail, making them slower still).
  let movedAt = -Infinity;
  let framesSinceMove = 1;
  cy.on('render', () => void framesSinceMove++);
  // Any change to what is drawn makes the links' picture stale.
  let version = 0;
  cy.on('add remove position style data select unselect class', () => void version++);
  const pictures = new WeakMap<CanvasRenderingContext2D, LinkPicture>();
  let settle: ReturnType<typeof setTimeout> | undefined;
  cy.on('viewport', () => {
    movedAt = performance.now();
    framesSinceMove = 0;
    clearTimeout(settle);
    settle = setTimeout(() => {
      if (!cy.destroyed()) cy.forceRender();
    }, SETTLE_MS);
  });
  cy.one('destroy', () => clearTimeout(settle));
  // The chart's own canvases only: an export (cy.png) draws into a context of its own, at its
  // own zoom, and gets cytoscape's drawing unchanged.
  const own = (context: CanvasRenderingContext2D) => r.data?.contexts.includes(context) === true;
  r.drawCachedElements = (context, eles, pxRatio, extent) => {
    if (!extent || !own(context)) return elements(context, eles, pxRatio, extent);
    const shown = inView(eles, extent);
    const others: RawEle[] = [];
    const fine = framesSinceMove >= 1 && performance.now() - movedAt >= SETTLE_MS;
    const transform = context.getTransform();
    const picture = pictures.get(context);
    let used: number;
    if (!fine && picture && picture.version === version && picture.reusable(context, transform)) {
      used = picture.skipLinks(shown, others);
      picture.drawOnto(context, transform);
    } else {
      const view = { x1: extent.x1 - LINK_MARGIN, y1: extent.y1 - LINK_MARGIN, x2: extent.x2 + LINK_MARGIN, y2: extent.y2 + LINK_MARGIN };
      const next = picture ?? new LinkPicture();
      const g = next.begin(context, transform, version);
      used = drawPlainLinks(g, shown, others, { view, pixel: 1 / (cy.zoom() * pxRatio), fine });
      next.drawOnto(context, transform);
      pictures.set(context, next);
    }
    for (let i = used; i < shown.length; i++) others.push(shown[i]!);
    elements(context, others, pxRatio, extent);
  };
  r.drawCachedNodes = (context, eles, pxRatio, extent) => nodes(context, extent ? inView(eles, extent, true) : eles, pxRatio, extent);
  r.drawLayeredElements = (context, eles, pxRatio, extent) => {
    // Too far in for a layer texture: straight to the culled element draw, without cytoscape
    // adding up the whole chart's bounding box first (its own fallback goes there too).
    if (extent && layerTooBig(eles, cy.zoom(), pxRatio)) r.drawCachedElements!(context, eles, pxRatio, extent);
    else layered(context, eles, pxRatio, extent);
  };
}
