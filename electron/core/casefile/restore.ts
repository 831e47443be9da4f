import { copyFileSync, existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RestoreResult } from '../../../shared/casefile/dto';
import { CordonError } from '../../../shared/errors';
import type { KdfParams } from '../store/keys';
import { diskFullError, fsyncFile, renameDurably, sha256File, tempBeside } from './durable';
import { verifyCaseFile } from './verify';

// `cordon restore BACKUP FILE` (issue 21): the backup is checked first (it opens with the key,
// integrity, foreign keys, audit chain); an existing FILE is replaced only with `force`, and kept
// beside it as FILE.replaced-<time> (with its WAL, if it had one). The copy is written under a
// temporary name and renamed over FILE, so FILE is at every moment the old file or the whole backup.

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

export async function restoreCase(backupPath: string, targetPath: string, keyFor: (kdf: KdfParams) => Promise<Buffer>, force: boolean): Promise<RestoreResult> {
  const backup = resolve(backupPath);
  const target = resolve(targetPath);
  if (backup === target) throw new CordonError('INVALID_INPUT', 'The backup and the case to restore are the same file.');
  if (!existsSync(backup)) throw new CordonError('FILE_NOT_FOUND', `No backup at ${backup}.`);
  if (existsSync(`${backup}-wal`)) {
    throw new CordonError('INVALID_INPUT', `${backup} is open, or was not closed cleanly (it has a write-ahead log beside it): it is a case, not a backup. Make a backup of it with cordon backup.`);
  }
  const report = await verifyCaseFile(backup, keyFor);
  if (!report.ok) throw new CordonError('BACKUP_INVALID', `The backup ${backup} did not verify: ${report.problem}. Nothing was restored.`);
  if (existsSync(target) && !force) {
    throw new CordonError('FILE_EXISTS', `A case already exists at ${target}. Restore with --force to replace it (the replaced file is kept beside it).`);
  }
  const { sha256 } = await sha256File(backup);
  const tmp = tempBeside(target, 'restore');
  let replaced: string | null = null;
  try {
    try {
      copyFileSync(backup, tmp);
      fsyncFile(tmp);
    } catch (err) {
      throw diskFullError(err, `The restore to ${target}`) ?? err;
    }
    if ((await sha256File(tmp)).sha256 !== sha256) throw new CordonError('BACKUP_INVALID', 'The copy of the backup differs from the backup; nothing was restored.');
    if (existsSync(target)) {
      replaced = `${target}.replaced-${stamp()}`;
      // A second name for the old file (the target keeps its own until the rename below replaces it).
      try {
        linkSync(target, replaced);
      } catch {
        copyFileSync(target, replaced);
      }
      for (const side of ['-wal', '-shm']) if (existsSync(target + side)) renameSync(target + side, replaced + side);
    }
    renameDurably(tmp, target);
    return { path: target, replaced, verified: true };
  } finally {
    rmSync(tmp, { force: true });
  }
}
