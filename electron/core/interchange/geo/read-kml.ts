import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { readFileSync } from 'node:fs';
import { CordonError } from '../../../../shared/errors';
import type { InputFile } from '../files';
import { requireText } from '../sniff';
import type { GeoFeature } from './features';

// KML through @tmcw/togeojson, which needs a DOM: @xmldom/xmldom, a pure-JavaScript parser that
// loads nothing (no DTD, no external entity, no schema). Even so a document type declaration is
// refused before parsing (XXE and entity bombs never get a parser), and a NetworkLink is never
// followed: togeojson converts the document only, and the report says what was not fetched.

export function readKml(file: InputFile, warn: (m: string) => void): GeoFeature[] {
  requireText(file.head, 'KML', file.name);
  const text = readFileSync(file.path, 'utf8').replace(/^\uFEFF/, '');
  if (!/^\s*</.test(text)) throw new CordonError('INVALID_INPUT', `${file.name} is not XML, so it is not KML.`);
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new CordonError('INVALID_INPUT', `${file.name} has a document type declaration or declares entities; Cordon refuses them in KML (they can reach files and servers: XXE). Nothing was imported.`);
  }
  const errors: string[] = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (err) {
    errors.push((err as Error).message);
  }
  if (!doc || errors.length > 0) throw new CordonError('INVALID_INPUT', `${file.name} is not well-formed XML: ${(errors[0] ?? '').split('\n')[0]}`);
  const root = doc.documentElement;
  if (!root || root.localName !== 'kml') throw new CordonError('INVALID_INPUT', `${file.name} is not KML: its root element is <${root?.nodeName ?? ''}>, not <kml>.`);
  const links = doc.getElementsByTagName('NetworkLink').length;
  if (links > 0) warn(`${links} network link${links === 1 ? ' was' : 's were'} not followed: Cordon never fetches anything; import the linked files themselves.`);
  // Placemarks without a geometry (and the network links themselves) are not places.
  return kml(doc, { skipNullGeometry: true }).features as GeoFeature[];
}
