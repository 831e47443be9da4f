import type { TimelineEvent, TimelineKind, TimelineLine } from '../../../../shared/timeline/dto';
import { ticks } from './zoneClock';

// The timeline drawn on one canvas (issue 18): theme lines with their events and the connectors
// between lines, or the histogram's stacked bars; an axis on the zone's calendar; the brush.
// Drawn in one pass per animation frame, so 100,000 events cost a loop, not 100,000 DOM nodes.
// The controller is kept on its canvas (`cordonTimeline`), as cytoscape keeps its instance on its
// container, for the e2e tests to read what was drawn.

export const KIND_COLOURS: Record<TimelineKind, string> = {
  event: '#c23030',
  link: '#2b6cb0',
  call: '#0f9960',
  sms: '#7b61c4',
  mms: '#9b59b6',
  data: '#5c7080',
  comm: '#8a9ba8',
  meeting: '#d9822b',
  phase: '#a66321',
  'action-day': '#db3737',
};

const KIND_LIST = Object.keys(KIND_COLOURS) as TimelineKind[];
const KIND_KEYS = new Map(KIND_LIST.map((k, i) => [k, i]));
/** Per event: its lines, its kind's index, its topmost and bottommost line. */
interface Rows {
  rows: number[][];
  kinds: Uint8Array;
  top: Int32Array;
  bottom: Int32Array;
}
const KIND_COUNT = KIND_KEYS.size;

export interface Bar {
  start: number;
  count: number;
  byKind: Partial<Record<TimelineKind, number>>;
}

interface Callbacks {
  onView(t0: number, t1: number): void;
  onBrush(range: [number, number] | null): void;
  onPick(entities: string[]): void;
}

const AXIS = 30;
const GUTTER = 150;
const LINE = 38;
const MIN_SPAN = 1000;
const MAX_SPAN = 200 * 365 * 86_400_000;

export class TimelineCanvas {
  t0 = Date.UTC(2024, 0, 1);
  t1 = Date.UTC(2025, 0, 1);
  mode: 'lines' | 'histogram' = 'lines';
  brush: [number, number] | null = null;
  lines: TimelineLine[] = [];
  events: Array<Omit<TimelineEvent, 'end'> & { t: number; end: number | null }> = [];
  bars: Bar[] = [];
  selected = new Set<string>();
  drawn = { events: 0, connectors: 0, bars: 0, ms: 0 };
  private frame = 0;
  private drag: { x: number; t: number; moved: boolean } | null = null;
  private readonly ro: ResizeObserver;

  constructor(
    readonly canvas: HTMLCanvasElement,
    public zone: string,
    public locale: string,
    private readonly cb: Callbacks,
  ) {
    (canvas as HTMLCanvasElement & { cordonTimeline: TimelineCanvas }).cordonTimeline = this;
    canvas.addEventListener('wheel', this.wheel, { passive: false });
    canvas.addEventListener('pointerdown', this.down);
    canvas.addEventListener('pointermove', this.move);
    canvas.addEventListener('pointerup', this.up);
    canvas.addEventListener('keydown', this.key);
    this.ro = new ResizeObserver(() => this.request());
    this.ro.observe(canvas);
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.ro.disconnect();
    this.canvas.removeEventListener('wheel', this.wheel);
    this.canvas.removeEventListener('pointerdown', this.down);
    this.canvas.removeEventListener('pointermove', this.move);
    this.canvas.removeEventListener('pointerup', this.up);
    this.canvas.removeEventListener('keydown', this.key);
  }

  get width(): number {
    return this.canvas.clientWidth;
  }
  /** Screen x of an instant, and back. */
  x(t: number): number {
    return GUTTER + ((t - this.t0) / (this.t1 - this.t0)) * (this.width - GUTTER - 10);
  }
  time(x: number): number {
    return this.t0 + ((x - GUTTER) / (this.width - GUTTER - 10)) * (this.t1 - this.t0);
  }
  /** Screen y of a theme line. */
  lineY(i: number): number {
    return AXIS + 22 + i * LINE;
  }

