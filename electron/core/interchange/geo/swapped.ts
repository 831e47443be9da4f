import CITIES from '../../map/gazetteer.json' with { type: 'json' };

// "These coordinates look swapped": GeoJSON is [longitude, latitude], and files written the other
// way round are common. A point alone cannot tell, but a country can: when a feature names its
// country and its point lies outside that country's box (the gazetteer's cities, a degree of
// margin) while the point read the other way lies inside, the order is probably wrong.

type Box = [south: number, west: number, north: number, east: number];
let boxes: Map<string, Box> | null = null;

function countryBoxes(): Map<string, Box> {
  if (boxes) return boxes;
  boxes = new Map();
  for (const [, cc, lat, lon] of CITIES as Array<[string, string, number, number, number]>) {
    const b = boxes.get(cc);
    if (!b) boxes.set(cc, [lat, lon, lat, lon]);
    else {
      b[0] = Math.min(b[0], lat);
      b[1] = Math.min(b[1], lon);
      b[2] = Math.max(b[2], lat);
      b[3] = Math.max(b[3], lon);
    }
  }
  return boxes;
}

const inside = (b: Box, lat: number, lon: number, margin = 1) => lat >= b[0] - margin && lat <= b[2] + margin && lon >= b[1] - margin && lon <= b[3] + margin;

/** True when the point fits its country only with latitude and longitude exchanged. */
export function looksSwapped(lat: number, lon: number, country: string | undefined): boolean {
  const b = country ? countryBoxes().get(country.toLowerCase()) : undefined;
  if (!b || Math.abs(lon) > 90) return false;
  return !inside(b, lat, lon) && inside(b, lon, lat);
}
