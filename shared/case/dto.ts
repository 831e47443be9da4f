import type { Tlp } from '../grading';

// Case files: create, open, lock, the audit trail, and cancelling a job. The data shapes its
// methods answer. Plain JSON: no Dates, no class instances. Built by electron/core/store (case.ts,
// audit.ts) and electron/core/jobs.ts.

export interface CaseInfo {
  caseId: string;
  name: string;
  bureau: string;
  path: string;
  schemaVersion: number;
  createdAt: string;
  entities: number;
  links: number;
  sources: number;
  statements: number;
  idleLockMinutes: number;
  /** Most restrictive handling code and TLP present in the case (the banner). */
  handling: string | null;
  tlp: Tlp | null;
  demo: boolean;
  /** True while the case is locked: the figures are those from just before it was locked. */
  locked: boolean;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: unknown;
  hash: string;
}

export interface AuditVerdict {
  ok: boolean;
  rows: number;
  firstBroken: number | null;
  reason: string | null;
}

/** The start screen's recent list. Only paths are kept on disk, never case names or content. */
export interface RecentCase {
  path: string;
  openedAt: string;
  exists: boolean;
}
