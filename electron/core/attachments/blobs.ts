import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { CordonError } from '../../../shared/errors';
import { cachedStatement } from '../store/prepared';
import { ContentScan } from './detect';

// Content-addressed blobs inside the case database, streamed in and out chunk by chunk: the file
// is read from its descriptor into one reused buffer and each chunk goes straight into SQLite,
// which encrypts it page by page. No chunk outlives its insert, so memory stays at one chunk
// (plus SQLite's page cache) whatever the size of the file, and nothing is ever written outside
// the case file.
//
// Chunk size: 512 KiB, chosen rather than measured against other sizes (`bench:attach` measures
// this size only). The encryption and HMAC cost is per 4 KiB page whatever the chunk, so the size
// trades rows and statements (smaller) against memory per read-back call (bigger).
export const CHUNK_SIZE = 512 * 1024;

export interface WrittenBlob {
  rid: number;
  sha256: string;
  size: number;
  /** The content was in the case already: nothing new was stored. */
  existing: boolean;
  warnings: string[];
}

export interface BlobSource {
  fd: number;
  /** The size found when the file was opened; the file must still have exactly this many bytes. */
  size: number;
  name: string;
  type: string;
  /** The SHA-256 of the first `length` bytes detection read: the write checks they did not change meanwhile. */
  headCheck: { length: number; sha256: string };
  /** The SHA-256 of the bytes text extraction or the photo reader read, when they read them (they must match too). */
  extractedSha256?: string;
}

function changed(name: string, detail: string): CordonError {
  return new CordonError('INVALID_INPUT', `${name} changed or vanished while it was being read (${detail}); nothing was attached.`);
}

function readOrFail(fd: number, buf: Buffer, length: number, position: number, name: string): number {
  try {
    return readSync(fd, buf, 0, length, position);
  } catch (err) {
    throw changed(name, `read failed: ${(err as NodeJS.ErrnoException).code ?? 'I/O error'}`);
  }
}

/**
 * Streams a file into the case as a blob. Call inside the attach transaction: on any failure the
 * caller's transaction rolls back, so no chunk is left behind. A blob already in the case (same
 * SHA-256) is not stored again: its chunks are rolled back to a savepoint and the existing blob is
 * used. `onChunk` reports progress (bytes so far).
 */
export function writeBlob(db: Database, src: BlobSource, onChunk?: (done: number) => void): WrittenBlob {
  const rid = ((cachedStatement(db, 'SELECT max(rid) FROM attachment_blobs').pluck().get() as number | null) ?? 0) + 1;
  const insertChunk = cachedStatement(db, 'INSERT INTO attachment_chunks (blob, n, data) VALUES (?, ?, ?)');
  const hash = createHash('sha256');
  const scan = new ContentScan(src.type);
  const buf = Buffer.allocUnsafe(CHUNK_SIZE);
  db.exec('SAVEPOINT attachment_blob');
  try {
    let done = 0;
    let n = 0;
    while (done < src.size) {
      const want = Math.min(CHUNK_SIZE, src.size - done);
      let got = 0;
      while (got < want) {
        const r = readOrFail(src.fd, buf.subarray(got), want - got, done + got, src.name);
        if (r === 0) throw changed(src.name, `it ended after ${done + got} of ${src.size} bytes`);
        got += r;
      }
      const chunk = buf.subarray(0, want);
      if (n === 0 && createHash('sha256').update(chunk.subarray(0, src.headCheck.length)).digest('hex') !== src.headCheck.sha256) {
        throw changed(src.name, 'its first bytes differ from those examined');
      }
      hash.update(chunk);
      scan.update(chunk);
      insertChunk.run(rid, n, chunk);
      n++;
      done += want;
      onChunk?.(done);
    }
    // Nothing may follow: a file still growing is not the file that was checked.
    if (readOrFail(src.fd, buf, 1, src.size, src.name) !== 0) throw changed(src.name, `it grew past ${src.size} bytes`);
    const sha256 = hash.digest('hex');
    if (src.extractedSha256 !== undefined && src.extractedSha256 !== sha256) throw changed(src.name, 'its bytes differ from those whose text was read');
    const warnings = scan.warnings(src.name);
    const existing = cachedStatement(db, 'SELECT rid FROM attachment_blobs WHERE sha256 = ?').pluck().get(sha256) as number | undefined;
    if (existing !== undefined) {
      db.exec('ROLLBACK TO attachment_blob');
      db.exec('RELEASE attachment_blob');
      return { rid: existing, sha256, size: src.size, existing: true, warnings };
    }
    cachedStatement(db, 'INSERT INTO attachment_blobs (rid, sha256, size, type, chunk_size, chunks, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      rid,
      sha256,
      src.size,
      src.type,
      CHUNK_SIZE,
      n,
      new Date().toISOString(),
    );
    db.exec('RELEASE attachment_blob');
    return { rid, sha256, size: src.size, existing: false, warnings };
  } catch (err) {
    // Roll the savepoint back when the transaction still stands (SQLITE_FULL may have ended it).
    if (db.inTransaction) {
      db.exec('ROLLBACK TO attachment_blob');
      db.exec('RELEASE attachment_blob');
    }
    throw err;
  }
}

