import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, rmSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import type { RekeyResult } from '../../../shared/casefile/dto';
import { CordonError } from '../../../shared/errors';
import type { Session } from '../session';
import { AuditLog } from '../store/audit';
import { Case } from '../store/case';
import { applyCipher, CURRENT_KDF_PROFILE, headerKdf, KDF_PROFILES, newSalt, openCaseFileWith, passphraseKey } from '../store/case-file';
import { zero, type KdfParams } from '../store/keys';
import { resolveNativeBinding } from '../store/native';
import { quoteSql } from './backup';
import { diskFullError, fsyncFile, renameDurably, tempBeside } from './durable';
import { encodeRecoveryKey } from './recovery-key';
import { checkDatabase } from './verify';

// A change of passphrase (issue 21): the case is re-encrypted with a new key from the new
// passphrase and a new salt, atomically. A copy is made (VACUUM INTO, same key), re-encrypted in
// place under its temporary name (SQLite3MC's rekey, given the new raw key and salt), audited,
// fsynced and checked with the new key; only then is it renamed over the case. A crash before the
// rename leaves the old file (opening with the old passphrase) and a stray temporary; after it,
// the new file (opening with the new). Backups keep the key they were made with.

export type RekeyReason = 'case.rekey' | 'case.recover';

export const RECOVERY_POLICY = 'recovery_policy';

/** Whether `passphrase` is the open case's: derives its key and compares, in constant time. */
export async function checkPassphrase(c: Case, passphrase: string): Promise<void> {
  const kdf = headerKdf(c.path);
  const current = c.bulk.keyCopy();
  if (!kdf || !current) throw new CordonError('INTERNAL', 'the case has no key');
  const given = await passphraseKey(passphrase, kdf);
  try {
    if (!timingSafeEqual(given, current)) throw new CordonError('WRONG_PASSPHRASE', 'That is not the passphrase of this case.');
  } finally {
    zero(given);
    zero(current);
  }
}

/** Re-encrypts the session's open case with a key from `newPassphrase`; the case stays open. */
export async function rekeyOpenCase(session: Session, newPassphrase: string, reason: RekeyReason): Promise<RekeyResult> {
  const c = session.case;
  const kdf: KdfParams = { ...KDF_PROFILES[CURRENT_KDF_PROFILE]!, salt: newSalt().toString('hex') };
  // Derived first: everything after it is synchronous, so no other call writes meanwhile.
  const newKey = await passphraseKey(newPassphrase, kdf);
  const oldKey = c.bulk.keyCopy();
  if (!oldKey) throw new CordonError('INTERNAL', 'the case has no key');
  const declined = c.meta(RECOVERY_POLICY) === 'declined';
  const tmp = tempBeside(c.path, 'rekey');
  try {
    writeRekeyed(c, tmp, oldKey, newKey, kdf, reason, declined);
    const checked = await openCaseFileWith(tmp, async () => Buffer.from(newKey), { check: true });
    try {
      const report = checkDatabase(checked.db, checked.kdf);
      if (!report.ok) throw new CordonError('BACKUP_INVALID', `The re-encrypted case did not verify (${report.problem}); the passphrase was not changed.`);
    } finally {
      checked.db.close();
      zero(checked.key);
    }
    await session.reopen(
      (path) => {
        // Our connection is closed: a WAL still there belongs to another process holding the case.
        if (existsSync(`${path}-wal`)) throw new CordonError('CASE_ALREADY_OPEN', 'The case is open in another Cordon window or process: close it there first. The passphrase was not changed.');
        renameDurably(tmp, path);
      },
      (path) => Case.openWithKey(path, async () => Buffer.from(newKey)),
      (path) => Case.openWithKey(path, async () => Buffer.from(oldKey)),
    );
    return { path: c.path, recoveryKey: declined ? null : encodeRecoveryKey(newKey) };
  } catch (err) {
    throw diskFullError(err, 'The change of passphrase') ?? err;
  } finally {
    rmSync(tmp, { force: true });
    zero(newKey);
    zero(oldKey);
  }
}

function writeRekeyed(c: Case, tmp: string, oldKey: Buffer, newKey: Buffer, kdf: KdfParams, reason: RekeyReason, declined: boolean): void {
  c.db.exec(`VACUUM INTO ${quoteSql(tmp)}`);
  const db = new Database(tmp, { fileMustExist: true, nativeBinding: resolveNativeBinding() });
  try {
    applyCipher(db, null, oldKey);
    db.pragma(`rekey = "x'${newKey.toString('hex')}${kdf.salt}'"`);
    const audit = new AuditLog(db);
    db.transaction(() => {
      db.prepare("INSERT INTO meta (key, value) VALUES ('kdf', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify({ ...kdf, salt: undefined }));
      audit.append({
        actor: c.actor,
        action: reason,
        target: c.meta('case_id') ?? null,
        // Never a passphrase nor a key: what changed, and whether a new recovery key was issued.
        detail: { kdf: { algorithm: kdf.algorithm, memoryKiB: kdf.memoryKiB, iterations: kdf.iterations }, recoveryKey: declined ? 'declined' : 'issued', oldBackups: 'open with the previous passphrase' },
      });
    })();
  } finally {
    db.close();
  }
  fsyncFile(tmp);
}
