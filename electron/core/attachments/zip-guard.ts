import { inflateRawSync } from 'node:zlib';
import { CordonError } from '../../../shared/errors';

// Before a DOCX goes to mammoth (which unzips it whole in memory with JSZip), every entry is
// inflated here once with a hard cap on its output, so a zip bomb posing as a document is refused
// at the limit, whatever its directory claims. A ZIP's directory can lie about sizes; inflation
// with `maxOutputLength` cannot. The limits are the largest genuine Word files we expect
// (a 300-page report with photos is about 50 MiB unzipped).

export const ZIP_LIMITS = { maxEntries: 5_000, maxTotalBytes: 128 * 1024 * 1024, maxRatio: 200 };

interface Entry {
  name: string;
  method: number;
  compressed: number;
  offset: number;
}

function directory(zip: Buffer): Entry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new CordonError('INVALID_INPUT', 'not a readable ZIP container (no directory)');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  if (count > ZIP_LIMITS.maxEntries) throw new CordonError('INVALID_INPUT', `it holds ${count} files, over the limit of ${ZIP_LIMITS.maxEntries}`);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) throw new CordonError('INVALID_INPUT', 'not a readable ZIP container (broken directory)');
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const offset = zip.readUInt32LE(p + 42);
    out.push({ name: zip.toString('utf8', p + 46, p + 46 + nameLen), method, compressed, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Throws INVALID_INPUT naming the limit when the container would inflate past it. */
export function checkZipBounds(zip: Buffer): void {
  let total = 0;
  for (const e of directory(zip)) {
    const h = e.offset;
    if (h + 30 > zip.length || zip.readUInt32LE(h) !== 0x04034b50) throw new CordonError('INVALID_INPUT', 'not a readable ZIP container (broken entry)');
    const start = h + 30 + zip.readUInt16LE(h + 26) + zip.readUInt16LE(h + 28);
    const data = zip.subarray(start, start + e.compressed);
    const budget = ZIP_LIMITS.maxTotalBytes - total;
    let size: number;
    if (e.method === 0) size = data.length;
    else if (e.method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new CordonError('INVALID_INPUT', `it unpacks to more than ${ZIP_LIMITS.maxTotalBytes / (1024 * 1024)} MiB (a zip bomb?)`);
        }
        throw new CordonError('INVALID_INPUT', 'not a readable ZIP container (damaged entry)');
      }
    } else throw new CordonError('INVALID_INPUT', `it uses a compression method (${e.method}) Word files do not use`);
    total += size;
    if (total > ZIP_LIMITS.maxTotalBytes) throw new CordonError('INVALID_INPUT', `it unpacks to more than ${ZIP_LIMITS.maxTotalBytes / (1024 * 1024)} MiB (a zip bomb?)`);
    if (e.compressed > 0 && size / e.compressed > ZIP_LIMITS.maxRatio && size > 1024 * 1024) {
      throw new CordonError('INVALID_INPUT', `${e.name} unpacks ${Math.round(size / e.compressed)} times its packed size, over the limit of ${ZIP_LIMITS.maxRatio} (a zip bomb?)`);
    }
  }
}
