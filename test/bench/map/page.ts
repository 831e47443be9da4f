import type { MapData } from '../../../shared/map/dto';
import { buildIndex } from '../../../renderer/src/features/map/clusters';
import { MapCanvas } from '../../../renderer/src/features/map/MapCanvas';

// The map benchmark's page: the product's own map controller (basemap, projection, clusters,
// links, wedges, hit targets) on a generated case of n located entities, in headless Chromium
// with --disable-gpu (canvas 2D, as on the workstations).

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Located entities the way a case has them: dense in a few cities, a sprinkling elsewhere in Europe;
 * one link per two entities, one cell site in ten with a wedge. */
export function generate(n: number): MapData {
  const r = rng(7);
  const cities: Array<[number, number]> = [
    [48.85, 2.35],
    [51.92, 4.48],
    [45.76, 4.83],
    [43.3, 5.37],
    [52.37, 4.89],
    [50.85, 4.35],
    [41.9, 12.5],
    [40.42, -3.7],
  ];
  const d: MapData = { schemas: ['Address', 'Event', 'RealEstate'], ids: [], captions: [], schema: [], lat: [], lon: [], wedges: [], links: [], truncated: 0 };
  for (let i = 0; i < n; i++) {
    const [clat, clon] = r() < 0.85 ? cities[Math.floor(r() * cities.length)]! : [36 + r() * 22, -9 + r() * 33];
    d.ids.push(`E-${i}`);
    d.captions.push(`Place ${i}`);
    d.schema.push(i % 3);
    d.lat.push(clat + (r() - 0.5) * 0.6);
    d.lon.push(clon + (r() - 0.5) * 0.9);
    if (i % 10 === 0) d.wedges.push(i, Math.floor(r() * 360), 65, 3000);
    if (i % 2 === 1) d.links.push(i, Math.floor(r() * n));
  }
  return d;
}

let map: MapCanvas | null = null;
const drawTimes: number[] = [];

/** Opening the map on n entities: data to the first complete frame (projection, the cluster
 * index, the basemap, every layer). */
function open(n: number): { first_render_ms: number; drawn_points: number; drawn_clusters: number } {
  const data = generate(n);
  const canvas = document.getElementById('map') as HTMLCanvasElement;
  const t0 = performance.now();
  map = new MapCanvas(canvas, (s) => (s === 'Address' ? '#72ca9b' : s === 'Event' ? '#d69fd6' : '#f0b726'), { onSelect: () => undefined });
  map.setData(data);
  map.fit();
  map.draw();
  const first = performance.now() - t0;
  const c = map.drawnCounts();
  return { first_render_ms: Math.round(first), drawn_points: c.points, drawn_clusters: c.clusters };
}

/** Clustering alone: supercluster's index over n points (what setData builds). */
function cluster(n: number): { ms: number } {
  const d = generate(n);
  const t0 = performance.now();
  buildIndex(d);
  return { ms: Math.round(performance.now() - t0) };
}

const frame = () => new Promise<number>((ok) => requestAnimationFrame(ok));
let recording: number[] | null = null;
function startFrames(): void {
  const out: number[] = (recording = []);
  drawTimes.length = 0;
  const m = map!;
  const draw = m.draw.bind(m);
  m.draw = () => {
    draw();
    drawTimes.push(m.lastDrawMs);
  };
  void (async () => {
    let prev = await frame();
    while (recording === out) {
      const now = await frame();
      out.push(now - prev);
      prev = now;
    }
  })();
}
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round1 = (x: number) => Math.round(x * 10) / 10;
function stopFrames() {
  const d = [...(recording ?? [])].sort((a, b) => a - b);
  const t = [...drawTimes].sort((a, b) => a - b);
  recording = null;
  return { p50: round1(percentile(d, 50)), p95: round1(percentile(d, 95)), max: round1(d.at(-1) ?? 0), draw_p50: round1(percentile(t, 50)), draw_p95: round1(percentile(t, 95)), draws: t.length };
}

/** Zoomed in on the densest city, where single entities, captions and wedges are drawn. */
function zoomIn(): { points: number } {
  map!.setView({ zoom: 12, ...centreOf(48.85, 2.35) });
  map!.draw();
  return { points: map!.drawnCounts().points };
}

function centreOf(lat: number, lon: number) {
  const x = ((lon + 180) / 360) * 256;
  const phi = (lat * Math.PI) / 180;
  return { cx: x, cy: 128 * (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) };
}

export const bench = { open, cluster, startFrames, stopFrames, zoomIn };
Object.assign(window, { benchMap: bench });
