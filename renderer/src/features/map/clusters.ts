import Supercluster, { type PointFeature } from 'supercluster';
import type { MapData } from '../../../../shared/map/dto';

// Clusters at low zoom (supercluster: a k-d tree per zoom level, built once per data set). A
// cluster opens on click by zooming to the level where it breaks apart.

export type Index = Supercluster<{ i: number }, Record<string, never>>;

export const CLUSTER_MAX_ZOOM = 15;

export function buildIndex(data: Pick<MapData, 'lat' | 'lon'>): Index {
  const index = new Supercluster<{ i: number }, Record<string, never>>({ radius: 60, maxZoom: CLUSTER_MAX_ZOOM, minPoints: 3 });
  const points = new Array<PointFeature<{ i: number }>>(data.lat.length);
  for (let i = 0; i < data.lat.length; i++) {
    points[i] = { type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [data.lon[i]!, data.lat[i]!] } };
  }
  index.load(points);
  return index;
}

export interface Drawn {
  /** Cluster id, or -1 for a single entity. */
  cluster: number;
  /** The entity's index in MapData (single entities). */
  i: number;
  count: number;
  lon: number;
  lat: number;
}

export function itemsIn(index: Index, bounds: [number, number, number, number], zoom: number): Drawn[] {
  return index.getClusters(bounds, Math.floor(zoom)).map((f) => {
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const p = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number; i?: number };
    return p.cluster ? { cluster: p.cluster_id!, i: -1, count: p.point_count!, lon, lat } : { cluster: -1, i: p.i!, count: 1, lon, lat };
  });
}

/** The zoom at which a cluster falls apart into smaller ones (where a click on it takes the view). */
export function openingZoom(index: Index, cluster: number): number {
  return Math.min(index.getClusterExpansionZoom(cluster), CLUSTER_MAX_ZOOM + 1);
}
