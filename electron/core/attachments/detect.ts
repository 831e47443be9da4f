import { fileTypeFromBuffer } from 'file-type';
import { extensionOf } from './names';

// What a file is, from its bytes (issue 23: never from its name), and what the analyst should be
// told about it: the name lies, the file is also readable as something else (a polyglot), a PDF
// carries script or an embedded file, an SVG carries script. Nothing here runs or renders content.

/** The types a name's extension claims; only the common ones (an unknown extension claims nothing). */
const CLAIMS: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/x-cfb',
  xls: 'application/x-cfb',
  zip: 'application/zip',
  txt: 'text/plain',
  csv: 'text/plain',
  md: 'text/plain',
  log: 'text/plain',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  m4a: 'audio/x-m4a',
};

/** Plain names for the warnings ("a JPEG image"). */
const DESCRIBE: Record<string, string> = {
  'application/pdf': 'a PDF document',
  'image/jpeg': 'a JPEG image',
  'image/png': 'a PNG image',
  'image/gif': 'a GIF image',
  'image/webp': 'a WebP image',
  'image/tiff': 'a TIFF image',
  'image/svg+xml': 'an SVG drawing',
  'application/zip': 'a ZIP archive',
  'text/plain': 'plain text',
  'application/octet-stream': 'unrecognised binary data',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'a Word (DOCX) document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'an Excel (XLSX) workbook',
  'application/x-msdownload': 'a Windows program',
  'application/x-elf': 'a Linux program',
  'text/html': 'an HTML page',
};
export const describeType = (mime: string): string => DESCRIBE[mime] ?? mime;

export function claimedType(name: string): string | null {
  return CLAIMS[extensionOf(name)] ?? null;
}

/** How many first bytes detection reads (file-type needs a few KiB; OOXML looks into the first zip entries). */
export const HEAD_BYTES = 1024 * 1024;

function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return true;
  if (head.includes(0)) return false;
  try {
    // A cut multi-byte character at the end of the head is not a reason to call it binary.
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 4)));
    return true;
  } catch {
    return false;
  }
}

const latin1 = (b: Uint8Array, max = b.length) => Buffer.from(b.buffer, b.byteOffset, Math.min(max, b.length)).toString('latin1');

export async function detectType(head: Uint8Array): Promise<string> {
  const found = await fileTypeFromBuffer(head);
  // file-type calls every XML document XML; an SVG is one, and must be known as a drawing.
  if (found && found.mime !== 'application/xml' && found.mime !== 'text/xml') return found.mime;
  const text = latin1(head, 64 * 1024).replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text)) return 'image/svg+xml';
  if (/^<!doctype html|^<html[\s>]/i.test(text)) return 'text/html';
  if (found) return found.mime;
  return looksLikeText(head) ? 'text/plain' : 'application/octet-stream';
}

/** Two types are the same claim when they are equal or one family stands for the other (csv is text). */
function sameKind(claimed: string, detected: string): boolean {
  if (claimed === detected) return true;
  // Old Office files and MSI share the compound-file container.
  if (claimed === 'application/x-cfb' && detected === 'application/x-cfb') return true;
  // Many OOXML files are detected only as ZIP when their first entries are unusual.
  if (claimed.startsWith('application/vnd.openxmlformats') && detected === 'application/zip') return true;
  return false;
}

export function nameWarning(name: string, claimed: string | null, detected: string): string | null {
  if (!claimed || sameKind(claimed, detected)) return null;
  return `${name} is ${describeType(detected)}, not ${describeType(claimed)} as its name says; Cordon treats it as what its bytes are.`;
}

// ---- Content scans, run on every chunk as it is written (a carry joins the chunks) ----------------

interface Pattern {
  bytes: Buffer;
  /** Only for these detected types (prefix match). */
  types: string[];
  warning: (name: string) => string;
}

const PATTERNS: Pattern[] = [
  { bytes: Buffer.from('/JavaScript'), types: ['application/pdf'], warning: (n) => `${n} contains JavaScript; Cordon never runs it.` },
  { bytes: Buffer.from('/Launch'), types: ['application/pdf'], warning: (n) => `${n} asks to launch a program; Cordon never does.` },
  { bytes: Buffer.from('/EmbeddedFile'), types: ['application/pdf'], warning: (n) => `${n} contains an embedded file; it stays inside the PDF and is never opened.` },
  { bytes: Buffer.from('<script'), types: ['image/svg+xml'], warning: (n) => `${n} is an SVG with script; it is kept as inert bytes and never shown as a drawing.` },
  { bytes: Buffer.from('javascript:'), types: ['image/svg+xml'], warning: (n) => `${n} is an SVG with script links; it is kept as inert bytes and never shown as a drawing.` },
];
const CARRY = Math.max(...PATTERNS.map((p) => p.bytes.length));

/** Scans the content chunk by chunk for what the analyst must be told about. */
export class ContentScan {
  private carry = Buffer.alloc(0);
  private readonly patterns: Pattern[];
  private readonly found = new Set<Pattern>();
  private first: Buffer | null = null;
  private last = Buffer.alloc(0);

  constructor(private readonly type: string) {
    this.patterns = PATTERNS.filter((p) => p.types.some((t) => type.startsWith(t)));
  }

  update(chunk: Buffer): void {
    if (!this.first) this.first = Buffer.from(chunk.subarray(0, 4096));
    if (this.patterns.length > 0) {
      const buf = Buffer.concat([this.carry, chunk]);
      for (const p of this.patterns) if (!this.found.has(p) && buf.includes(p.bytes)) this.found.add(p);
      this.carry = Buffer.from(buf.subarray(Math.max(0, buf.length - CARRY)));
    }
    // The end of the file, for a ZIP directory appended to something else.
    this.last = Buffer.from(Buffer.concat([this.last, chunk.subarray(Math.max(0, chunk.length - 65_557))]).subarray(-65_557));
  }

  warnings(name: string): string[] {
    const out = [...this.found].map((p) => p.warning(name));
    const other = this.alsoReadableAs();
    if (other) out.push(`${name} is also readable as ${describeType(other)} (a polyglot file); Cordon keeps it as ${describeType(this.type)} and never opens the other reading.`);
    return out;
  }

  /** A second type the same bytes are valid as, if any. */
  private alsoReadableAs(): string | null {
    const head = this.first ?? Buffer.alloc(0);
    const isZip = this.type === 'application/zip' || this.type.startsWith('application/vnd.openxmlformats') || this.type === 'application/epub+zip' || this.type === 'application/java-archive';
    if (!isZip && hasZipDirectoryAtEnd(this.last)) return 'application/zip';
    // PDF readers accept the header anywhere in the first KiB.
    if (this.type !== 'application/pdf' && head.subarray(0, 1024).includes('%PDF-')) return 'application/pdf';
    // Browsers sniff HTML in the first bytes of images (GIFAR, HTML-in-JPEG).
    if (this.type.startsWith('image/') && this.type !== 'image/svg+xml' && /<(script|html|body|iframe)[\s>]/i.test(head.toString('latin1'))) return 'text/html';
    return null;
  }
}

/** A ZIP end-of-central-directory record whose comment reaches exactly to the end of the file. */
function hasZipDirectoryAtEnd(tail: Buffer): boolean {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) {
      if (i + 22 + tail.readUInt16LE(i + 20) === tail.length) return true;
    }
  }
  return false;
}
