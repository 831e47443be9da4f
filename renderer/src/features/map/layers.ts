import type { MapData } from '../../../../shared/map/dto';
import type { Basemap, City } from './basemap';
import type { Drawn } from './clusters';
import { project, scaleOf, toScreen, type View } from './projection';
import type { Wedge } from './wedge';

// The map's layers, drawn bottom to top on one canvas: sea and land, the agency's raster tiles,
// borders and coasts, city labels, links, coverage wedges, then clusters and entities. Each
// function draws one layer for one view; none keeps state.

export interface Theme {
  sea: string;
  land: string;
  border: string;
  coast: string;
  city: string;
  link: string;
  wedge: string;
  cluster: string;
  selected: string;
}

export const DARK: Theme = {
  sea: '#16202b',
  land: '#252f3a',
  border: '#5f6b7c',
  coast: '#738091',
  city: '#abb3bf',
  link: 'rgba(171, 179, 191, 0.55)',
  wedge: 'rgba(251, 179, 96, 0.28)',
  cluster: '#2d72d2',
  selected: '#fbb360',
};

/** Draws world-unit paths with the view's transform; line widths stay in screen pixels. */
export function drawBasemap(ctx: CanvasRenderingContext2D, v: View, map: Basemap, theme: Theme, tiles?: (ctx: CanvasRenderingContext2D) => void): void {
  const s = scaleOf(v);
  ctx.fillStyle = theme.sea;
  ctx.fillRect(0, 0, v.width, v.height);
  ctx.save();
  ctx.setTransform(s, 0, 0, s, v.width / 2 - v.cx * s, v.height / 2 - v.cy * s);
  ctx.fillStyle = theme.land;
  ctx.fill(map.land);
  ctx.restore();
  tiles?.(ctx);
  ctx.save();
  ctx.setTransform(s, 0, 0, s, v.width / 2 - v.cx * s, v.height / 2 - v.cy * s);
  ctx.lineWidth = 1 / s;
  ctx.strokeStyle = theme.coast;
  ctx.stroke(map.coast);
  ctx.setLineDash([4 / s, 3 / s]);
  ctx.strokeStyle = theme.border;
  ctx.stroke(map.borders);
  ctx.restore();
}

