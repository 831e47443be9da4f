import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, openSync, renameSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { CordonError } from '../../../shared/errors';

// Writing a file so that a crash or a power cut leaves either the old one or the whole new one
// (the way SQLite and KeePassXC replace a file): write under a temporary name beside the target
// (same filesystem, so the rename is atomic), fsync it, check it, rename it over, fsync the folder.

/** A hidden temporary name beside `target`, tagged with what is being written. */
export function tempBeside(target: string, tag: string): string {
  return join(dirname(target), `.${basename(target)}.${tag}-${randomBytes(4).toString('hex')}.tmp`);
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

/** A write that failed for lack of space (or of the file-size limit) as a clear error; else null. */
export function diskFullError(err: unknown, what: string): CordonError | null {
  const e = err as { code?: string };
  if (e?.code === 'ENOSPC' || e?.code === 'EFBIG' || e?.code === 'EDQUOT' || e?.code === 'SQLITE_FULL' || e?.code === 'SQLITE_IOERR_WRITE') {
    return new CordonError('DISK_FULL', `${what} failed: the disk is full (or the file-size limit was reached). Nothing was changed; free some space and try again.`);
  }
  return null;
}
