import type { MapData } from '../../../../shared/map/dto';
import { coarseBasemap, fineBasemap, majorCities } from './basemap';
import { buildIndex, itemsIn, openingZoom, type Index } from './clusters';
import { DARK, drawBasemap, drawCities, drawItems, drawLinks, drawWedges, type Placed, type Target, type Theme } from './layers';
import { fitBox, project, toWorld, unproject, visibleBounds, WORLD, zoomAbout, type View } from './projection';
import { drawMovement, type MovementPath } from './movement';
import { wedgeOf } from './wedge';

// The map on one canvas (issue 19). Like the chart's controller, one object owns the drawing
// surface and its state; React only mounts it and reads what it reports. Input: drag pans, the
// wheel and +/- zoom, arrows pan, 0 fits the data; a click selects an entity or opens a cluster.

export interface MapEvents {
  /** The analyst picked entities (an empty list clears the selection). */
  onSelect(ids: string[], additive: boolean): void;
  /** The view moved (for the zoom figure on screen). */
  onView?(v: View): void;
}

export type TileLayer = (ctx: CanvasRenderingContext2D, v: View) => void;

export class MapCanvas {
  view: View;
  private data: Placed | null = null;
  private index: Index | null = null;
  private selected = new Set<number>();
  private byId = new Map<string, number>();
  private targets: Target[] = [];
  private alone: Uint8Array | null = null;
  private wedgeOwner: number[] = [];
  private frame = 0;
  private drag: { x: number; y: number; moved: boolean } | null = null;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly ro: ResizeObserver;
  private tiles: TileLayer | null = null;
  private movement: MovementPath | null = null;
  /** Time the last frame took to draw (ms), for the benchmark. */
  lastDrawMs = 0;

  constructor(
    readonly canvas: HTMLCanvasElement,
    private readonly colourOf: (schema: string) => string,
    private readonly events: MapEvents,
    private readonly theme: Theme = DARK,
  ) {
    this.ctx = canvas.getContext('2d')!;
    // Kept on its canvas as cytoscape keeps its instance on its container: the e2e specs and the
    // benchmark read the view from there (the product has no test hooks).
    Object.defineProperty(canvas, 'cordonMap', { value: this, configurable: true });
    const { width, height } = canvas.getBoundingClientRect();
    this.view = { cx: WORLD / 2, cy: WORLD / 2 + 20, zoom: 1, width: Math.max(1, width), height: Math.max(1, height) };
    this.resize();
    this.ro = new ResizeObserver(() => this.resize());
    this.ro.observe(canvas);
    canvas.addEventListener('pointerdown', this.onDown);
    canvas.addEventListener('pointermove', this.onMove);
    canvas.addEventListener('pointerup', this.onUp);
    canvas.addEventListener('wheel', this.onWheel, { passive: false });
    canvas.addEventListener('keydown', this.onKey);
    // The 1:50m shapes take a moment to project: done once, soon after opening, rather than in
    // the middle of the first zoom.
    this.prefetch = setTimeout(() => fineBasemap(() => this.redraw()), 1500);
  }

  private readonly prefetch: ReturnType<typeof setTimeout>;