/** City names: more of them as the view zooms in, never overlapping one another. */
export function drawCities(ctx: CanvasRenderingContext2D, v: View, cities: City[], theme: Theme): void {
  if (v.zoom < 2) return;
  const minPop = v.zoom >= 6 ? 0 : v.zoom >= 4 ? 1_000_000 : 5_000_000;
  ctx.font = '11px sans-serif';
  ctx.fillStyle = theme.city;
  const taken: Array<[number, number, number, number]> = [];
  for (const c of cities) {
    if (c.population < minPop) break;
    const [x, y] = toScreen(v, c.x, c.y);
    if (x < -50 || y < -20 || x > v.width + 50 || y > v.height + 20) continue;
    const w = ctx.measureText(c.name).width + 8;
    const box: [number, number, number, number] = [x - 2, y - 12, x + w, y + 4];
    if (taken.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
    taken.push(box);
    ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
    ctx.fillText(c.name, x + 4, y - 2);
  }
}

/** World positions of the data, projected once per data set. */
export interface Placed {
  data: MapData;
  x: Float64Array;
  y: Float64Array;
  wedges: Wedge[];
}

/** Links drawn in a frame at most: Skia strokes long crossing lines slowly in software. */
export const MAX_LINKS_DRAWN = 5000;

/**
 * Links with at least one end drawn alone (`alone[i]` is 1): links inside clusters stay hidden until
 * the cluster opens. One-pixel lines (Skia's fast hairline path) in batches.
 */
export function drawLinks(ctx: CanvasRenderingContext2D, v: View, p: Placed, alone: Uint8Array, theme: Theme): number {
  const l = p.data.links;
  if (l.length === 0) return 0;
  const s = scaleOf(v);
  const ox = v.width / 2 - v.cx * s;
  const oy = v.height / 2 - v.cy * s;
  ctx.lineWidth = 1;
  ctx.strokeStyle = theme.link;
  let drawn = 0;
  ctx.beginPath();
  for (let k = 0; k < l.length && drawn < MAX_LINKS_DRAWN; k += 2) {
    const a = l[k]!;
    const b = l[k + 1]!;
    if (!alone[a] && !alone[b]) continue;
    ctx.moveTo(p.x[a]! * s + ox, p.y[a]! * s + oy);
    ctx.lineTo(p.x[b]! * s + ox, p.y[b]! * s + oy);
    if (++drawn % 250 === 0) {
      ctx.stroke();
      ctx.beginPath();
    }
  }
  ctx.stroke();
  return drawn;
}

/** The wedges of entities drawn alone (a cluster hides its cell sites' wedges). */
export function drawWedges(ctx: CanvasRenderingContext2D, v: View, wedges: Wedge[], owner: readonly number[], alone: Uint8Array, theme: Theme): void {
  const s = scaleOf(v);
  for (let k = 0; k < wedges.length; k++) {
    if (!alone[owner[k]!]) continue;
    const w = wedges[k]!;
    const [x, y] = toScreen(v, w.x, w.y);
    const r = Math.max(w.r * s, 14);
    if (x + r < 0 || y + r < 0 || x - r > v.width || y - r > v.height) continue;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.arc(x, y, r, w.start, w.end);
    ctx.closePath();
    ctx.fillStyle = theme.wedge;
    ctx.fill();
    ctx.setLineDash(w.assumed ? [5, 4] : []);
    ctx.strokeStyle = theme.selected;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

export const POINT_R = 5;
export const clusterRadius = (count: number) => Math.min(26, 8 + 2 * Math.log2(count));

/** Hit targets of the last frame, in screen pixels. */
export interface Target {
  x: number;
  y: number;
  r: number;
  item: Drawn;
}

export function drawItems(
  ctx: CanvasRenderingContext2D,
  v: View,
  p: Placed,
  items: Drawn[],
  colourOf: (schemaIndex: number) => string,
  selected: ReadonlySet<number>,
  theme: Theme,
): Target[] {
  const targets: Target[] = new Array(items.length);
  const s = scaleOf(v);
  const ox = v.width / 2 - v.cx * s;
  const oy = v.height / 2 - v.cy * s;
  // Single entities first, grouped by colour: one path per type instead of one fill per point.
  const byColour = new Map<string, Path2D>();
  let n = 0;
  for (const it of items) {
    if (it.cluster >= 0) continue;
    const x = p.x[it.i]! * s + ox;
    const y = p.y[it.i]! * s + oy;
    targets[n++] = { x, y, r: POINT_R + 2, item: it };
    const c = colourOf(p.data.schema[it.i]!);
    let path = byColour.get(c);
    if (!path) byColour.set(c, (path = new Path2D()));
    path.moveTo(x + POINT_R, y);
    path.arc(x, y, POINT_R, 0, 2 * Math.PI);
  }
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#111418';
  for (const [c, path] of byColour) {
    ctx.fillStyle = c;
    ctx.fill(path);
    ctx.stroke(path);
  }
  if (selected.size > 0) {
    ctx.beginPath();
    for (const it of items) {
      if (it.cluster >= 0 || !selected.has(it.i)) continue;
      const x = p.x[it.i]! * s + ox;
      const y = p.y[it.i]! * s + oy;
      ctx.moveTo(x + POINT_R + 3, y);
      ctx.arc(x, y, POINT_R + 3, 0, 2 * Math.PI);
    }
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = theme.selected;
    ctx.stroke();
  }
  // Captions when few enough entities are drawn alone to read them.
  if (n > 0 && n <= 300) {
    ctx.font = '12px sans-serif';
    ctx.fillStyle = '#f6f7f9';
    ctx.strokeStyle = 'rgba(17, 20, 24, 0.85)';
    ctx.lineWidth = 3;
    for (let k = 0; k < n; k++) {
      const t = targets[k]!;
      const caption = p.data.captions[t.item.i]!;
      ctx.strokeText(caption, t.x + POINT_R + 4, t.y + 4);
      ctx.fillText(caption, t.x + POINT_R + 4, t.y + 4);
    }
  }
  ctx.font = 'bold 11px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const it of items) {
    if (it.cluster < 0) continue;
    const [x, y] = toScreen(v, ...worldOf(it));
    const r = clusterRadius(it.count);
    targets[n++] = { x, y, r, item: it };
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = theme.cluster;
    ctx.globalAlpha = 0.85;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.fillStyle = '#ffffff';
    ctx.fillText(it.count >= 10_000 ? `${Math.round(it.count / 1000)}k` : String(it.count), x, y);
  }
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
  targets.length = n;
  return targets;
}

const worldOf = (it: Drawn): [number, number] => project(it.lon, it.lat);
