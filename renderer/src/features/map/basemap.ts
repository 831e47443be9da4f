import { geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world110 from 'world-atlas/countries-110m.json';
import CITIES from '../../../../shared/map/cities-major.json';
import { project, worldProjection } from './projection';

// The basemap that ships with the app: Natural Earth countries (public domain, through world-atlas
// TopoJSON) at 1:110 million for the world view and 1:50 million when zoomed in (loaded on first
// need, its own chunk), and the cities of 300,000+ people (GeoNames, CC BY 4.0). Shapes are
// projected once by d3-geo into Path2D objects in world units; each frame only transforms them.
// Why canvas + d3-geo and not MapLibre GL: the workstations and this bench run with software
// WebGL, where a GL map costs hundreds of ms a frame; canvas 2D stays within a frame.

export interface Basemap {
  land: Path2D;
  borders: Path2D;
  coast: Path2D;
}

type World = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

function build(topo: World): Basemap {
  const make = (geo: Parameters<ReturnType<typeof geoPath>>[0]) => {
    const p = new Path2D();
    geoPath(worldProjection(), p as unknown as CanvasRenderingContext2D)(geo);
    return p;
  };
  const countries = topo.objects.countries;
  return {
    land: make(feature(topo, countries)),
    borders: make(mesh(topo, countries, (a, b) => a !== b)),
    coast: make(mesh(topo, countries, (a, b) => a === b)),
  };
}

let coarse: Basemap | null = null;
let fine: Basemap | null = null;
let fineLoading: Promise<void> | null = null;

export function coarseBasemap(): Basemap {
  return (coarse ??= build(world110 as unknown as World));
}

/** The 1:50m shapes once loaded; starts loading them (then calls `ready`) on first ask. */
export function fineBasemap(ready: () => void): Basemap | null {
  if (fine) return fine;
  fineLoading ??= import('world-atlas/countries-50m.json').then((m) => {
    fine = build((m.default ?? m) as unknown as World);
    ready();
  });
  return null;
}

export interface City {
  name: string;
  x: number;
  y: number;
  population: number;
}

type CityRow = [string, string, number, number, number];
let cities: City[] | null = null;

/** Largest first. */
export function majorCities(): City[] {
  return (cities ??= (CITIES as CityRow[]).map(([name, , lat, lon, population]) => {
    const [x, y] = project(lon, lat);
    return { name, x, y, population };
  }));
}

export const ATTRIBUTION = 'Natural Earth (public domain) · GeoNames cities (CC BY 4.0)';
