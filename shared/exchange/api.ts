import { z } from 'zod';
import { bureau, filePath, id, method } from '../contract';
import type { ExportResult, HandlingReview, ImportPreview, ImportResult, OfficerView, PackageLedgerRow, ProjectDetail, ProjectView, ReceivedPlanDetail, ReceivedPlanSummary } from './dto';

// Exchange between contact officers (issue 6, DESIGN.md §6): officers, projects, packages. Its
// methods, with their zod input schemas (shared/api.ts assembles every feature's slice into the one
// contract). Answered by electron/core/exchange.

/** What an exchange package covers (issue 6). */
const packageScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('entities'), ids: z.array(id).min(1).max(1_000_000) }),
  z.object({ kind: z.literal('search'), query: z.string().trim().min(1).max(500) }),
  z.object({ kind: z.literal('project'), id }),
  z.object({ kind: z.literal('changed') }),
]);
/** Operation plans shared in the package (issue 7), only with bureaus taking part in them. */
const packageOperations = z.array(id).max(100).default([]);

export const exchangeApi = {
  /** This workstation's officer: generates its keys (private halves only inside the case). */
  'officer.init': method<OfficerView>()(
    z.object({
      bureau,
      name: z.string().trim().min(1).max(200),
      role: z.string().trim().max(200).optional(),
      languages: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
      phone: z.string().trim().max(100).optional(),
      email: z.string().trim().max(200).optional(),
      country: z.string().trim().max(100).optional(),
      bureauName: z.string().trim().max(200).optional(),
      validDays: z.number().int().min(1).max(3650).optional(),
    }),
  ),
  'officer.me': method<OfficerView | null>()(z.object({})),
  'officer.list': method<OfficerView[]>()(z.object({})),
  'officer.get': method<OfficerView>()(z.object({ id })),
  /** Writes "my contact card" (signed JSON) to a file, e.g. on removable media. */
  'officer.exportCard': method<{ path: string; fingerprint: string; fingerprintGroups: string }>()(z.object({ path: filePath })),
  /** Adds a partner's card after checking its self-signature; unverified unless `verified`. */
  'officer.importCard': method<OfficerView>()(z.object({ path: filePath, verified: z.boolean().default(false) })),
  /** Marks a key verified; with `fingerprint` (as read aloud), only if it matches. */
  'officer.verify': method<OfficerView>()(z.object({ id, fingerprint: z.string().trim().max(200).optional() })),
  'officer.revoke': method<OfficerView>()(z.object({ id, reason: z.string().trim().min(1).max(500) })),
  'project.create': method<ProjectView>()(
    z.object({ name: z.string().trim().min(1).max(200), scope: z.string().trim().max(4000).default(''), bureaus: z.array(bureau).max(200).default([]) }),
  ),
  'project.list': method<ProjectView[]>()(z.object({})),
  'project.get': method<ProjectDetail>()(
    z.object({ id, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
  ),
  'project.addItems': method<ProjectView>()(
    z.object({ id, entityIds: z.array(id).max(100_000).default([]), sourceIds: z.array(id).max(100_000).default([]) }),
  ),
  'project.removeItems': method<ProjectView>()(
    z.object({ id, entityIds: z.array(id).max(100_000).default([]), sourceIds: z.array(id).max(100_000).default([]) }),
  ),
  /** The handling review: what an export would send and withhold, and why. Writes nothing. */
  'package.review': method<HandlingReview>()(z.object({ to: z.array(id).min(1).max(64), scope: packageScope, operations: packageOperations })),
  'package.export': method<ExportResult>()(
    z.object({ path: filePath, to: z.array(id).min(1).max(64), scope: packageScope, project: id.optional(), operations: packageOperations }),
  ),
  /** Every check, then the preview (contents and matches). Writes only the audit row. */
  'package.verify': method<ImportPreview>()(z.object({ path: filePath })),
  'package.import': method<ImportResult>()(
    z.object({ path: filePath, accept: z.union([z.literal('all'), z.object({ entities: z.array(id).max(1_000_000) })]) }),
  ),
  /** A signed receipt for an imported package, addressed to its sender. */
  'package.receipt': method<{ packageId: string; path: string; bytes: number }>()(z.object({ packageId: z.string().uuid(), path: filePath })),
  'package.list': method<PackageLedgerRow[]>()(z.object({})),
  /** Operation plans received from other bureaus (read-only), newest first. */
  'package.receivedPlans': method<ReceivedPlanSummary[]>()(z.object({})),
  'package.receivedPlan': method<ReceivedPlanDetail>()(z.object({ id })),
} as const;
