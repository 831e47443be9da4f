import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackupResult } from '../../../shared/casefile/dto';
import { CordonError } from '../../../shared/errors';
import type { Case } from '../store/case';
import { applyCipher, headerKdf } from '../store/case-file';
import { zero } from '../store/keys';
import { resolveNativeBinding } from '../store/native';
import { diskFullError, fsyncFile, renameDurably, sha256File, tempBeside } from './durable';
import { checkDatabase } from './verify';

// `cordon backup` (issue 21): a consistent copy of the open case, while it is in use, through
// SQLite's VACUUM INTO. It reads one snapshot in a read transaction (other writes wait or go on in
// the WAL), and SQLite3 Multiple Ciphers writes the copy encrypted with the case's own key and
// salt: the backup opens with the passphrase the case had when it was made. (The online-backup
// API refuses an encrypted source with a differently keyed target, and a file copy of a live
// database can catch it half-written.) The copy is written under a temporary name, fsynced,
// opened and checked with the key, and only then renamed to its name.

export const quoteSql = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Writes a verified backup of `c` to `out` (which must not exist). */
export async function backupCase(c: Case, outPath: string, now: () => Date = () => new Date()): Promise<BackupResult> {
  const out = resolve(outPath);
  if (out === resolve(c.path)) throw new CordonError('INVALID_INPUT', 'A backup cannot replace the case it is made from: choose another file.');
  if (existsSync(out)) throw new CordonError('FILE_EXISTS', `A file already exists at ${out}; choose another name.`);
  const tmp = tempBeside(out, 'backup');
  const key = c.bulk.keyCopy();
  if (!key) throw new CordonError('INTERNAL', 'the case has no key');
  try {
    try {
      c.db.exec(`VACUUM INTO ${quoteSql(tmp)}`);
      fsyncFile(tmp);
    } catch (err) {
      throw diskFullError(err, `The backup to ${out}`) ?? new CordonError('INTERNAL', `The backup to ${out} could not be written (${(err as { code?: string }).code ?? 'error'}).`);
    }
    const kdf = headerKdf(tmp);
    const db = new Database(tmp, { fileMustExist: true, nativeBinding: resolveNativeBinding() });
    try {
      applyCipher(db, null, key);
      const report = checkDatabase(db, kdf);
      if (!report.ok) throw new CordonError('BACKUP_INVALID', `The backup did not verify (${report.problem}); it was not kept.`);
    } catch (err) {
      if (err instanceof CordonError) throw err;
      throw new CordonError('BACKUP_INVALID', 'The backup could not be read back with the case key; it was not kept.');
    } finally {
      db.close();
    }
    const { sha256, bytes } = await sha256File(tmp);
    renameDurably(tmp, out);
    const result: BackupResult = { path: out, bytes, sha256, verified: true, at: now().toISOString() };
    c.write(() => {
      c.setMeta('last_backup', JSON.stringify(result));
      c.audit.append({ actor: c.actor, action: 'case.backup', target: out, detail: { bytes, sha256 } });
    });
    return result;
  } finally {
    zero(key);
    rmSync(tmp, { force: true });
  }
}

export function lastBackup(c: Case): BackupResult | null {
  const v = c.meta('last_backup');
  return v ? (JSON.parse(v) as BackupResult) : null;
}
