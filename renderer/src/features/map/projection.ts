import { geoMercator, type GeoProjection } from 'd3-geo';

// Web Mercator "world" coordinates: the whole world is WORLD × WORLD units at zoom 0 (as tiles
// are 256 px), x east, y south. Everything on the map is kept in these units once and the view is
// a single scale + translate, so a pan or a zoom never projects a coordinate again.

export const WORLD = 256;
/** Web Mercator's edge: the square world stops here (as tile sets do). */
export const MAX_LAT = 85.0511287798066;
export const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

export function project(lon: number, lat: number): [number, number] {
  const phi = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [((lon + 180) / 360) * WORLD, (WORLD / 2) * (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI)];
}

export function unproject(x: number, y: number): [number, number] {
  const lon = (x / WORLD) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / WORLD))) * 180) / Math.PI;
  return [lon, lat];
}

/** d3-geo's Mercator set up to give the same world coordinates, for the basemap's shapes. */
export function worldProjection(): GeoProjection {
  return geoMercator()
    .scale(WORLD / (2 * Math.PI))
    .translate([WORLD / 2, WORLD / 2])
    .precision(0.05);
}

/** World units per metre on the ground at this latitude. */
export function unitsPerMetre(lat: number): number {
  return WORLD / (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180));
}

export interface View {
  /** Centre, in world units. */
  cx: number;
  cy: number;
  /** 0 shows the world in 256 px; each step doubles. */
  zoom: number;
  width: number;
  height: number;
}

export const MIN_ZOOM = 0;
export const MAX_ZOOM = 19;

export const scaleOf = (v: View) => 2 ** v.zoom;

export function toScreen(v: View, x: number, y: number): [number, number] {
  const s = scaleOf(v);
  return [(x - v.cx) * s + v.width / 2, (y - v.cy) * s + v.height / 2];
}

export function toWorld(v: View, sx: number, sy: number): [number, number] {
  const s = scaleOf(v);
  return [(sx - v.width / 2) / s + v.cx, (sy - v.height / 2) / s + v.cy];
}

/** The view zoomed by `dz` steps about the screen point (sx, sy), which stays put. */
export function zoomAbout(v: View, dz: number, sx: number, sy: number): View {
  const zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, v.zoom + dz));
  const [wx, wy] = toWorld(v, sx, sy);
  const s = 2 ** zoom;
  return { ...v, zoom, cx: wx - (sx - v.width / 2) / s, cy: wy - (sy - v.height / 2) / s };
}

/** The view that shows this box of world units with `pad` pixels around it. */
export function fitBox(v: View, box: [number, number, number, number], pad = 40, maxZoom = 16): View {
  const [x0, y0, x1, y1] = box;
  const w = Math.max(x1 - x0, 1e-9);
  const h = Math.max(y1 - y0, 1e-9);
  const zoom = Math.max(MIN_ZOOM, Math.min(maxZoom, Math.log2(Math.min((v.width - 2 * pad) / w, (v.height - 2 * pad) / h))));
  return { ...v, zoom, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2 };
}

/** The visible box in degrees [west, south, east, north], for the cluster index. */
export function visibleBounds(v: View): [number, number, number, number] {
  const [x0, y0] = toWorld(v, 0, 0);
  const [x1, y1] = toWorld(v, v.width, v.height);
  const [w, n] = unproject(x0, y0);
  const [e, s] = unproject(x1, y1);
  return [Math.max(-180, w), Math.max(-90, s), Math.min(180, e), Math.min(90, n)];
}
