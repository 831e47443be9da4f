import { readFileSync } from 'node:fs';
import { CordonError } from '../../../../shared/errors';
import type { InputFile } from '../files';
import { requireText } from '../sniff';
import type { GeoFeature } from './features';

// A GeoJSON file (RFC 7946): a FeatureCollection, or one Feature. It is parsed whole, so its size
// is capped before it is read (files.ts, MAX_BYTES.geojson) and the limit is stated in the refusal.

export function readGeojson(file: InputFile): GeoFeature[] {
  requireText(file.head, 'GeoJSON', file.name);
  const text = readFileSync(file.path, 'utf8').replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new CordonError('INVALID_INPUT', `${file.name} is not GeoJSON: it is not valid JSON (${(err as Error).message}).`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new CordonError('INVALID_INPUT', `${file.name} is not GeoJSON: it is not a JSON object.`);
  const o = doc as { type?: unknown; features?: unknown };
  if (o.type === 'Feature') return [o as GeoFeature];
  if (o.type !== 'FeatureCollection') throw new CordonError('INVALID_INPUT', `${file.name} is not GeoJSON: its "type" is ${JSON.stringify(o.type ?? null)}, not "FeatureCollection" or "Feature".`);
  if (!Array.isArray(o.features)) throw new CordonError('INVALID_INPUT', `${file.name} is not GeoJSON: the FeatureCollection has no "features" array.`);
  return o.features as GeoFeature[];
}
