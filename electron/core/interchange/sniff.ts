import { CordonError } from '../../../shared/errors';
import type { TextEncoding } from '../../../shared/interchange/api';

// What a file really is, from its first bytes, and which text encoding it uses.

const MAGIC: Array<[string, number[]]> = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an old-style Office document (.xls/.doc)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['an SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
  ['a program (ELF)', [0x7f, 0x45, 0x4c, 0x46]],
  ['a Windows program', [0x4d, 0x5a, 0x90, 0x00]],
  ['a PostScript document', [0x25, 0x21, 0x50, 0x53]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
];

/** A binary kind recognised by its magic bytes, or null. */
export function binaryKind(head: Buffer): string | null {
  for (const [kind, magic] of MAGIC) {
    if (head.length >= magic.length && magic.every((b, i) => head[i] === b)) return kind;
  }
  return null;
}

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bom: number;
  reason: string;
}

/** Counts NUL bytes at even and odd offsets: UTF-16 text has many on one side. */
function nulPattern(head: Buffer): { even: number; odd: number } {
  let even = 0;
  let odd = 0;
  const n = Math.min(head.length, 4096);
  for (let i = 0; i < n; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  return { even, odd };
}

function isUtf8(head: Buffer, complete: boolean): boolean {
  // A sample cut mid-character must not count against UTF-8: drop an incomplete tail sequence.
  let end = head.length;
  if (!complete) {
    let i = end - 1;
    let back = 0;
    while (i >= 0 && back < 4 && (head[i]! & 0xc0) === 0x80) {
      i--;
      back++;
    }
    if (i >= 0 && head[i]! >= 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-8 with or without BOM, UTF-16 LE/BE (BOM, or the NUL pattern of Latin text), else
 * Windows-1252 — the encoding of spreadsheets saved as "CSV" by Excel on Western Windows.
 */
export function detectEncoding(head: Buffer, complete: boolean): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3, reason: 'UTF-8 byte-order mark' };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2, reason: 'UTF-16 LE byte-order mark' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2, reason: 'UTF-16 BE byte-order mark' };
  const nul = nulPattern(head);
  const sample = Math.min(head.length, 4096);
  if (nul.odd > sample / 4 && nul.even === 0) return { encoding: 'utf-16le', bom: 0, reason: 'UTF-16 LE pattern (no byte-order mark)' };
  if (nul.even > sample / 4 && nul.odd === 0) return { encoding: 'utf-16be', bom: 0, reason: 'UTF-16 BE pattern (no byte-order mark)' };
  if (isUtf8(head, complete)) return { encoding: 'utf-8', bom: 0, reason: 'valid UTF-8' };
  return { encoding: 'windows-1252', bom: 0, reason: 'not valid UTF-8: read as Windows-1252' };
}

export function bomLength(head: Buffer, encoding: TextEncoding): number {
  if (encoding === 'utf-8') return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (encoding === 'utf-16le') return head[0] === 0xff && head[1] === 0xfe ? 2 : 0;
  if (encoding === 'utf-16be') return head[0] === 0xfe && head[1] === 0xff ? 2 : 0;
  return 0;
}

/** Refuses a binary file offered as text, naming what it really is. */
export function requireText(head: Buffer, format: string, name: string): void {
  const kind = binaryKind(head);
  if (kind) throw new CordonError('INVALID_INPUT', `${name} is ${kind}, not a ${format.toUpperCase()} file.`);
  const { encoding } = detectEncoding(head, true);
  if (!encoding.startsWith('utf-16') && head.subarray(0, 4096).includes(0)) {
    throw new CordonError('INVALID_INPUT', `${name} contains binary data; it is not a ${format.toUpperCase()} file.`);
  }
}