  setLines(lines: TimelineLine[], events: TimelineEvent[]): void {
    this.lines = lines;
    this.events = events.map((e) => ({ ...e, t: Date.parse(e.time), end: e.end ? Date.parse(e.end) : null })).sort((a, b) => a.t - b.t);
    this.longest = this.events.reduce((m, e) => Math.max(m, (e.end ?? e.t) - e.t), 0);
    this.request();
  }
  setBars(bars: Bar[]): void {
    this.bars = bars;
    this.request();
  }
  /** Frames the events (or bars) with a margin. */
  fit(): void {
    // A loop, not Math.min(...list): 100,000 arguments overflow the stack.
    let lo = Infinity;
    let hi = -Infinity;
    if (this.mode === 'lines') for (const e of this.events) [lo, hi] = [Math.min(lo, e.t), Math.max(hi, e.end ?? e.t)];
    else for (const b of this.bars) [lo, hi] = [Math.min(lo, b.start), Math.max(hi, b.start)];
    if (lo > hi) return;
    const pad = Math.max((hi - lo) * 0.05, 3_600_000);
    this.setView(lo - pad, hi + pad);
  }
  setView(t0: number, t1: number): void {
    const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, t1 - t0));
    const mid = (t0 + t1) / 2;
    this.t0 = mid - span / 2;
    this.t1 = mid + span / 2;
    this.cb.onView(this.t0, this.t1);
    this.request();
  }
  zoom(factor: number, at = (this.t0 + this.t1) / 2): void {
    this.setView(at - (at - this.t0) * factor, at + (this.t1 - at) * factor);
  }
  pan(fraction: number): void {
    const d = (this.t1 - this.t0) * fraction;
    this.setView(this.t0 + d, this.t1 + d);
  }
  setBrush(range: [number, number] | null): void {
    this.brush = range && range[0] > range[1] ? [range[1], range[0]] : range;
    this.cb.onBrush(this.brush);
    this.request();
  }

  request(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  }

  private readonly wheel = (e: WheelEvent) => {
    e.preventDefault();
    if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) this.pan((e.shiftKey ? e.deltaY : e.deltaX) / 1000);
    else this.zoom(Math.pow(1.2, e.deltaY / 100), this.time(e.offsetX));
  };
  private readonly down = (e: PointerEvent) => {
    this.canvas.focus();
    this.canvas.setPointerCapture(e.pointerId);
    this.drag = { x: e.offsetX, t: this.time(e.offsetX), moved: false };
  };
  private readonly move = (e: PointerEvent) => {
    if (!this.drag) return;
    if (Math.abs(e.offsetX - this.drag.x) > 3) this.drag.moved = true;
    if (this.drag.moved) {
      this.brush = [Math.min(this.drag.t, this.time(e.offsetX)), Math.max(this.drag.t, this.time(e.offsetX))];
      this.request();
    }
  };
  private readonly up = (e: PointerEvent) => {
    const d = this.drag;
    this.drag = null;
    if (!d) return;
    if (d.moved) return this.setBrush(this.brush);
    const picked = this.pick(e.offsetX, e.offsetY);
    if (picked) this.cb.onPick(picked);
    else if (this.brush) this.setBrush(null);
  };
  private readonly key = (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      '+': () => this.zoom(1 / 1.5),
      '=': () => this.zoom(1 / 1.5),
      '-': () => this.zoom(1.5),
      ArrowLeft: () => this.pan(-0.1),
      ArrowRight: () => this.pan(0.1),
      Home: () => this.fit(),
      Escape: () => this.setBrush(null),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };

  /** The entities of what is under a point: a line's caption, or an event on a line. */
  private pick(x: number, y: number): string[] | null {
    if (this.mode !== 'lines') return null;
    const i = Math.round((y - this.lineY(0)) / LINE);
    const line = this.lines[i];
    if (!line || Math.abs(y - this.lineY(i)) > LINE / 2) return null;
    if (x < GUTTER) return [line.entity];
    const hit = this.events.find((e) => e.entities.includes(line.entity) && Math.abs(this.x(e.t) - x) <= 5);
    return hit ? hit.entities : null;
  }

  draw(): void {
    const began = performance.now();
    const c = this.canvas;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth;
    const h = c.clientHeight;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
    }
    const g = c.getContext('2d')!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    const css = getComputedStyle(c);
    const text = css.color || '#1c2127';
    const faint = css.getPropertyValue('--c-border').trim() || '#d3d8de';
    g.clearRect(0, 0, w, h);
    g.font = '11px "Noto Sans", sans-serif';
    g.textBaseline = 'middle';
    this.drawn = { events: 0, connectors: 0, bars: 0, ms: 0 };

    // Axis: ticks on the zone's calendar, the zone written at its start.
    g.fillStyle = text;
    g.strokeStyle = faint;
    g.lineWidth = 1;
    g.beginPath();
    for (const tk of ticks(this.t0, this.t1, w - GUTTER, this.zone, this.locale)) {
      const x = this.x(tk.t);
      if (x < GUTTER) continue;
      g.moveTo(x, AXIS);
      g.lineTo(x, h);
      g.fillText(tk.label, x + 3, AXIS / 2);
    }
    g.stroke();
    g.fillText(this.zone, 6, AXIS / 2);
    g.beginPath();
    g.moveTo(0, AXIS);
    g.lineTo(w, AXIS);
    g.stroke();

    if (this.mode === 'lines') this.drawLines(g, text);
    else this.drawBars(g, h);

    if (this.brush) {
      const a = Math.max(GUTTER, this.x(this.brush[0]));
      const b = Math.min(w, this.x(this.brush[1]));
      g.fillStyle = 'rgba(45, 114, 210, 0.15)';
      g.fillRect(a, AXIS, Math.max(1, b - a), h - AXIS);
      g.strokeStyle = 'rgba(45, 114, 210, 0.8)';
      g.strokeRect(a, AXIS, Math.max(1, b - a), h - AXIS);
    }
    this.drawn.ms = performance.now() - began;
  }

  private drawLines(g: CanvasRenderingContext2D, text: string): void {
    const index = new Map(this.lines.map((l, i) => [l.entity, i]));
    const [lo, hi] = [this.t0, this.t1];
    this.lines.forEach((l, i) => {
      const y = this.lineY(i);
      g.fillStyle = this.selected.has(l.entity) ? '#2d72d2' : text;
      g.font = this.selected.has(l.entity) ? 'bold 12px "Noto Sans", sans-serif' : '12px "Noto Sans", sans-serif';
      g.fillText(l.caption.length > 20 ? `${l.caption.slice(0, 19)}…` : l.caption, 6, y);
      g.strokeStyle = '#8f99a8';
      g.beginPath();
      g.moveTo(GUTTER, y);
      g.lineTo(this.width, y);
      g.stroke();
      // Gaps shaded, bursts underlined.
      g.fillStyle = 'rgba(143, 153, 168, 0.25)';
      for (const p of l.gaps) g.fillRect(this.x(Date.parse(p.from)), y - 8, this.x(Date.parse(p.to)) - this.x(Date.parse(p.from)), 16);
      g.fillStyle = '#d9822b';
      for (const p of l.bursts) g.fillRect(this.x(Date.parse(p.from)) - 2, y + 9, Math.max(4, this.x(Date.parse(p.to)) - this.x(Date.parse(p.from)) + 4), 3);
    });
    // Events: at most one mark per line, pixel and kind, and one connector per pixel and pair of
    // lines (100,000 events on 50 lines zoomed out share a few thousand pixels); drawn in one
    // batch per kind (a fillStyle change and a path per event cost far more than the maths).
    const w = Math.ceil(this.width) + 1;
    const rows = this.rowsOf(index);
    const k = (this.width - GUTTER - 10) / (hi - lo);
    const marks: number[][] = KIND_LIST.map(() => []);
    const bars: number[][] = KIND_LIST.map(() => []);
    const cells = this.lines.length * w * KIND_COUNT;
    if (this.stamp.length < cells) this.stamp = new Uint32Array(cells);
    const stamp = this.stamp;
    const frame = ++this.stampFrame;
    const joined = new Set<number>();
    const links: number[][] = KIND_LIST.map(() => []);
    const { rows: _rows, kinds, top, bottom } = rows;
    // Sorted by start: begin at the first event that can still be on screen.
    for (let i = this.firstVisible(lo); i < this.events.length; i++) {
      const e = this.events[i]!;
      if (e.t > hi) break;
      if ((e.end ?? e.t) < lo) continue;
      const r = _rows[i]!;
      if (r.length === 0) continue;
      const x = Math.round(GUTTER + (e.t - lo) * k);
      const kind = kinds[i]!;
      let drawn = false;
      for (const row of r) {
        const key = (row * w + Math.min(w - 1, Math.max(0, x))) * KIND_COUNT + kind;
        if (stamp[key] === frame) continue;
        stamp[key] = frame;
        drawn = true;
        const y = AXIS + 22 + row * LINE;
        marks[kind]!.push(x, y);
        if (e.end !== null) bars[kind]!.push(x, y, Math.max(2, (e.end - e.t) * k));
      }
      if (r.length > 1) {
        const a = top[i]!;
        const b = bottom[i]!;
        const key = (x * 1024 + a) * 1024 + b;
        if (!joined.has(key)) {
          joined.add(key);
          links[kind]!.push(x, AXIS + 22 + a * LINE, AXIS + 22 + b * LINE);
          this.drawn.connectors++;
        }
      }
      if (drawn) this.drawn.events++;
    }
    for (const [kind, xs] of links.entries()) {
      g.strokeStyle = KIND_COLOURS[KIND_LIST[kind]!];
      g.beginPath();
      for (let i = 0; i < xs.length; i += 3) {
        g.moveTo(xs[i]! + 0.5, xs[i + 1]!);
        g.lineTo(xs[i]! + 0.5, xs[i + 2]!);
      }
      g.stroke();
    }
    for (const [kind, xs] of bars.entries()) {
      g.fillStyle = KIND_COLOURS[KIND_LIST[kind]!];
      for (let i = 0; i < xs.length; i += 3) g.fillRect(xs[i]!, xs[i + 1]! - 3, xs[i + 2]!, 6);
    }
    for (const [kind, xs] of marks.entries()) {
      g.fillStyle = KIND_COLOURS[KIND_LIST[kind]!];
      for (let i = 0; i < xs.length; i += 2) g.fillRect(xs[i]! - 2, xs[i + 1]! - 6, 4, 12);
    }
  }

  /** Per line, pixel and kind: the frame that last drew a mark there (no Set per frame). */
  private stamp = new Uint32Array(0);
  private stampFrame = 0;
  /** The longest event, so a lasting one that began left of the view is still drawn. */
  private longest = 0;

  /** The first event whose span can reach `lo` (events are sorted by start). */
  private firstVisible(lo: number): number {
    let a = 0;
    let b = this.events.length;
    const from = lo - this.longest;
    while (a < b) {
      const m = (a + b) >> 1;
      if (this.events[m]!.t < from) a = m + 1;
      else b = m;
    }
    return a;
  }

  /** Each event's line indexes, computed once per set of lines and events. */
  private rowsCache: { lines: TimelineLine[]; events: unknown; rows: Rows } | null = null;
  private rowsOf(index: Map<string, number>): Rows {
    if (this.rowsCache?.lines !== this.lines || this.rowsCache.events !== this.events) {
      const n = this.events.length;
      const rows: Rows = { rows: new Array<number[]>(n), kinds: new Uint8Array(n), top: new Int32Array(n), bottom: new Int32Array(n) };
      this.events.forEach((e, i) => {
        const r = e.entities.map((id) => index.get(id)).filter((x): x is number => x !== undefined);
        rows.rows[i] = r;
        rows.kinds[i] = KIND_KEYS.get(e.kind)!;
        rows.top[i] = r.length ? Math.min(...r) : -1;
        rows.bottom[i] = r.length ? Math.max(...r) : -1;
      });
      this.rowsCache = { lines: this.lines, events: this.events, rows };
    }
    return this.rowsCache.rows;
  }

  private drawBars(g: CanvasRenderingContext2D, h: number): void {
    const max = this.bars.reduce((m, b) => Math.max(m, b.count), 1);
    const base = h - 6;
    const scale = (base - AXIS - 10) / max;
    for (let i = 0; i < this.bars.length; i++) {
      const b = this.bars[i]!;
      const next = this.bars[i + 1]?.start ?? b.start + (i > 0 ? b.start - this.bars[i - 1]!.start : 86_400_000);
      const x0 = this.x(b.start);
      const x1 = this.x(next);
      if (x1 < GUTTER || x0 > this.width) continue;
      let y = base;
      for (const [kind, n] of Object.entries(b.byKind) as Array<[TimelineKind, number]>) {
        g.fillStyle = KIND_COLOURS[kind];
        g.fillRect(Math.max(GUTTER, x0) + 0.5, y - n * scale, Math.max(1, x1 - Math.max(GUTTER, x0) - 1), n * scale);
        y -= n * scale;
      }
      this.drawn.bars++;
    }
  }
}
