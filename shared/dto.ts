import type { GradingScheme, Tlp } from './grading';

// Data shapes that cross the contract. Plain JSON: no Dates, no class instances.

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
}

export interface SourceView {
  id: string;
  title: string;
  scheme: GradingScheme;
  grade: string;
  handling: string | null;
  handlingConditions: string | null;
  tlp: Tlp | null;
  originator: string;
  restrictedTo: string[];
  reference: string | null;
  reportDate: string | null;
  createdAt: string;
  statements: number;
}

export interface StatementView {
  id: number;
  prop: string;
  value: string;
  sourceId: string | null;
  source: Pick<SourceView, 'id' | 'title' | 'scheme' | 'grade' | 'handling' | 'tlp'> | null;
  originator: string;
  firstSeen: string;
  lastSeen: string;
}

export interface EntitySummary {
  id: string;
  schema: string;
  caption: string;
}

export interface LinkView {
  id: string;
  schema: string;
  caption: string;
  /** 'out' when the entity is the link's source endpoint. */
  direction: 'out' | 'in';
  other: EntitySummary;
}

export interface EntityDetail extends EntitySummary {
  properties: Record<string, StatementView[]>;
  links: LinkView[];
  /** For link entities: the two endpoints. */
  endpoints: { source: EntitySummary; target: EntitySummary } | null;
  createdAt: string;
  updatedAt: string;
  handling: string | null;
  tlp: Tlp | null;
}

export interface EntityPage {
  total: number;
  items: EntitySummary[];
}

export interface SearchResult extends EntitySummary {
  /** The value that matched, in its original script. */
  match: string;
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
