import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CordonError } from '../../../shared/errors';
import type { VerifyReport } from '../../../shared/casefile/dto';
import { AuditLog } from '../store/audit';
import { CURRENT_KDF_PROFILE, KDF_PROFILES, openCaseFileWith } from '../store/case-file';
import type { KdfParams } from '../store/keys';
import { SCHEMA_VERSION } from '../store/migrations';

// `cordon verify` (issue 21): the file opens, SQLite's integrity and foreign-key checks pass, the
// audit chain verifies, and the header's key parameters are ones this version knows.

/** The checks on an open connection (the case itself, a backup, a rekeyed copy). */
export function checkDatabase(db: Database, kdf: KdfParams | null): VerifyReport {
  const rows = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  const integrity = rows.length === 1 && rows[0] === 'ok' ? 'ok' : rows.slice(0, 5).join('; ');
  const foreignKeys = (db.pragma('foreign_key_check') as unknown[]).length;
  let audit: VerifyReport['audit'];
  try {
    const v = new AuditLog(db).verify();
    audit = { ok: v.ok, rows: v.rows, reason: v.reason };
  } catch {
    audit = { ok: false, rows: 0, reason: 'the audit log cannot be read' };
  }
  const schema = db.pragma('user_version', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const profile = kdf ? Number.parseInt(kdf.salt.slice(30, 32), 16) : null;
  const header = { pageSize, kdfProfile: profile, kdf: kdf ? { algorithm: kdf.algorithm, memoryKiB: kdf.memoryKiB, iterations: kdf.iterations, parallelism: kdf.parallelism } : null };
  const headerOk = pageSize === 4096 && (profile === null || (KDF_PROFILES[profile] !== undefined && profile <= CURRENT_KDF_PROFILE)) && schema >= 1 && schema <= SCHEMA_VERSION;
  const ok = integrity === 'ok' && foreignKeys === 0 && audit.ok && headerOk;
  return { ok, integrity, foreignKeys, audit, schema, header, problem: ok ? null : firstProblem(integrity, foreignKeys, audit, headerOk) };
}

function firstProblem(integrity: string, foreignKeys: number, audit: VerifyReport['audit'], headerOk: boolean): string {
  if (integrity !== 'ok') {
    // SQLite lists every damaged page on its own line: the sentence names how many and the first
    // (the report keeps the whole list in `integrity`).
    const lines = integrity.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('***'));
    const first = lines[0] ?? integrity;
    return lines.length > 1 ? `the database is damaged: ${lines.length} problems, the first: ${first}` : `the database is damaged: ${first}`;
  }
  if (foreignKeys > 0) return `${foreignKeys} reference${foreignKeys === 1 ? '' : 's'} point to rows that do not exist`;
  if (!audit.ok) return `the audit log does not verify: ${audit.reason ?? 'broken'}`;
  if (!headerOk) return 'the header or key parameters are not ones this version writes';
  return 'unknown';
}

/** Opened-file errors that are the file's fault (a report, ok false); others (a wrong key) throw. */
const FILE_FAULTS = new Set(['CORRUPT_CASE', 'NOT_A_CASE', 'NEWER_VERSION']);

/** Opens `path` with the key `keyFor` gives, only to look (no migration), and checks it. */
export async function verifyCaseFile(path: string, keyFor: (kdf: KdfParams) => Promise<Buffer>): Promise<VerifyReport> {
  let opened;
  try {
    opened = await openCaseFileWith(path, keyFor, { check: true });
  } catch (err) {
    if (err instanceof CordonError && FILE_FAULTS.has(err.code)) {
      return { ok: false, integrity: `${err.code}: ${err.message}`, foreignKeys: 0, audit: { ok: false, rows: 0, reason: null }, schema: null, header: null, problem: err.message };
    }
    throw err;
  }
  try {
    return checkDatabase(opened.db, opened.kdf);
  } catch (err) {
    return { ok: false, integrity: 'the database could not be read to the end', foreignKeys: 0, audit: { ok: false, rows: 0, reason: null }, schema: null, header: null, problem: `the case file is damaged (${(err as { code?: string }).code ?? 'read error'})` };
  } finally {
    opened.db.close();
    opened.key.fill(0);
  }
}
