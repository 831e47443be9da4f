import { CordonError } from '../../../shared/errors';

// Metadata removed from a photo on its way out of the case (issue 23): a JPEG's APP1 (EXIF, XMP),
// APP2–APP15 (ICC excepted: colours stay right), APP13 (IPTC) and comments; a PNG's text, time and
// EXIF chunks. The picture data is copied untouched, never re-encoded. Other types are refused:
// saying "stripped" for a PDF whose metadata stayed would be a lie.

/** Throws when `type` has no metadata remover (before anything is written). */
export function assertStrippable(type: string): void {
  if (type !== 'image/jpeg' && type !== 'image/png') {
    throw new CordonError('INVALID_INPUT', `Metadata can be removed from JPEG and PNG photos only; this attachment is ${type}. Save it without --strip-metadata.`);
  }
}

function stripJpeg(b: Buffer): Buffer {
  if (b[0] !== 0xff || b[1] !== 0xd8) throw new CordonError('INVALID_INPUT', 'not a JPEG image');
  const parts: Buffer[] = [b.subarray(0, 2)];
  let p = 2;
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) throw new CordonError('INVALID_INPUT', 'a damaged JPEG image (its metadata cannot be found safely)');
    const marker = b[p + 1]!;
    if (marker === 0xda) {
      // Start of scan: the rest is picture data.
      parts.push(b.subarray(p));
      return Buffer.concat(parts);
    }
    const len = b.readUInt16BE(p + 2);
    const end = p + 2 + len;
    if (end > b.length) throw new CordonError('INVALID_INPUT', 'a damaged JPEG image (its metadata cannot be found safely)');
    const isApp = marker >= 0xe1 && marker <= 0xef;
    const isIcc = marker === 0xe2 && b.subarray(p + 4, p + 16).toString('latin1') === 'ICC_PROFILE\0';
    const drop = (isApp && !isIcc) || marker === 0xfe;
    if (!drop) parts.push(b.subarray(p, end));
    p = end;
  }
  throw new CordonError('INVALID_INPUT', 'a damaged JPEG image (no picture data)');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function stripPng(b: Buffer): Buffer {
  if (!b.subarray(0, 8).equals(PNG_SIGNATURE)) throw new CordonError('INVALID_INPUT', 'not a PNG image');
  const parts: Buffer[] = [b.subarray(0, 8)];
  let p = 8;
  while (p + 12 <= b.length) {
    const len = b.readUInt32BE(p);
    const type = b.subarray(p + 4, p + 8).toString('latin1');
    const end = p + 12 + len;
    if (end > b.length) throw new CordonError('INVALID_INPUT', 'a damaged PNG image');
    if (!PNG_DROP.has(type)) parts.push(b.subarray(p, end));
    p = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(parts);
}

export function stripMetadata(type: string, bytes: Buffer): Buffer {
  if (type === 'image/jpeg') return stripJpeg(bytes);
  assertStrippable(type);
  return stripPng(bytes);
}
