import exifr from 'exifr';
import jpeg from 'jpeg-js';
import type { PhotoMeta } from '../../../shared/attachments/dto';

// Photos (issue 23): a thumbnail made in the core and the EXIF facts an analyst uses (when, where,
// which camera). The camera's own thumbnail inside the EXIF block is taken first (no decoding:
// microseconds a photo); otherwise the JPEG is decoded with jpeg-js (pure JS, bounded in pixels and
// memory), box-averaged down and encoded again. Both read only bytes already in memory; nothing is
// rendered by a browser engine, and an SVG never comes here.

export const THUMB_MAX_PX = 256;
/** Photos larger than this get no decoded thumbnail (a camera's embedded one is still used). */
const MAX_DECODE_MP = 50;

export interface Thumbnail {
  type: 'image/jpeg';
  width: number;
  height: number;
  data: Buffer;
}

/** Width and height from a JPEG's start-of-frame marker, without decoding. */
export function jpegSize(b: Uint8Array): { width: number; height: number } | null {
  let p = 2;
  while (p + 9 < b.length) {
    if (b[p] !== 0xff) return null;
    const m = b[p + 1]!;
    const len = (b[p + 2]! << 8) | b[p + 3]!;
    if ((m >= 0xc0 && m <= 0xc3) || (m >= 0xc5 && m <= 0xc7) || (m >= 0xc9 && m <= 0xcb) || (m >= 0xcd && m <= 0xcf)) {
      return { height: (b[p + 5]! << 8) | b[p + 6]!, width: (b[p + 7]! << 8) | b[p + 8]! };
    }
    p += 2 + len;
  }
  return null;
}

function downscale(src: Uint8Array, w: number, h: number, maxPx: number): { data: Buffer; width: number; height: number } {
  const scale = Math.min(1, maxPx / Math.max(w, h));
  const tw = Math.max(1, Math.round(w * scale));
  const th = Math.max(1, Math.round(h * scale));
  const out = Buffer.alloc(tw * th * 4);
  for (let ty = 0; ty < th; ty++) {
    const y0 = Math.floor((ty * h) / th);
    const y1 = Math.max(y0 + 1, Math.floor(((ty + 1) * h) / th));
    for (let tx = 0; tx < tw; tx++) {
      const x0 = Math.floor((tx * w) / tw);
      const x1 = Math.max(x0 + 1, Math.floor(((tx + 1) * w) / tw));
      let r = 0;
      let g = 0;
      let b = 0;
      // Every other source pixel in each direction: a box filter at a quarter of the reads.
      let n = 0;
      for (let y = y0; y < y1; y += y1 - y0 > 2 ? 2 : 1) {
        for (let x = x0; x < x1; x += x1 - x0 > 2 ? 2 : 1) {
          const i = (y * w + x) * 4;
          r += src[i]!;
          g += src[i + 1]!;
          b += src[i + 2]!;
          n++;
        }
      }
      const o = (ty * tw + tx) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = 255;
    }
  }
  return { data: out, width: tw, height: th };
}

export async function makeThumbnail(type: string, bytes: Buffer): Promise<Thumbnail | null> {
  if (type !== 'image/jpeg') return null;
  try {
    const embedded = await exifr.thumbnail(bytes);
    if (embedded && embedded.length > 0) {
      const size = jpegSize(embedded);
      if (size) return { type: 'image/jpeg', ...size, data: Buffer.from(embedded) };
    }
  } catch {
    // No usable EXIF thumbnail: decode below.
  }
  return shrinkJpeg(bytes, THUMB_MAX_PX, 75);
}

/** The viewer's picture of a photo: at most `PREVIEW_MAX_PX` on its longer side. */
export const PREVIEW_MAX_PX = 1600;

/**
 * A photo decoded and encoded again at most `maxPx` on its longer side, for the viewer: bounded
 * whatever the camera wrote, and with none of the original's metadata (only pixels are re-encoded).
 * Null when the bytes cannot be decoded within the same limits as the thumbnails.
 */
export function makePreview(bytes: Buffer, maxPx = PREVIEW_MAX_PX): Thumbnail | null {
  return shrinkJpeg(bytes, maxPx, 85);
}

/** A JPEG decoded (bounded in pixels and memory), box-averaged down to `maxPx` and encoded again; null when it cannot be. */
function shrinkJpeg(bytes: Buffer, maxPx: number, quality: number): Thumbnail | null {
  const size = jpegSize(bytes);
  if (!size || size.width * size.height > MAX_DECODE_MP * 1e6) return null;
  try {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_DECODE_MP, maxMemoryUsageInMB: 512 });
    const small = downscale(img.data, img.width, img.height, maxPx);
    return { type: 'image/jpeg', width: small.width, height: small.height, data: Buffer.from(jpeg.encode(small, quality).data) };
  } catch {
    return null;
  }
}

/** "2024:03:01 10:22:33" (EXIF's local time, no zone) as "2024-03-01T10:22:33". */
function exifTime(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(v);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}` : null;
}

/** When, where and with what a photo was taken, from its EXIF block; null when it has none. */
export async function readPhotoMeta(type: string, bytes: Buffer): Promise<PhotoMeta | null> {
  if (type !== 'image/jpeg' && type !== 'image/tiff' && type !== 'image/heic' && type !== 'image/png' && type !== 'image/webp') return null;
  let tags: Record<string, unknown> | undefined;
  try {
    tags = (await exifr.parse(bytes, { tiff: true, exif: true, gps: true, xmp: false, iptc: false, icc: false, jfif: false, ihdr: false, reviveValues: false, translateValues: false })) as
      | Record<string, unknown>
      | undefined;
  } catch {
    return null;
  }
  if (!tags) return null;
  const offset = typeof tags.OffsetTimeOriginal === 'string' ? tags.OffsetTimeOriginal : null;
  const lat = await gps(bytes);
  const meta: PhotoMeta = {
    takenAt: exifTime(tags.DateTimeOriginal ?? tags.CreateDate ?? tags.ModifyDate),
    timeOffset: offset,
    latitude: lat?.latitude ?? null,
    longitude: lat?.longitude ?? null,
    camera: [tags.Make, tags.Model].filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()).join(' ') || null,
  };
  return meta.takenAt || meta.latitude !== null || meta.camera ? meta : null;
}

async function gps(bytes: Buffer): Promise<{ latitude: number; longitude: number } | null> {
  try {
    const g = await exifr.gps(bytes);
    if (g && Number.isFinite(g.latitude) && Number.isFinite(g.longitude) && Math.abs(g.latitude) <= 90 && Math.abs(g.longitude) <= 180) return { latitude: g.latitude, longitude: g.longitude };
  } catch {
    // no GPS block
  }
  return null;
}