export interface BlobRow {
  rid: number;
  sha256: string;
  size: number;
  type: string;
  chunks: number;
}

export function blobRow(db: Database, rid: number): BlobRow {
  const row = cachedStatement(db, 'SELECT rid, sha256, size, type, chunks FROM attachment_blobs WHERE rid = ?').get(rid) as BlobRow | undefined;
  if (!row) throw new CordonError('NOT_FOUND', 'The attachment has no stored content.');
  return row;
}

/**
 * The chunks of a blob in order, each checked against the blob's size and, at the end, its
 * SHA-256: what comes out is what went in, or an error.
 */
export function* readBlob(db: Database, rid: number): Generator<Buffer> {
  const blob = blobRow(db, rid);
  const hash = createHash('sha256');
  let size = 0;
  let n = 0;
  // One chunk at a time by key: an iterator would hold a read statement open across the caller's work.
  const chunk = cachedStatement(db, 'SELECT data FROM attachment_chunks WHERE blob = ? AND n = ?').pluck();
  for (; n < blob.chunks; n++) {
    const data = chunk.get(rid, n) as Buffer | undefined;
    if (!data) throw new CordonError('CORRUPT_CASE', `Attachment content ${blob.sha256.slice(0, 12)}… is missing chunk ${n}.`);
    hash.update(data);
    size += data.length;
    yield data;
  }
  if (size !== blob.size || hash.digest('hex') !== blob.sha256) {
    throw new CordonError('CORRUPT_CASE', `Attachment content ${blob.sha256.slice(0, 12)}… does not match its recorded hash.`);
  }
}

/** The whole blob in memory, for the few readers that need it (bounded by the caller). */
export function readBlobBytes(db: Database, rid: number, maxBytes: number): Buffer {
  const blob = blobRow(db, rid);
  if (blob.size > maxBytes) throw new CordonError('INVALID_INPUT', `The attachment is ${blob.size} bytes, over the ${maxBytes}-byte limit for this use.`);
  return Buffer.concat([...readBlob(db, rid)], blob.size);
}

/** Writes a blob (optionally through a transform of the whole) to a new file; removes the file on failure. */
export function writeBlobToFile(db: Database, rid: number, out: string, overwrite: boolean, transform?: (bytes: Buffer) => Buffer): number {
  let fd: number;
  try {
    fd = openSync(out, overwrite ? 'w' : 'wx', 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CordonError('FILE_EXISTS', `${out} exists already; choose another name.`);
    if (code === 'ENOENT') throw new CordonError('FILE_NOT_FOUND', `The folder of ${out} does not exist.`);
    throw new CordonError('INVALID_INPUT', `${out} could not be written.`);
  }
  let written = 0;
  try {
    const parts = transform ? [transform(readBlobBytes(db, rid, 512 * 1024 * 1024))] : readBlob(db, rid);
    for (const part of parts) {
      let off = 0;
      while (off < part.length) off += writeSync(fd, part, off, part.length - off);
      written += part.length;
    }
    closeSync(fd);
    return written;
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // closed already
    }
    unlinkSync(out);
    if (err instanceof CordonError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOSPC') throw new CordonError('INVALID_INPUT', `The disk is full: ${out} was not written.`);
    throw new CordonError('INVALID_INPUT', `${out} could not be written.`);
  }
}

/** Deletes a blob, its chunks and its text when no attachment uses it any more; null when still used. Returns the bytes freed. */
export function deleteBlobIfUnused(db: Database, rid: number): number | null {
  const users = cachedStatement(db, 'SELECT count(*) FROM attachments WHERE blob = ?').pluck().get(rid) as number;
  if (users > 0) return null;
  const size = (cachedStatement(db, 'SELECT size FROM attachment_blobs WHERE rid = ?').pluck().get(rid) as number | undefined) ?? 0;
  cachedStatement(db, 'DELETE FROM attachment_text WHERE rowid IN (SELECT rid FROM attachment_pages WHERE blob = ?)').run(rid);
  cachedStatement(db, 'DELETE FROM attachment_pages WHERE blob = ?').run(rid);
  cachedStatement(db, 'DELETE FROM attachment_chunks WHERE blob = ?').run(rid);
  cachedStatement(db, 'DELETE FROM attachment_thumbnails WHERE blob = ?').run(rid);
  cachedStatement(db, 'DELETE FROM attachment_blobs WHERE rid = ?').run(rid);
  return size;
}
