import { z } from 'zod';
import { filePath, method, passphrase } from '../contract';
import type { AutoBackupPolicy, AutoBackupRun, BackupResult, BackupStatus, RecoveryKeyResult, RekeyResult, RestoreResult, VerifyReport } from './dto';

// The case file's own care (issue 21): backup, verify and restore; change of passphrase; recovery keys.

export const casefileApi = {
  /** A verified, encrypted copy of the open case (same key) at `path`, which must not exist. */
  'casefile.backup': method<BackupResult>()(z.object({ path: filePath })),
  /** Automatic backups of the open case into `folder` every `everyHours`, keeping the last `keep`; null turns them off. */
  'casefile.setAutoBackup': method<AutoBackupPolicy | null>()(
    z.object({
      policy: z.object({ folder: filePath, everyHours: z.number().int().min(1).max(24 * 31), keep: z.number().int().min(1).max(365) }).nullable(),
    }),
  ),
  /** Makes the automatic backup if one is due (the app asks at opening and every hour). */
  'casefile.autoBackupIfDue': method<AutoBackupRun>()(z.object({})),
  /** The last backup made from the open case. */
  'casefile.backupStatus': method<BackupStatus>()(z.object({})),
  /** Checks a case file (or backup) that is not open: it opens, integrity, foreign keys, audit chain, header. */
  'casefile.verify': method<VerifyReport>()(z.object({ path: filePath, passphrase })),
  /** The same checks on the open case. */
  'casefile.verifyOpen': method<VerifyReport>()(z.object({})),
  /** Restores `backup` to `path` (no case open there); an existing file is replaced only with `force` and kept beside it. */
  'casefile.restore': method<RestoreResult>()(z.object({ backup: filePath, path: filePath, passphrase, force: z.boolean().default(false) })),
  /** Re-encrypts the open case with a key from `newPassphrase` (new salt); `passphrase` is the current one. */
  'casefile.rekey': method<RekeyResult>()(z.object({ passphrase, newPassphrase: passphrase })),
  /** A recovery key for the open case, to be shown once; refused when the case declined them. */
  'casefile.recoveryKey': method<RecoveryKeyResult>()(z.object({ passphrase })),
  /** This case never issues recovery keys (a policy for the most sensitive cases). */
  'casefile.declineRecoveryKeys': method<null>()(z.object({})),
  /** Opens the case at `path` with its recovery key and sets `newPassphrase` (a new key, a new recovery key). */
  'casefile.recover': method<RekeyResult>()(z.object({ path: filePath, recoveryKey: z.string().trim().min(1).max(200), newPassphrase: passphrase })),
};
