import { z } from 'zod';
import { GRADING_SCHEMES, TLP_LEVELS } from '../../../shared/grading';

// The `.cordonpkg` format (DESIGN.md §6), version 1: names, limits and the schemas of every JSON
// document in it. Readers check everything against these before using any of it.

export const PACKAGE_FORMAT = 'cordon-package';
export const MANIFEST_FORMAT = 'cordon-manifest';
export const CARD_FORMAT = 'cordon-contact-card';
/** Version of contact cards and receipts (unchanged since version 1). */
export const FORMAT_VERSION = 1;
/**
 * The newest package format this Cordon reads and writes. Version 2 adds operations.jsonl (shared
 * operation plans). A package without plans is still written as version 1, so a bureau that has
 * not updated keeps opening ordinary packages; one with plans is version 2, which an older reader
 * refuses as "newer than this Cordon reads" instead of as an unknown file.
 */
export const PACKAGE_VERSION = 2;
export const PACKAGE_VERSIONS = [1, 2] as const;
export type PackageVersion = (typeof PACKAGE_VERSIONS)[number];

/** Outer tar: exactly these three regular files. */
export const OUTER = { envelope: 'envelope.json', envelopeSig: 'envelope.sig', payload: 'payload.age' } as const;
/** Inner tar (the decrypted, gunzipped payload): the manifest first, then the data files in this order. */
export const INNER = {
  manifest: 'manifest.json',
  manifestSig: 'manifest.sig',
  sources: 'sources.jsonl',
  entities: 'entities.ftm.jsonl',
  // Retractions come before statements: a value retracted and then stated again ends up live.
  retractions: 'retractions.jsonl',
  statements: 'statements.jsonl',
  // Last: plan targets refer to the entities already read.
  operations: 'operations.jsonl',
  receipt: 'receipt.json',
} as const;
export const DATA_FILES = [INNER.sources, INNER.entities, INNER.retractions, INNER.statements] as const;
export const DATA_FILES_V2 = [...DATA_FILES, INNER.operations] as const;
/** The data files a package of this version holds, in order. */
export function dataFilesFor(version: PackageVersion): readonly string[] {
  return version === 1 ? DATA_FILES : DATA_FILES_V2;
}
export const RECEIPT_FILES = [INNER.receipt] as const;

/** Limits that keep a hostile package from exhausting memory or disk. */
export const LIMITS = {
  envelopeBytes: 64 * 1024,
  signatureBytes: 512,
  manifestBytes: 1024 * 1024,
  receiptBytes: 256 * 1024,
  /** One data file, decompressed. */
  fileBytes: 8 * 1024 ** 3,
  /** payload.age. */
  payloadBytes: 16 * 1024 ** 3,
  /** One JSON line. */
  lineBytes: 1024 * 1024,
  outerEntries: 3,
  innerEntries: 8,
  recipients: 64,
  /** Zero padding accepted after the end-of-archive marker (tar writers pad to 10 KiB records). */
  trailingBytes: 20 * 1024,
} as const;

/** Signature contexts: a signature made for one kind of document never verifies as another. */
export const SIG_CONTEXT = {
  envelope: 'cordon-envelope-v1',
  manifest: 'cordon-manifest-v1',
  card: 'cordon-card-v1',
} as const;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');
const bureauCode = z.string().regex(/^[A-Z0-9][A-Z0-9_]{0,15}$/);
const isoDate = z.string().min(10).max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO date');
const tlp = z.enum(TLP_LEVELS).nullable();
const kind = z.enum(['data', 'receipt']);
const packageVersion = z.union([z.literal(1), z.literal(2)]);

export const envelopeSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  version: packageVersion,
  kind,
  packageId: z.string().uuid(),
  created: isoDate,
  sender: z.strictObject({ bureau: bureauCode, officer: z.string().min(1).max(200), fingerprint: hex64 }),
  recipients: z.array(z.strictObject({ bureau: bureauCode, officer: z.string().min(1).max(200), fingerprint: hex64 })).min(1).max(LIMITS.recipients),
  tlp,
  handling: z.string().max(8).nullable(),
  payload: z.strictObject({ name: z.literal(OUTER.payload), size: z.number().int().min(1), sha256: hex64, compression: z.literal('gzip') }),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export const fileEntrySchema = z.strictObject({ name: z.string().min(1).max(100), size: z.number().int().min(0), sha256: hex64, lines: z.number().int().min(0) });

export const projectRefSchema = z.strictObject({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  scope: z.string().max(4000),
  bureaus: z.array(bureauCode).max(200),
});

