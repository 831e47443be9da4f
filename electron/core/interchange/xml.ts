import { XMLParser } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';
import { CordonError } from '../../../shared/errors';
import type { InputFile } from './files';
import { detectEncoding, requireText } from './sniff';

// XML intake with the attacks closed: no DTD at all (a document type declaration is refused
// before parsing, so entity expansion — "billion laughs" — and external entities cannot happen),
// the five predefined entities and character references only, and a size cap checked before the
// file is read (files.ts). ANX, GraphML and GEXF never need a DTD.

export type XmlNode = Record<string, unknown>;

const MAX_DEPTH = 200;

function decode(file: InputFile, buf: Buffer): string {
  const { encoding, bom } = detectEncoding(file.head, file.head.length === file.bytes);
  if (encoding === 'windows-1252') {
    // Honour an explicit single-byte declaration; anything else that is not UTF-8 is broken.
    const decl = /^<\?xml[^>]*encoding=["']([A-Za-z0-9_-]+)["']/.exec(buf.subarray(0, 200).toString('latin1'))?.[1]?.toLowerCase();
    if (decl && ['iso-8859-1', 'latin1', 'windows-1252', 'cp1252'].includes(decl)) return new TextDecoder('windows-1252').decode(buf);
    throw new CordonError('INVALID_INPUT', `${file.name} is not valid UTF-8 XML.`);
  }
  return new TextDecoder(encoding).decode(buf.subarray(bom));
}

/** Nesting depth by a quick scan (the parser recurses; a pathological depth must not crash it). */
function depthOk(text: string): boolean {
  let depth = 0;
  let max = 0;
  const re = /<(\/?)[A-Za-z_][^>]*?(\/?)>/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1]) depth--;
    else if (!m[2]) {
      depth++;
      if (depth > max) max = depth;
      if (max > MAX_DEPTH) return false;
    }
  }
  return true;
}

/**
 * Parses the whole file (size-capped) and checks its root element. Attributes keep their names
 * (no prefix), values stay strings; `arrays` names elements that may repeat.
 */
export function parseXmlFile(file: InputFile, root: string, what: string, arrays: ReadonlySet<string>): XmlNode {
  requireText(file.head, what, file.name);
  const text = decode(file, readFileSync(file.path));
  const start = text.replace(/^\s+/, '');
  if (!start.startsWith('<')) throw new CordonError('INVALID_INPUT', `${file.name} is not XML, so it is not ${what}.`);
  if (/<!DOCTYPE/i.test(text)) {
    throw new CordonError('INVALID_INPUT', `${file.name} has a document type declaration (DTD); Cordon refuses DTDs in imported XML (they can hide entity bombs and external references).`);
  }
  if (/<!ENTITY/i.test(text)) throw new CordonError('INVALID_INPUT', `${file.name} declares XML entities; refused.`);
  if (!depthOk(text)) throw new CordonError('INVALID_INPUT', `${file.name} nests elements more than ${MAX_DEPTH} deep; refused.`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    processEntities: { enabled: true, maxEntityCount: 0, maxTotalExpansions: 0, maxEntitySize: 0 },
    // Only elements repeat: an attribute that shares a name (LinkStyle/@Strength) stays a string.
    isArray: (name, _path, _leaf, isAttribute) => !isAttribute && arrays.has(name),
  });
  let doc: XmlNode;
  try {
    doc = parser.parse(text, true) as XmlNode;
  } catch (err) {
    const msg = (err as { err?: { msg?: string }; message?: string })?.err?.msg ?? (err as Error)?.message ?? 'malformed';
    throw new CordonError('INVALID_INPUT', `${file.name} is not well-formed XML (${String(msg).split('\n')[0]}).`);
  }
  const top = Object.keys(doc).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (!top.includes(root)) {
    throw new CordonError('INVALID_INPUT', `${file.name} is XML but not ${what} (its root element is <${top[0] ?? '?'}>, not <${root}>).`);
  }
  const node = doc[root];
  return (typeof node === 'object' && node !== null ? node : {}) as XmlNode;
}

/** Child elements as a list (absent → empty). */
export function kids(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const v = (node as XmlNode)[name];
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => (typeof x === 'object' && x !== null ? (x as XmlNode) : { '#text': String(x) }));
}

export function kid(node: unknown, name: string): XmlNode | undefined {
  return kids(node, name)[0];
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.[name];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

export function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node !== 'object') return String(node);
  const t = (node as XmlNode)['#text'];
  return t === undefined ? '' : String(t);
}

/** Escapes text for an XML attribute or element; newlines kept as character references. */
export function esc(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;')
    .replace(/\t/g, '&#x9;');
}
