import { DOMParser, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import { CordonError } from '../../../../shared/errors';

// The analyst's own type icon (issue 24), an SVG that is drawn on the chart and travels in
// packages to other bureaus: so it is checked against a strict allow-list and refused, not
// cleaned, when it holds anything else. DOMPurify, the well-kept sanitiser, needs a DOM (jsdom)
// the core does not have; an icon needs a few shape elements, so an allow-list walk over
// @xmldom/xmldom's parse (already used by the KML reader) is small and closes every door we know
// of: no script or foreignObject, no event attributes, no reference that leaves the file (href,
// url(), CSS @import), no DOCTYPE (entity expansion), no processing instruction.

const ELEMENTS = new Set([
  'svg', 'g', 'path', 'circle', 'ellipse', 'rect', 'line', 'polyline', 'polygon', 'title', 'desc', 'defs',
  'lineargradient', 'radialgradient', 'stop', 'clippath', 'use', 'symbol',
]);
const ATTRIBUTES = new Set([
  'xmlns', 'xmlns:xlink', 'version', 'viewbox', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry',
  'd', 'points', 'fill', 'fill-rule', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'opacity', 'transform', 'id', 'class',
  'offset', 'stop-color', 'stop-opacity', 'gradientunits', 'gradienttransform', 'fx', 'fy', 'clip-path', 'clip-rule',
  'clippathunits', 'preserveaspectratio', 'href', 'xlink:href', 'style', 'color', 'display', 'visibility',
]);
const MAX_CHARS = 200_000;

function refuse(why: string): never {
  throw new CordonError('INVALID_INPUT', `The icon was refused: ${why}.`);
}

/** A reference inside the file (`#id`) is the only kind allowed. */
function checkValue(attr: string, value: string): void {
  const v = value.trim();
  if ((attr === 'href' || attr === 'xlink:href') && !v.startsWith('#')) refuse(`it refers to "${v.slice(0, 80)}" outside the file`);
  for (const m of v.matchAll(/url\s*\(\s*['"]?([^'")]*)/gi)) {
    if (!m[1]!.trim().startsWith('#')) refuse(`it refers to "${m[1]!.slice(0, 80)}" outside the file`);
  }
  if (/@import|expression\s*\(|javascript:/i.test(v)) refuse('its style holds code or an import');
}

function walk(node: XmlNode): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 7) refuse('it holds a processing instruction');
    if (child.nodeType !== 1) continue;
    const el = child as XmlElement;
    const tag = (el.localName ?? el.nodeName).toLowerCase();
    if (!ELEMENTS.has(tag)) refuse(`it holds a <${tag}> element${tag === 'script' ? ' (a script)' : ''}`);
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i)!;
      const attr = a.name.toLowerCase();
      if (attr.startsWith('on')) refuse(`it holds an event handler (${attr})`);
      if (!ATTRIBUTES.has(attr)) refuse(`it holds the attribute ${attr}`);
      checkValue(attr, a.value);
    }
    walk(el);
  }
}

/** The SVG as given, once it is known to be safe; refuses it otherwise. */
export function checkIconSvg(svg: string): string {
  const text = svg.trim().replace(/^<\?xml[^>]*\?>\s*/, '');
  if (text.length === 0) refuse('it is empty');
  if (text.length > MAX_CHARS) refuse(`it is longer than ${MAX_CHARS.toLocaleString('en')} characters`);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) refuse('it has a DOCTYPE');
  let doc;
  try {
    doc = new DOMParser({ onError: (level, msg) => { if (level !== 'warning') throw new Error(msg); } }).parseFromString(text, 'image/svg+xml');
  } catch (err) {
    refuse(`it is not well-formed XML (${(err as Error).message.split('\n')[0]})`);
  }
  const root = doc.documentElement;
  if (!root || root.localName !== 'svg') refuse('it is not an SVG');
  // The root itself goes through the same checks as its children.
  walk(doc);
  return text;
}
