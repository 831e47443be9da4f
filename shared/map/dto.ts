// What the map's methods return (issue 19). Located entities travel column-wise: at 50,000 points
// an array of objects costs several times the bytes and the parse time of a few flat arrays.

export interface MapData {
  /** Schema names; `schema[i]` indexes into it. */
  schemas: string[];
  ids: string[];
  captions: string[];
  schema: number[];
  lat: number[];
  lon: number[];
  /** Coverage wedges of located entities with an azimuth and a beam width (cell sites): index of
   * the entity, azimuth and beam width in degrees, and the range in metres (0: not known). */
  wedges: number[];
  /** Links between two located entities: pairs of indexes (flat). */
  links: number[];
  /** Located entities left out because the case has more than the map draws. */
  truncated: number;
}

export interface UnplacedAddress {
  id: string;
  caption: string;
  city: string | null;
  country: string | null;
}

export interface GazetteerHit {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  population: number;
}

/** The agency's own tile archive, remembered per workstation (not per case). */
export interface TileArchive {
  path: string;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** image/png, image/jpeg or image/webp: raster tiles only. */
  mime: string;
  attribution: string | null;
}
