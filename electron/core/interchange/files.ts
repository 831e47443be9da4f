import { createHash } from 'node:crypto';
import { createReadStream, closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { CordonError } from '../../../shared/errors';

// Checks made before a byte of an input file is parsed: it exists, it is not too big for the way
// its format is read, and it is what it claims to be (a PDF renamed .csv is refused, not parsed).

const MiB = 1024 * 1024;
/** Streaming formats (CSV, FtM lines) are read in constant memory; XML and XLSX are not. */
export const MAX_BYTES: Record<string, number> = {
  csv: 1024 * MiB,
  // Call records stream in constant memory into a compact table (issue 17: a year of a target's
  // records, or an operator's bulk return, is several GB).
  cdr: 16 * 1024 * MiB,
  cells: 1024 * MiB,
  ftm: 1024 * MiB,
  xlsx: 200 * MiB,
  anx: 200 * MiB,
  graphml: 200 * MiB,
  gexf: 200 * MiB,
  // Parsed whole (a GeoJSON document is one JSON value; KML needs a DOM).
  geojson: 200 * MiB,
  kml: 200 * MiB,
};

export function humanBytes(n: number): string {
  if (n >= 1024 * MiB) return `${(n / (1024 * MiB)).toFixed(1)} GB`;
  if (n >= MiB) return `${(n / MiB).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

export interface InputFile {
  path: string;
  name: string;
  bytes: number;
  /** The first bytes (up to 64 KiB), for sniffing and detection. */
  head: Buffer;
}

export function openInput(path: string, format: string): InputFile {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new CordonError('FILE_NOT_FOUND', `There is no file at ${path}.`);
  }
  if (!st.isFile()) throw new CordonError('INVALID_INPUT', `${path} is not a file.`);
  const max = MAX_BYTES[format] ?? 200 * MiB;
  if (st.size > max) {
    throw new CordonError('INVALID_INPUT', `${basename(path)} is ${humanBytes(st.size)}; the largest ${format.toUpperCase()} file Cordon imports is ${humanBytes(max)}. Split it and import the parts.`);
  }
  if (st.size === 0) throw new CordonError('INVALID_INPUT', `${basename(path)} is empty.`);
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(st.size, 64 * 1024));
    const n = readSync(fd, head, 0, head.length, 0);
    return { path, name: basename(path), bytes: st.size, head: head.subarray(0, n) };
  } finally {
    closeSync(fd);
  }
}

/** SHA-256 of the file, streamed: recorded with the import so the exact input can be proven later. */
export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
