import type { Tlp } from '../grading';
import type { EntitySummary, StatementView } from '../entities/dto';

// Intake and interchange (issue 5): import wizard, exports, matching and merging, imported layouts.
// The data shapes its methods answer. Plain JSON: no Dates, no class instances. Built by
// electron/core/interchange.

/** The wizard's first step: what was detected and the first rows as text. */
export interface TabularPreview {
  format: 'csv' | 'xlsx';
  bytes: number;
  /** CSV only: detected (or given) text encoding and how it was decided. */
  encoding: string | null;
  encodingReason: string | null;
  delimiter: string | null;
  header: boolean;
  /** Header texts, or "Column 1", "Column 2", … when there is no header row. */
  columns: string[];
  rows: string[][];
  /** XLSX only: the sheet read, and all sheets. */
  sheet: string | null;
  sheets: string[];
}

export interface ImportIssue {
  /** Spreadsheet row (header = row 1) or line of the file; null for the file as a whole. */
  row: number | null;
  /** Why, without the row: "date '31/02/2024' is not a date" (tables show `row` beside it). */
  reason: string;
  /** The one-line form for logs and the CLI: "row 1,203: date '31/02/2024' is not a date". */
  message: string;
}

/** One row of the dry run: what it would create or merge. */
export interface ImportSampleRow {
  row: number;
  entities: Array<{ key: string; schema: string; caption: string; merged: boolean }>;
  links: Array<{ schema: string; from: string; to: string }>;
}

export interface ImportReport {
  importId: string | null;
  dryRun: boolean;
  format: string;
  file: string;
  bytes: number;
  sha256: string;
  encoding: string | null;
  delimiter: string | null;
  /** Rows (CSV/XLSX), items (ANX), lines (FtM) or nodes + edges (GraphML/GEXF) read. */
  records: number;
  /** Entities created. */
  created: number;
  /** Records that went into an entity already there (in the case or earlier in the file). */
  merged: number;
  /** Records left out, each with its reason in `errors`. */
  skipped: number;
  /** Distinct entities created or added to. */
  entities: number;
  links: number;
  sources: string[];
  layoutId: string | null;
  errors: ImportIssue[];
  /** Further errors not listed (the list stops at 1,000). */
  moreErrors: number;
  warnings: string[];
  sample: ImportSampleRow[];
  seconds: number;
}

export interface ImportRecord {
  id: string;
  format: string;
  fileName: string;
  sha256: string;
  bytes: number;
  sourceId: string | null;
  actor: string;
  startedAt: string;
  finishedAt: string;
  report: Pick<ImportReport, 'created' | 'merged' | 'skipped' | 'entities' | 'links'>;
}

export interface ExportReport {
  format: string;
  files: string[];
  entities: number;
  links: number;
  /** Values graded H2 or TLP:RED that were left out (0 when includeRestricted). */
  withheldValues: number;
  /** Entities or links left out entirely because nothing disseminable was left of them. */
  withheldItems: number;
  /** Values graded H2 or TLP:RED that were written because the export was asked to include them. */
  restrictedIncluded: number;
  /** The most restrictive handling and TLP of what was written (what the recipient must honour). */
  handling: string | null;
  tlp: Tlp | null;
  /** What the format's writer could not carry (the handling figures above are not repeated here). */
  warnings: string[];
}

export interface MatchCandidate {
  a: EntitySummary;
  b: EntitySummary;
  score: number;
  /** Why, in words: "same passport number", "names 0.93 similar", "birth year differs". */
  reasons: string[];
  judgement: 'unsure' | null;
}

export interface MatchCluster {
  /** The cluster's canonical id; null when the entity stands alone. */
  canonicalId: string | null;
  members: EntitySummary[];
  /** Every live statement of every member, with the member it belongs to. */
  properties: Record<string, Array<StatementView & { entityId: string }>>;
  caption: string;
}

export interface LayoutView {
  id: string;
  name: string;
  origin: string;
  importId: string | null;
  createdAt: string;
  meta: Record<string, unknown>;
  items: Array<{ entityId: string; x: number | null; y: number | null; style: Record<string, unknown> }>;
}
