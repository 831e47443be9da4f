import type { Handlers } from '../../../shared/api';
import { CordonError } from '../../../shared/errors';
import type { Session } from '../session';
import { Case } from '../store/case';
import { passphraseKey } from '../store/case-file';
import { autoBackupIfDue, autoBackupPolicy, setAutoBackupPolicy } from './auto-backup';
import { backupCase, lastBackup } from './backup';
import { decodeRecoveryKey, encodeRecoveryKey } from './recovery-key';
import { checkPassphrase, rekeyOpenCase, RECOVERY_POLICY } from './rekey';
import { restoreCase } from './restore';
import { checkDatabase, verifyCaseFile } from './verify';
import { headerKdf } from '../store/case-file';
import { resolve } from 'node:path';

type CasefileMethod = Extract<keyof Handlers, `casefile.${string}`>;

export function casefileHandlers(session: Session): Pick<Handlers, CasefileMethod> {
  return {
    'casefile.backup': async ({ path }) => backupCase(session.case, path, () => new Date(session.now())),
    'casefile.backupStatus': async () => ({ last: lastBackup(session.case), auto: autoBackupPolicy(session.case) }),
    'casefile.setAutoBackup': async ({ policy }) => setAutoBackupPolicy(session.case, policy),
    'casefile.autoBackupIfDue': async () => autoBackupIfDue(session.case, new Date(session.now())),
    'casefile.verify': async ({ path, passphrase }) => {
      if (session.openCase && resolve(session.openCase.path) === resolve(path)) return checkDatabase(session.openCase.db, headerKdf(path));
      return verifyCaseFile(path, (kdf) => passphraseKey(passphrase, kdf));
    },
    'casefile.verifyOpen': async () => checkDatabase(session.case.db, headerKdf(session.case.path)),
    'casefile.restore': async ({ backup, path, passphrase, force }) => {
      if (session.openCase && resolve(session.openCase.path) === resolve(path)) {
        throw new CordonError('CASE_ALREADY_OPEN', 'That case is open: close it before restoring over it.');
      }
      return restoreCase(backup, path, (kdf) => passphraseKey(passphrase, kdf), force);
    },
    'casefile.rekey': async ({ passphrase, newPassphrase }) => {
      const c = session.case;
      await checkPassphrase(c, passphrase);
      if (passphrase === newPassphrase) throw new CordonError('INVALID_INPUT', 'The new passphrase is the same as the current one.');
      return rekeyOpenCase(session, newPassphrase, 'case.rekey');
    },
    'casefile.recoveryKey': async ({ passphrase }) => {
      const c = session.case;
      // Right after creation (nothing written since) the passphrase was just typed twice: no second Argon2id.
      if (!c.justCreated) await checkPassphrase(c, passphrase);
      if (c.meta(RECOVERY_POLICY) === 'declined') {
        throw new CordonError('CONSTRAINT', 'This case declined recovery keys when it was created: none can be issued.');
      }
      const key = c.bulk.keyCopy()!;
      try {
        c.write(() => {
          c.setMeta(RECOVERY_POLICY, 'issued');
          c.audit.append({ actor: c.actor, action: 'case.recovery-key', detail: { issued: true } });
        });
        return { recoveryKey: encodeRecoveryKey(key) };
      } finally {
        key.fill(0);
      }
    },
    'casefile.declineRecoveryKeys': async () => {
      const c = session.case;
      c.justCreated = false;
      c.write(() => {
        c.setMeta(RECOVERY_POLICY, 'declined');
        c.audit.append({ actor: c.actor, action: 'case.recovery-key', detail: { declined: true } });
      });
      return null;
    },
    'casefile.recover': async ({ path, recoveryKey, newPassphrase }) => {
      const key = decodeRecoveryKey(recoveryKey);
      try {
        await session.adopt(() =>
          Case.openWithKey(path, async () => Buffer.from(key)).catch((err: unknown) => {
            if (err instanceof CordonError && err.code === 'WRONG_PASSPHRASE') {
              throw new CordonError('WRONG_PASSPHRASE', 'That recovery key does not open this case (a recovery key stops working when the passphrase is changed; an older one opens the backups made before).');
            }
            throw err;
          }),
        );
      } finally {
        key.fill(0);
      }
      return rekeyOpenCase(session, newPassphrase, 'case.recover');
    },
  };
}