  destroy(): void {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.prefetch);
    this.ro.disconnect();
    this.canvas.removeEventListener('pointerdown', this.onDown);
    this.canvas.removeEventListener('pointermove', this.onMove);
    this.canvas.removeEventListener('pointerup', this.onUp);
    this.canvas.removeEventListener('wheel', this.onWheel);
    this.canvas.removeEventListener('keydown', this.onKey);
  }

  setData(data: MapData): void {
    const x = new Float64Array(data.ids.length);
    const y = new Float64Array(data.ids.length);
    for (let i = 0; i < data.ids.length; i++) [x[i], y[i]] = project(data.lon[i]!, data.lat[i]!);
    const wedges = [];
    for (let k = 0; k < data.wedges.length; k += 4) {
      const i = data.wedges[k]!;
      wedges.push(wedgeOf(x[i]!, y[i]!, data.lat[i]!, data.wedges[k + 1]!, data.wedges[k + 2]!, data.wedges[k + 3]!));
    }
    this.data = { data, x, y, wedges };
    this.alone = null;
    this.wedgeOwner = data.wedges.filter((_, k) => k % 4 === 0);
    this.byId = new Map(data.ids.map((id, i) => [id, i]));
    this.index = buildIndex(data);
    this.redraw();
  }

  setSelection(ids: readonly string[]): void {
    this.selected = new Set(ids.map((id) => this.byId.get(id)).filter((i): i is number => i !== undefined));
    this.redraw();
  }

  /** A phone's path through its cell sites (lon/lat in time order), or null for none. */
  setMovement(points: ReadonlyArray<{ lat: number; lon: number }> | null): void {
    if (!points || points.length === 0) this.movement = null;
    else {
      const x = new Float64Array(points.length);
      const y = new Float64Array(points.length);
      points.forEach((p, i) => ([x[i], y[i]] = project(p.lon, p.lat)));
      this.movement = { x, y };
    }
    this.redraw();
  }

  /** Shows the whole path (when there is one). */
  fitMovement(): void {
    const m = this.movement;
    if (!m) return;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < m.x.length; i++) {
      x0 = Math.min(x0, m.x[i]!);
      x1 = Math.max(x1, m.x[i]!);
      y0 = Math.min(y0, m.y[i]!);
      y1 = Math.max(y1, m.y[i]!);
    }
    this.setView(fitBox(this.view, [x0, y0, x1, y1], 64, 14));
  }

  /** How many stays of a path are drawn (for the e2e specs). */
  movementDrawn(): number {
    return this.movement?.x.length ?? 0;
  }

  setTiles(tiles: TileLayer | null): void {
    this.tiles = tiles;
    this.redraw();
  }

  setView(v: Partial<View>): void {
    this.view = { ...this.view, ...v };
    this.events.onView?.(this.view);
    this.redraw();
  }

  /** Shows every located entity (or the world when there is none). */
  fit(): void {
    const d = this.data;
    if (!d || d.x.length === 0) return this.setView({ cx: WORLD / 2, cy: WORLD / 2 + 20, zoom: Math.log2(Math.min(this.view.width, this.view.height) / WORLD) + 0.2 });
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < d.x.length; i++) {
      x0 = Math.min(x0, d.x[i]!);
      x1 = Math.max(x1, d.x[i]!);
      y0 = Math.min(y0, d.y[i]!);
      y1 = Math.max(y1, d.y[i]!);
    }
    this.setView(fitBox(this.view, [x0, y0, x1, y1], 48, 14));
  }

  zoomBy(dz: number, sx = this.view.width / 2, sy = this.view.height / 2): void {
    this.setView(zoomAbout(this.view, dz, sx, sy));
  }

  panBy(dx: number, dy: number): void {
    const s = 2 ** this.view.zoom;
    this.setView({ cx: this.view.cx - dx / s, cy: this.view.cy - dy / s });
  }

  /** Screen position of an entity (for tests and the benchmark), or null when it is not drawn alone. */
  screenOf(id: string): { x: number; y: number } | null {
    const i = this.byId.get(id);
    const t = i === undefined ? undefined : this.targets.find((x) => x.item.cluster < 0 && x.item.i === i);
    return t ? { x: t.x, y: t.y } : null;
  }

  /** Clusters of the last frame, in screen pixels, biggest first. */
  drawnClusters(): Array<{ x: number; y: number; count: number }> {
    return this.targets.filter((t) => t.item.cluster >= 0).map((t) => ({ x: t.x, y: t.y, count: t.item.count })).sort((a, b) => b.count - a.count);
  }

  /** What the last frame drew: entities alone, clusters, wedges. */
  drawnCounts(): { points: number; clusters: number; wedges: number } {
    const points = this.targets.filter((t) => t.item.cluster < 0).length;
    const alone = this.alone;
    return { points, clusters: this.targets.length - points, wedges: alone ? this.wedgeOwner.filter((i) => alone[i]).length : 0 };
  }

  redraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Draws one frame now. */
  draw(): void {
    const t0 = performance.now();
    const ctx = this.ctx;
    const v = this.view;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const base = (v.zoom >= 3.5 && fineBasemap(() => this.redraw())) || coarseBasemap();
    drawBasemap(ctx, v, base, this.theme, this.tiles ? (c) => this.tiles!(c, v) : undefined);
    drawCities(ctx, v, majorCities(), this.theme);
    const d = this.data;
    if (d && this.index) {
      const items = itemsIn(this.index, visibleBounds(v), v.zoom);
      const alone = (this.alone ??= new Uint8Array(d.x.length));
      alone.fill(0);
      for (const it of items) if (it.cluster < 0) alone[it.i] = 1;
      drawLinks(ctx, v, d, alone, this.theme);
      drawWedges(ctx, v, d.wedges, this.wedgeOwner, alone, this.theme);
      this.targets = drawItems(ctx, v, d, items, (si) => this.colourOf(d.data.schemas[si]!), this.selected, this.theme);
      // Over the sites it passes through: its numbers say the order of the stays.
      if (this.movement) drawMovement(ctx, v, this.movement, this.theme);
    }
    this.lastDrawMs = performance.now() - t0;
  }

  private resize(): void {
    const { width, height } = this.canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.max(1, Math.round(width * dpr));
    this.canvas.height = Math.max(1, Math.round(height * dpr));
    this.view = { ...this.view, width: Math.max(1, width), height: Math.max(1, height) };
    this.draw();
  }

  private hit(sx: number, sy: number): Target | null {
    let best: Target | null = null;
    let bestD = Infinity;
    for (const t of this.targets) {
      const d = Math.hypot(t.x - sx, t.y - sy);
      if (d <= t.r && d < bestD) {
        best = t;
        bestD = d;
      }
    }
    return best;
  }

  private local(e: MouseEvent): [number, number] {
    const r = this.canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  private readonly onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    this.canvas.setPointerCapture(e.pointerId);
    this.canvas.focus({ preventScroll: true });
    this.drag = { x: e.clientX, y: e.clientY, moved: false };
  };

  private readonly onMove = (e: PointerEvent) => {
    if (this.drag) {
      const dx = e.clientX - this.drag.x;
      const dy = e.clientY - this.drag.y;
      if (!this.drag.moved && Math.hypot(dx, dy) < 3) return;
      this.drag = { x: e.clientX, y: e.clientY, moved: true };
      this.panBy(dx, dy);
      return;
    }
    const [sx, sy] = this.local(e);
    this.canvas.style.cursor = this.hit(sx, sy) ? 'pointer' : 'grab';
  };

  private readonly onUp = (e: PointerEvent) => {
    const drag = this.drag;
    this.drag = null;
    if (!drag || drag.moved) return;
    const [sx, sy] = this.local(e);
    const t = this.hit(sx, sy);
    if (!t) return this.events.onSelect([], e.shiftKey);
    if (t.item.cluster >= 0 && this.index) {
      const [wx, wy] = project(t.item.lon, t.item.lat);
      return this.setView({ cx: wx, cy: wy, zoom: Math.max(this.view.zoom + 1, openingZoom(this.index, t.item.cluster)) });
    }
    this.events.onSelect([this.data!.data.ids[t.item.i]!], e.shiftKey || e.ctrlKey || e.metaKey);
  };

  private readonly onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const [sx, sy] = this.local(e);
    this.zoomBy(-e.deltaY / 240, sx, sy);
  };

  private readonly onKey = (e: KeyboardEvent) => {
    const step = 80;
    const keys: Record<string, () => void> = {
      '+': () => this.zoomBy(1),
      '=': () => this.zoomBy(1),
      '-': () => this.zoomBy(-1),
      '0': () => this.fit(),
      ArrowLeft: () => this.panBy(step, 0),
      ArrowRight: () => this.panBy(-step, 0),
      ArrowUp: () => this.panBy(0, step),
      ArrowDown: () => this.panBy(0, -step),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };

  /** The world point under a screen position, in degrees (for a drop). */
  lonLatAt(sx: number, sy: number): [number, number] {
    const [x, y] = toWorld(this.view, sx, sy);
    return unprojectClamped(x, y);
  }
}

function unprojectClamped(x: number, y: number): [number, number] {
  const [lon, lat] = unproject(Math.max(0, Math.min(WORLD, x)), Math.max(0, Math.min(WORLD, y)));
  return [lon, lat];
}
