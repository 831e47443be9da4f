// The case file's own care (issue 21): backups, checks, restores, passphrase changes, recovery keys.

export interface VerifyReport {
  ok: boolean;
  /** "ok", or what SQLite's integrity check (or the open) found. */
  integrity: string;
  /** Rows whose references point nowhere (PRAGMA foreign_key_check). */
  foreignKeys: number;
  audit: { ok: boolean; rows: number; reason: string | null };
  /** The schema version, or null when the file did not open. */
  schema: number | null;
  header: { pageSize: number; kdfProfile: number | null; kdf: { algorithm: string; memoryKiB: number; iterations: number; parallelism: number } | null } | null;
  /** The first problem found, in a sentence; null when ok. */
  problem: string | null;
}

export interface BackupResult {
  path: string;
  bytes: number;
  sha256: string;
  verified: true;
  /** When the backup was written (ISO). */
  at: string;
}

export interface RestoreResult {
  path: string;
  /** Where the file that was replaced was kept (null when there was none). */
  replaced: string | null;
  verified: true;
}

export interface RekeyResult {
  path: string;
  /** A new recovery key for the new case key, to be shown once; null when the case declined them. */
  recoveryKey: string | null;
}

export interface RecoveryKeyResult {
  recoveryKey: string;
}

export interface BackupStatus {
  /** The last backup written and verified from this case (null when none). */
  last: BackupResult | null;
  /** The automatic backups set for this case (null when off). */
  auto: AutoBackupPolicy | null;
}

/** Automatic backups: where, how often, how many kept. */
export interface AutoBackupPolicy {
  folder: string;
  everyHours: number;
  keep: number;
}

export interface AutoBackupRun {
  ran: boolean;
  /** done; off (no policy); not-due; folder-missing (the drive not plugged in: tried again later). */
  reason: 'done' | 'off' | 'not-due' | 'folder-missing';
  backup: BackupResult | null;
  /** The older automatic backups removed by rotation (paths). */
  removed: string[];
}
