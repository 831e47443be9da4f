import { z } from 'zod';
import { bureau, filePath, method, passphrase } from '../contract';
import type { AuditRow, AuditVerdict, CaseInfo, RecentCase } from './dto';

// Case files: create, open, lock, the audit trail, and cancelling a job. Its methods, with their
// zod input schemas (shared/api.ts assembles every feature's slice into the one contract). Answered
// by electron/core/store (case.ts, audit.ts) and electron/core/jobs.ts.

export const caseApi = {
  'case.create': method<CaseInfo>()(
    z.object({ path: filePath, passphrase, name: z.string().trim().min(1).max(200), bureau }),
  ),
  'case.open': method<CaseInfo>()(z.object({ path: filePath, passphrase })),
  'case.openDemo': method<CaseInfo>()(z.object({})),
  'case.close': method<null>()(z.object({})),
  'case.info': method<CaseInfo | null>()(z.object({})),
  'case.recent': method<RecentCase[]>()(z.object({})),
  'case.lock': method<null>()(z.object({})),
  'case.unlock': method<CaseInfo>()(z.object({ passphrase })),
  'case.setIdleLock': method<CaseInfo>()(z.object({ minutes: z.number().int().min(1).max(24 * 60) })),
  'audit.list': method<{ total: number; rows: AuditRow[] }>()(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
  ),
  'audit.verify': method<AuditVerdict>()(z.object({})),
  /** Cancels a running job (its id comes with its progress events). Answered at once. */
  'job.cancel': method<{ cancelled: boolean }>()(z.object({ job: z.string().uuid() })),
} as const;
