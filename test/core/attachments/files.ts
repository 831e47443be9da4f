import { deflateRawSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import jpeg from 'jpeg-js';

// Files made at run time for the attachment tests: real formats, built from their specifications
// (ZIP, OOXML, PDF through pdf-lib, JPEG through jpeg-js), so each test says what is inside.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC_TABLE[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Deflate (8, the default) or store (0). */
  method?: 0 | 8;
  /** Packed bytes to use instead of deflating `data` (a zip bomb reuses one). */
  packed?: Buffer;
}

/** A ZIP file (no data descriptors, no ZIP64): what Word writes, minus the timestamps. */
export function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const packed = e.packed ?? (method === 8 ? deflateRawSync(e.data) : e.data);
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(packed.length, 20);
    c.writeUInt32LE(e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

export const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
export const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

export function documentXml(paragraphs: string[]): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
}

/** A minimal Word document with these paragraphs. */
export function makeDocx(paragraphs: string[], document: Partial<ZipEntry> = {}): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: documentXml(paragraphs), ...document },
  ]);
}

/** A PDF with one page per text; optionally with a JavaScript action and an embedded file. */
export async function makePdf(pages: string[], opts: { javascript?: string; embedded?: { name: string; data: Buffer } } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) doc.addPage().drawText(text, { x: 50, y: 700, font, size: 12 });
  if (opts.javascript) doc.addJavaScript('onopen', opts.javascript);
  if (opts.embedded) await doc.attach(opts.embedded.data, opts.embedded.name, { mimeType: 'application/octet-stream' });
  return Buffer.from(await doc.save());
}

/** A small JPEG photo (a colour gradient). */
export function makeJpeg(width = 64, height = 48, seed = 0): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = (x * 4 + seed) & 255;
      data[i + 1] = (y * 5 + seed * 3) & 255;
      data[i + 2] = (x + y + seed * 7) & 255;
      data[i + 3] = 255;
    }
  return Buffer.from(jpeg.encode({ data, width, height }, 85).data);
}

interface Tag {
  tag: number;
  type: 2 | 3 | 4 | 5;
  count: number;
  value: Buffer;
}
const ascii = (tag: number, s: string): Tag => ({ tag, type: 2, count: s.length + 1, value: Buffer.from(`${s}\0`, 'latin1') });
const long = (tag: number, n: number): Tag => {
  const value = Buffer.alloc(4);
  value.writeUInt32LE(n);
  return { tag, type: 4, count: 1, value };
};
function rationals(tag: number, parts: Array<[number, number]>): Tag {
  const value = Buffer.alloc(8 * parts.length);
  parts.forEach(([n, d], i) => {
    value.writeUInt32LE(n, i * 8);
    value.writeUInt32LE(d, i * 8 + 4);
  });
  return { tag, type: 5, count: parts.length, value };
}
const ifdSize = (tags: Tag[]) => 2 + 12 * tags.length + 4 + tags.reduce((n, t) => n + (t.value.length > 4 ? t.value.length : 0), 0);
function writeIfd(tiff: Buffer, at: number, tags: Tag[], next: number): void {
  tiff.writeUInt16LE(tags.length, at);
  let data = at + 2 + 12 * tags.length + 4;
  tags.forEach((t, i) => {
    const e = at + 2 + 12 * i;
    tiff.writeUInt16LE(t.tag, e);
    tiff.writeUInt16LE(t.type, e + 2);
    tiff.writeUInt32LE(t.count, e + 4);
    if (t.value.length <= 4) t.value.copy(tiff, e + 8);
    else {
      tiff.writeUInt32LE(data, e + 8);
      t.value.copy(tiff, data);
      data += t.value.length;
    }
  });
  tiff.writeUInt32LE(next, at + 2 + 12 * tags.length);
}
const dms = (deg: number): Array<[number, number]> => {
  const a = Math.abs(deg);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round(((a - d) * 60 - m) * 60 * 100);
  return [[d, 1], [m, 1], [s, 100]];
};

/** The JPEG with an EXIF block as a camera writes it: make, model, time taken, GPS, and its own thumbnail. */
export function withExif(jpg: Buffer, e: { make: string; model: string; taken: string; lat: number; lon: number; thumbnail?: Buffer }): Buffer {
  const exifTags = [ascii(0x9003, e.taken)];
  const gpsTags = [ascii(0x0001, e.lat >= 0 ? 'N' : 'S'), rationals(0x0002, dms(e.lat)), ascii(0x0003, e.lon >= 0 ? 'E' : 'W'), rationals(0x0004, dms(e.lon))];
  const ifd0Tags = [ascii(0x010f, e.make), ascii(0x0110, e.model), long(0x8769, 0), long(0x8825, 0)];
  const ifd1Tags = e.thumbnail ? [long(0x0201, 0), long(0x0202, e.thumbnail.length)] : [];
  const o0 = 8;
  const oExif = o0 + ifdSize(ifd0Tags);
  const oGps = oExif + ifdSize(exifTags);
  const o1 = oGps + ifdSize(gpsTags);
  const oThumb = o1 + (e.thumbnail ? ifdSize(ifd1Tags) : 0);
  ifd0Tags[2]!.value.writeUInt32LE(oExif);
  ifd0Tags[3]!.value.writeUInt32LE(oGps);
  if (e.thumbnail) ifd1Tags[0]!.value.writeUInt32LE(oThumb);
  const tiff = Buffer.alloc(oThumb + (e.thumbnail?.length ?? 0));
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(o0, 4);
  writeIfd(tiff, o0, ifd0Tags, e.thumbnail ? o1 : 0);
  writeIfd(tiff, oExif, exifTags, 0);
  writeIfd(tiff, oGps, gpsTags, 0);
  if (e.thumbnail) {
    writeIfd(tiff, o1, ifd1Tags, 0);
    e.thumbnail.copy(tiff, oThumb);
  }
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xffe1, 0);
  seg.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpg.subarray(0, 2), seg, payload, jpg.subarray(2)]);
}