export const manifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  version: packageVersion,
  kind,
  packageId: z.string().uuid(),
  created: isoDate,
  sender: z.strictObject({ bureau: bureauCode, fingerprint: hex64 }),
  recipients: z.array(hex64).min(1).max(LIMITS.recipients),
  /** Per recipient (by fingerprint): the number of this package in the sender's series to them. */
  sequence: z.record(hex64, z.number().int().min(1)),
  defaults: z.strictObject({ originator: bureauCode, tlp, handling: z.string().max(8).nullable() }),
  scope: z.string().max(200),
  project: projectRefSchema.nullable(),
  files: z.array(fileEntrySchema).max(LIMITS.innerEntries),
});
export type Manifest = z.infer<typeof manifestSchema>;

// One JSON line each. Names follow the statement model (DESIGN.md §3) and FollowTheMoney.
export const sourceLineSchema = z.strictObject({
  id: z.string().min(1).max(200),
  title: z.string().min(1).max(500),
  scheme: z.enum(GRADING_SCHEMES),
  grade: z.string().min(1).max(8),
  handling: z.string().max(8).nullable(),
  handling_conditions: z.string().max(2000).nullable(),
  tlp,
  originator: bureauCode,
  restricted_to: z.array(bureauCode).max(200),
  reference: z.string().max(500).nullable(),
  report_date: z.string().max(40).nullable(),
  created_at: isoDate,
});
export type SourceLine = z.infer<typeof sourceLineSchema>;

export const entityLineSchema = z.strictObject({
  id: z.string().min(1).max(200),
  schema: z.string().min(1).max(100),
  properties: z.record(z.string().min(1).max(100), z.array(z.string().max(10_000)).max(10_000)),
});
export type EntityLine = z.infer<typeof entityLineSchema>;

export const statementLineSchema = z.strictObject({
  entity_id: z.string().min(1).max(200),
  prop: z.string().min(1).max(100),
  value: z.string().max(10_000),
  source_id: z.string().min(1).max(200).nullable(),
  originator: bureauCode,
  first_seen: isoDate,
  last_seen: isoDate,
});
export type StatementLine = z.infer<typeof statementLineSchema>;

export const retractionLineSchema = z.strictObject({
  entity_id: z.string().min(1).max(200),
  prop: z.string().min(1).max(100),
  value: z.string().max(10_000),
  source_id: z.string().min(1).max(200).nullable(),
  originator: bureauCode,
  retracted_at: isoDate,
});
export type RetractionLine = z.infer<typeof retractionLineSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a calendar day (YYYY-MM-DD)');
const planText = z.string().max(500);

/** operations.jsonl (version 2): one shared operation plan per line, targets by entity id. */
export const operationLineSchema = z.strictObject({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(500),
  code_word: planText,
  lead_bureau: bureauCode,
  bureaus: z.array(bureauCode).min(1).max(200),
  agencies: z.array(z.string().min(1).max(200)).max(200),
  status: z.enum(['planning', 'approved', 'executing', 'concluded']),
  action_day: day.nullable(),
  phases: z.array(z.strictObject({ id: z.string().min(1).max(200), name: planText, start: day, end: day })).max(1000),
  tasks: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(200),
        phase_id: z.string().min(1).max(200).nullable(),
        title: planText,
        owner: z.string().max(200),
        start: day,
        end: day,
        depends_on: z.array(z.string().min(1).max(200)).max(1000),
      }),
    )
    .max(10_000),
  action_day_events: z.array(z.strictObject({ bureau: bureauCode, time_zone: z.string().min(1).max(100), at: isoDate, label: planText })).max(10_000),
  targets: z.array(z.strictObject({ entity_id: z.string().min(1).max(200), reason: z.string().max(2000), bureau: bureauCode })).max(10_000),
});
export type OperationLine = z.infer<typeof operationLineSchema>;

export const receiptSchema = z.strictObject({
  format: z.literal('cordon-receipt'),
  version: z.literal(FORMAT_VERSION),
  packageId: z.string().uuid(),
  payloadSha256: hex64,
  importedAt: isoDate,
  outcome: z.enum(['imported']),
  accepted: z.enum(['all', 'part']),
  counts: z.record(z.string().max(40), z.number().int().min(0)),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const cardBodySchema = z.strictObject({
  format: z.literal(CARD_FORMAT),
  version: z.literal(FORMAT_VERSION),
  bureau: z.strictObject({ code: bureauCode, country: z.string().max(100), name: z.string().max(200) }),
  officer: z.strictObject({
    name: z.string().min(1).max(200),
    role: z.string().max(200),
    languages: z.array(z.string().min(1).max(20)).max(20),
    phone: z.string().max(100),
    email: z.string().max(200),
  }),
  keys: z.strictObject({ signing: z.string().regex(/^ed25519:[A-Za-z0-9+/]{43}=$/), age: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/) }),
  validFrom: isoDate,
  validUntil: isoDate.nullable(),
  created: isoDate,
});
export type CardBody = z.infer<typeof cardBodySchema>;
export const cardSchema = z.strictObject({ card: cardBodySchema, signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/), fingerprint: hex64 });
export type Card = z.infer<typeof cardSchema>;

/** Zod issues as one line: "path: message; …". */
export function describeIssues(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
