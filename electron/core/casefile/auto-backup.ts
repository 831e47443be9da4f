import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { AutoBackupPolicy, AutoBackupRun } from '../../../shared/casefile/dto';
import { CordonError } from '../../../shared/errors';
import type { Case } from '../store/case';
import { backupCase, lastBackup } from './backup';

// Automatic backups with rotation (issue 21): the analyst names a folder (often a second disk or
// a removable drive), how often and how many to keep; the app asks the core at opening and every
// hour whether one is due. Each automatic backup is an ordinary verified backup under a name that
// says it is automatic and when it was made, so rotation only ever removes Cordon's own automatic
// copies of this case, oldest first, and only after the new one verified.

const POLICY = 'auto_backup';

export function autoBackupPolicy(c: Case): AutoBackupPolicy | null {
  const v = c.meta(POLICY);
  return v ? (JSON.parse(v) as AutoBackupPolicy) : null; // '' when turned off
}

export function setAutoBackupPolicy(c: Case, policy: AutoBackupPolicy | null): AutoBackupPolicy | null {
  if (policy) {
    const folder = resolve(policy.folder);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CordonError('FILE_NOT_FOUND', `No folder at ${folder}: choose an existing folder for the automatic backups.`);
    policy = { ...policy, folder };
  }
  c.write(() => {
    // Turned off is an empty value: meta rows are kept, as the audit keeps what was set.
    c.setMeta(POLICY, policy ? JSON.stringify(policy) : '');
    c.audit.append({ actor: c.actor, action: 'case.auto-backup', detail: policy ? { ...policy } : { off: true } });
  });
  return policy;
}

/** `<case name>-auto-<UTC time>.cordon`: sorts by time, and names the case it comes from. */
export function autoBackupName(casePath: string, at: Date): string {
  const stem = basename(casePath, extname(casePath));
  return `${stem}-auto-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}.cordon`;
}

/** The automatic backups of this case in `folder`, oldest first. */
export function autoBackupsIn(folder: string, casePath: string): string[] {
  const stem = basename(casePath, extname(casePath));
  const own = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-auto-\\d{8}T\\d{6}Z\\.cordon$`);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter((n) => own.test(n)).sort();
}

/** Whether a backup is due under `policy`: none yet, or the last one older than its interval. */
export function autoBackupDue(c: Case, policy: AutoBackupPolicy, now: Date): boolean {
  const last = lastBackup(c);
  return !last || now.getTime() - Date.parse(last.at) >= policy.everyHours * 3600_000;
}

/**
 * Makes the automatic backup when one is due, then removes the oldest automatic backups beyond
 * `keep`. A missing folder (the drive not plugged in) is said, not thrown: the next check tries
 * again. A backup that fails to verify keeps every older copy.
 */
export async function autoBackupIfDue(c: Case, now = new Date()): Promise<AutoBackupRun> {
  const policy = autoBackupPolicy(c);
  if (!policy) return { ran: false, reason: 'off', backup: null, removed: [] };
  if (!autoBackupDue(c, policy, now)) return { ran: false, reason: 'not-due', backup: null, removed: [] };
  if (!existsSync(policy.folder)) return { ran: false, reason: 'folder-missing', backup: null, removed: [] };
  const out = join(policy.folder, autoBackupName(c.path, now));
  if (existsSync(out)) return { ran: false, reason: 'not-due', backup: null, removed: [] };
  const backup = await backupCase(c, out, () => now);
  const own = autoBackupsIn(policy.folder, c.path);
  const removed: string[] = [];
  for (const name of own.slice(0, Math.max(0, own.length - policy.keep))) {
    const p = join(policy.folder, name);
    if (p === out) continue;
    rmSync(p, { force: true });
    removed.push(p);
  }
  if (removed.length) c.write(() => c.audit.append({ actor: c.actor, action: 'case.auto-backup.rotate', detail: { removed: removed.map((p) => basename(p)) } }));
  return { ran: true, reason: 'done', backup, removed };
}
