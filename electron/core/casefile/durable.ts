import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { CordonError } from '../../../shared/errors';

// Writing a file so that a crash or a power cut leaves either the old one or the whole new one
// (the way SQLite and KeePassXC replace a file): write under a temporary name beside the target
// (same filesystem, so the rename is atomic), fsync it, check it, rename it over, fsync the folder.

/** A hidden temporary name beside `target`, tagged with what is being written. Stale temporaries
 * that a killed backup, rekey or restore left beside the same target are removed first. */
export function tempBeside(target: string, tag: string): string {
  sweepStaleTemps(target);
  return join(dirname(target), `.${basename(target)}.${tag}-${randomBytes(4).toString('hex')}.tmp`);
}

const TEMP_NAME = /^\.(.+)\.(?:backup|rekey|restore)-[0-9a-f]{8}\.tmp$/;

/**
 * A temporary untouched for this long belongs to no running operation: VACUUM INTO writes its
 * file continuously, and the check and hash that follow take seconds to minutes even for a
 * gigabyte on slow removable media. A younger one may be another Cordon's backup under way.
 */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Removes the temporaries that a killed or powered-off backup, rekey or restore left beside
 * `target` (encrypted, but a whole copy of the case each: on a full USB stick they are the reason
 * the next backup fails). Only Cordon's own names for this target, and only stale ones. Returns
 * the names removed; a file that cannot be removed is left and the operation goes on.
 */
export function sweepStaleTemps(target: string, now = Date.now(), maxAgeMs = STALE_TEMP_MS): string[] {
  const dir = dirname(target);
  const name = basename(target);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    if (TEMP_NAME.exec(entry)?.[1] !== name) continue;
    const path = join(dir, entry);
    try {
      const st = statSync(path);
      if (!st.isFile() || now - st.mtimeMs < maxAgeMs) continue;
      rmSync(path);
      removed.push(entry);
    } catch {
      // gone meanwhile, or not ours to remove: left as it is
    }
  }
  return removed;
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in `dir` durable. Some filesystems refuse to fsync a folder; the rename stands. */
export function fsyncDir(dir: string): void {
  let fd: number;
  try {
    fd = openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // EINVAL on some filesystems (FAT on removable media): nothing more can be done.
  } finally {
    closeSync(fd);
  }
}

export function renameDurably(from: string, to: string): void {
  renameSync(from, to);
  fsyncDir(dirname(to));
}

export async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { sha256: hash.digest('hex'), bytes: statSync(path).size };
}

/**
 * SQLite's own failures that the user can act on, as typed errors: a damaged file (a page that
 * fails its authentication or does not parse) and a full disk. Others stay INTERNAL.
 */
export function storeFailure(err: unknown): CordonError | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new CordonError('CORRUPT_CASE', 'The case file is damaged: part of it cannot be read. Check it with cordon verify and restore it from a backup.');
  }
  return diskFullError(err, 'Writing to the case');
}

/** A write that failed for lack of space (or of the file-size limit) as a clear error; else null. */
export function diskFullError(err: unknown, what: string): CordonError | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return null;
  if (code === 'ENOSPC' || code === 'EFBIG' || code === 'EDQUOT' || code === 'SQLITE_FULL') {
    return new CordonError('DISK_FULL', `${what} failed: the disk is full (or the file-size limit was reached). Nothing was changed; free some space and try again.`);
  }
  // SQLite reports a write refused by the file-size limit (EFBIG) as an I/O error, not as full.
  if (code.startsWith('SQLITE_IOERR')) {
    return new CordonError('DISK_FULL', `${what} failed: the disk refused the write (it is full, the file-size limit was reached, or the disk is failing). Nothing was changed; free some space and try again.`);
  }
  return null;
}
