import { builtinOf, getSchema } from '../../../../shared/catalogue';
import airplane from '@blueprintjs/icons/lib/esm/generated/20px/paths/airplane';
import annotation from '@blueprintjs/icons/lib/esm/generated/20px/paths/annotation';
import bankAccount from '@blueprintjs/icons/lib/esm/generated/20px/paths/bank-account';
import calendar from '@blueprintjs/icons/lib/esm/generated/20px/paths/calendar';
import cellTower from '@blueprintjs/icons/lib/esm/generated/20px/paths/cell-tower';
import creditCard from '@blueprintjs/icons/lib/esm/generated/20px/paths/credit-card';
import cube from '@blueprintjs/icons/lib/esm/generated/20px/paths/cube';
import documentIcon from '@blueprintjs/icons/lib/esm/generated/20px/paths/document';
import driveTime from '@blueprintjs/icons/lib/esm/generated/20px/paths/drive-time';
import home from '@blueprintjs/icons/lib/esm/generated/20px/paths/home';
import idNumber from '@blueprintjs/icons/lib/esm/generated/20px/paths/id-number';
import mapMarker from '@blueprintjs/icons/lib/esm/generated/20px/paths/map-marker';
import mobilePhone from '@blueprintjs/icons/lib/esm/generated/20px/paths/mobile-phone';
import office from '@blueprintjs/icons/lib/esm/generated/20px/paths/office';
import people from '@blueprintjs/icons/lib/esm/generated/20px/paths/people';
import person from '@blueprintjs/icons/lib/esm/generated/20px/paths/person';
import phone from '@blueprintjs/icons/lib/esm/generated/20px/paths/phone';
import ship from '@blueprintjs/icons/lib/esm/generated/20px/paths/ship';
import simCard from '@blueprintjs/icons/lib/esm/generated/20px/paths/sim-card';
import user from '@blueprintjs/icons/lib/esm/generated/20px/paths/user';

// Entity icons for the canvas: Blueprint's bundled SVG paths (the same set as the rest of the UI)
// turned into data: URIs, which the CSP allows for images. Nothing is fetched at run time.

const PATHS: Record<string, readonly string[]> = {
  Person: person,
  Organization: people,
  Company: office,
  LegalEntity: office,
  Address: mapMarker,
  Vehicle: driveTime,
  Vessel: ship,
  Airplane: airplane,
  BankAccount: bankAccount,
  CryptoWallet: creditCard,
  RealEstate: home,
  Identification: idNumber,
  Passport: idNumber,
  UserAccount: user,
  Event: calendar,
  Document: documentIcon,
  Note: annotation,
  Phone: phone,
  Device: mobilePhone,
  SIM: simCard,
  CellSite: cellTower,
};

/** One colour per entity type, readable on the dark canvas and on white print. */
export const TYPE_COLOURS: Record<string, string> = {
  Person: '#4c90f0',
  Organization: '#e76a6e',
  Company: '#f0b726',
  LegalEntity: '#f0b726',
  Address: '#72ca9b',
  Vehicle: '#a854a8',
  Vessel: '#a854a8',
  Airplane: '#a854a8',
  BankAccount: '#3fa6da',
  CryptoWallet: '#3fa6da',
  RealEstate: '#72ca9b',
  Identification: '#abb3bf',
  Passport: '#abb3bf',
  UserAccount: '#d1980b',
  Event: '#d69fd6',
  Document: '#abb3bf',
  Note: '#abb3bf',
  Phone: '#32a467',
  Device: '#32a467',
  SIM: '#32a467',
  CellSite: '#72ca9b',
};
export const GENERIC_COLOUR = '#8f99a8';

/** The icon's SVG markup (20×20 view box), white on transparent: the node's colour shows around it. */
export function iconSvg(schema: string, fill = '#ffffff'): string {
  const paths = PATHS[schema] ?? cube;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20" width="20" height="20">${paths
    .map((d) => `<path fill="${fill}" fill-rule="evenodd" d="${d}"/>`)
    .join('')}</svg>`;
}

const cache = new Map<string, string>();
/** The rasterised icons (small canvases), for the icon layer of big charts: drawImage from a
 * canvas copies pixels, where an SVG image would be rasterised again on every draw. */
const images = new Map<string, HTMLCanvasElement>();
const ICON_PX = 48;

/** The icon as a data: URI: a PNG once rasterised (see prepareIcons), else the SVG itself. */
export function iconUri(schema: string): string {
  // A case's own type (issue 24) shows its analyst's icon (sanitised by the core), else its parent's.
  const own = getSchema(schema)?.iconSvg;
  if (own) return `data:image/svg+xml;utf8,${encodeURIComponent(sized(own))}`;
  const base = builtinOf(schema);
  const key = PATHS[base] ? base : '*';
  let uri = cache.get(key);
  if (!uri) cache.set(key, (uri = `data:image/svg+xml;utf8,${encodeURIComponent(iconSvg(schema))}`));
  return uri;
}

/** An SVG without its own size is drawn tiny by the canvas: give it the built-in icons' size. */
function sized(svg: string): string {
  const open = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (!open || /\swidth\s*=/.test(open)) return svg;
  return svg.replace(open, open.replace(/^<svg/i, '<svg width="48" height="48"'));
}

/** Rasterises every icon to a small PNG once. Chromium re-rasterises an SVG image on every
 * canvas draw; with thousands of nodes per frame that, not the graph, was the cost of a frame. */
export async function prepareIcons(): Promise<void> {
  await Promise.all(
    [...Object.keys(PATHS), '*'].map(async (key) => {
      if (cache.get(key)?.startsWith('data:image/png')) return;
      const img = new Image(ICON_PX, ICON_PX);
      img.src = `data:image/svg+xml;utf8,${encodeURIComponent(iconSvg(key))}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = ICON_PX;
      canvas.height = ICON_PX;
      canvas.getContext('2d')!.drawImage(img, 0, 0, ICON_PX, ICON_PX);
      cache.set(key, canvas.toDataURL('image/png'));
      images.set(key, canvas);
    }),
  );
}

/** The icon of a type, rasterised (after prepareIcons), or undefined before. */
export function iconImage(schema: string): HTMLCanvasElement | undefined {
  const base = builtinOf(schema);
  return images.get(PATHS[base] ? base : '*');
}

export function typeColour(schema: string): string {
  return getSchema(schema)?.color ?? TYPE_COLOURS[builtinOf(schema)] ?? GENERIC_COLOUR;
}
