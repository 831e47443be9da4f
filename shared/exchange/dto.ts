import type { Tlp } from '../grading';
import type { OperationStatus, PhaseView, TaskView } from '../cooperation/dto';
import type { EntitySummary } from '../entities/dto';

// Exchange between contact officers (issue 6, DESIGN.md §6): officers, projects, packages. The data
// shapes its methods answer. Plain JSON: no Dates, no class instances. Built by
// electron/core/exchange.

/** self: this workstation's officer; expired/revoked win over verified/unverified. */
export type OfficerStatus = 'self' | 'verified' | 'unverified' | 'revoked' | 'expired';

export interface OfficerView {
  id: string;
  bureau: { code: string; country: string; name: string };
  name: string;
  role: string;
  languages: string[];
  phone: string;
  email: string;
  /** SHA-256 over both public keys (hex), and the same in groups of four for reading aloud. */
  fingerprint: string;
  fingerprintGroups: string;
  signingKey: string;
  ageRecipient: string;
  validFrom: string;
  validUntil: string | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
  self: boolean;
  status: OfficerStatus;
  createdAt: string;
}

export interface ProjectView {
  id: string;
  name: string;
  scope: string;
  bureaus: string[];
  entities: number;
  sources: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectItemView {
  kind: 'entity' | 'source';
  id: string;
  caption: string;
  contributedBy: string;
  addedAt: string;
}

export interface ProjectDetail extends ProjectView {
  items: ProjectItemView[];
  totalItems: number;
}

/** Why the handling review leaves something out of a package. */
export type WithholdRule = 'H2' | 'TLP_RED' | 'RESTRICTED' | 'NO_RELEASABLE_STATEMENTS' | 'ENDPOINT_WITHHELD' | 'TARGET_WITHHELD';

export interface WithheldItem {
  /** 'target': an operation target left out of a shared plan (its id is the entity id). */
  kind: 'source' | 'entity' | 'link' | 'target';
  id: string;
  caption: string;
  rule: WithholdRule;
  reason: string;
}

export interface ExchangeCounts {
  sources: number;
  entities: number;
  links: number;
  statements: number;
  retractions: number;
}

export interface RecipientView {
  id: string;
  name: string;
  bureau: string;
  fingerprintGroups: string;
}

/** What the export would send and what it leaves out: shown before anything is written. */
export interface HandlingReview {
  recipients: RecipientView[];
  scope: string;
  included: ExchangeCounts;
  withheld: {
    sources: number;
    entities: number;
    links: number;
    statements: number;
    /** The withheld sources, entities and links with the rule and reason; at most 1000. */
    items: WithheldItem[];
    truncated: boolean;
  };
  /** Sources sent with handling conditions (EU H3, UK C): the recipients must honour them. */
  conditions: Array<{ sourceId: string; title: string; handling: string; conditions: string | null }>;
  /** The most restrictive TLP and handling code of what remains (the package's banner). */
  highest: { tlp: Tlp | null; handling: string | null };
  /** Operation plans in the package, with how many of their targets go and stay behind. */
  plans: PlanInPackage[];
}

export interface PlanInPackage {
  id: string;
  name: string;
  codeWord: string;
  targets: number;
  withheldTargets: number;
}

/** An operation plan received in an exchange package: read-only, as its sender shared it. */
export interface ReceivedPlanSummary {
  id: string;
  operationId: string;
  name: string;
  codeWord: string;
  leadBureau: string;
  status: OperationStatus;
  actionDay: string | null;
  sender: { bureau: string; officer: string };
  /** When the sender wrote the package, and when this case imported it (ISO). */
  sentAt: string;
  receivedAt: string;
  packageId: string;
  targets: number;
}

export interface ReceivedPlanTarget {
  entityId: string;
  reason: string;
  bureau: string;
  /** The entity in this case the target maps to (it arrived in the same package), or null when not accepted. */
  mapped: { id: string; caption: string; schema: string } | null;
}

export interface ReceivedPlanDetail extends ReceivedPlanSummary {
  bureaus: string[];
  agencies: string[];
  phases: PhaseView[];
  tasks: TaskView[];
  actionDayEvents: Array<{ bureau: string; timeZone: string; at: string; label: string }>;
  targetList: ReceivedPlanTarget[];
}

export interface ExportResult {
  packageId: string;
  path: string;
  bytes: number;
  review: HandlingReview;
  /** Per recipient officer id: this package's number in the series to them. */
  sequence: Record<string, number>;
}

export interface VerificationStep {
  step: string;
  ok: boolean;
  message: string;
}

export interface PackageSummary {
  packageId: string;
  kind: 'data' | 'receipt';
  created: string;
  sender: RecipientView;
  recipients: Array<{ bureau: string; officer: string; fingerprintGroups: string; me: boolean }>;
  tlp: Tlp | null;
  handling: string | null;
  /** This package's number from its sender to us, and what was expected next. */
  sequence: { number: number; expected: number; gap: string | null };
  project: { id: string; name: string } | null;
  payloadBytes: number;
}

export interface PreviewItem {
  id: string;
  schema: string;
  caption: string;
  isLink: boolean;
  match: null | { kind: 'same-id' | 'same-name' | 'deleted'; existing: EntitySummary };
}

/** `package.verify`: every check passed; what the package holds and what it would match. */
export interface ImportPreview {
  package: PackageSummary;
  steps: VerificationStep[];
  counts: ExchangeCounts;
  /** Statements per originator bureau (relayed information keeps its originator). */
  byOriginator: Record<string, number>;
  /** The first 1000 entities and links, with what they match in this case. */
  items: PreviewItem[];
  truncated: boolean;
  matches: { sameId: number; sameName: number };
  /** What import would leave out and why (e.g. statements attributed to this bureau). */
  notices: string[];
  /** Operation plans the package shares (format version 2). */
  plans: Array<{ id: string; name: string; codeWord: string; leadBureau: string; targets: number }>;
  /** For a receipt package: the package it acknowledges. */
  receipt: { packageId: string; importedAt: string; accepted: 'all' | 'part' } | null;
}

export interface ImportResult {
  packageId: string;
  kind: 'data' | 'receipt';
  sender: RecipientView;
  entitiesCreated: number;
  entitiesMerged: number;
  linksCreated: number;
  statementsAdded: number;
  statementsSeen: number;
  statementsSkipped: number;
  sourcesAdded: number;
  retracted: number;
  /** Operation plans stored as received plans. */
  plansReceived: number;
  gap: string | null;
  notices: string[];
}

export interface PackageLedgerRow {
  packageId: string;
  direction: 'in' | 'out';
  kind: 'data' | 'receipt';
  created: string;
  /** Sender (in) or recipients (out). */
  peers: string[];
  tlp: Tlp | null;
  summary: unknown;
  receipts: Array<{ officerId: string; at: string }>;
}
