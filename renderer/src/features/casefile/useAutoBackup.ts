import { useEffect } from 'react';
import { call } from '../../api';

/** How often the app asks the core whether an automatic backup is due while a case is open. */
export const CHECK_EVERY_MS = 60 * 60_000;
/** After opening, a moment for the first screen before a backup may take the core for a while. */
export const FIRST_CHECK_MS = 30_000;

/**
 * Asks the core, soon after a case opens and then every hour, to make the automatic backup if one
 * is due (casefile.autoBackupIfDue decides: the policy and the last backup are in the case).
 * Returns the function that stops asking. A failed automatic backup (a full drive) is seen on the
 * case-file page, where the last backup stays old and is flagged; the next check tries again.
 */
export function scheduleAutoBackup(check: () => Promise<{ ran: boolean }>, onRan?: () => void): () => void {
  let stopped = false;
  const run = () => {
    check().then(
      (r) => !stopped && r.ran && onRan?.(),
      () => undefined,
    );
  };
  const first = setTimeout(run, FIRST_CHECK_MS);
  const every = setInterval(run, CHECK_EVERY_MS);
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
  };
}

/** The automatic backups of the open case, asked for while the case view is shown. */
export function useAutoBackup(open: boolean, onRan?: () => void): void {
  useEffect(() => (open ? scheduleAutoBackup(() => call('casefile.autoBackupIfDue', {}), onRan) : undefined), [open, onRan]);
}
