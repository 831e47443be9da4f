import type { Delimiter, Encoding, WizardFormat } from './formats';

// The wizard's working copy of an import specification, shaped for editing: rows of
// "property ← column" per entity, links between entity keys, the source report and the
// file's reading options. spec.ts turns it into the contract's specification and back.

/** A column by header text or by position, as the spec stores it. */
export type ColumnRef = string | number;

export interface PropRow {
  prop: string;
  /** The column read (null: none chosen yet). */
  column: ColumnRef | null;
  /** The row gives a typed value for every record instead of a column. */
  fixed: boolean;
  value: string;
  dateFormat: string;
  split: string;
  /** Entities only: this property identifies the same entity across rows. */
  identity: boolean;
}

export interface EntityDraft {
  key: string;
  schema: string;
  props: PropRow[];
}

export interface LinkDraft {
  schema: string;
  from: string;
  to: string;
  props: PropRow[];
}

/** A source report given in full (from a loaded spec). */
export interface InlineSource {
  title: string;
  scheme: string;
  grade: string;
  handling?: string;
  handlingConditions?: string;
  tlp?: string;
  reference?: string;
  reportDate?: string;
  restrictedTo?: string[];
}

export type SourceDraft = { kind: 'auto' } | { kind: 'existing'; id: string } | { kind: 'inline'; source: InlineSource };

export const SOURCE_COLUMN_FIELDS = ['title', 'reference', 'grade', 'handling', 'reportDate'] as const;
export type SourceColumnField = (typeof SOURCE_COLUMN_FIELDS)[number];

export interface ReadOptions {
  encoding?: Encoding;
  delimiter?: Delimiter;
  header?: boolean;
  sheet?: string;
  skipRows?: number;
}

export interface Draft {
  path: string;
  format: WizardFormat;
  name: string;
  read: ReadOptions;
  entities: EntityDraft[];
  links: LinkDraft[];
  source: SourceDraft;
  sourceColumns: Partial<Record<SourceColumnField, ColumnRef>>;
}

export function emptyRow(prop = ''): PropRow {
  return { prop, column: null, fixed: false, value: '', dateFormat: '', split: '', identity: false };
}

export function emptyDraft(): Draft {
  return { path: '', format: 'csv', name: '', read: {}, entities: [], links: [], source: { kind: 'auto' }, sourceColumns: {} };
}

/** The next free entity key: "entity1", "entity2", … */
export function nextKey(entities: readonly EntityDraft[]): string {
  for (let i = 1; ; i += 1) if (!entities.some((e) => e.key === `entity${i}`)) return `entity${i}`;
}

/** A mapping row is complete when it names a property and a column (or a fixed value). */
export function rowComplete(r: PropRow): boolean {
  return r.prop !== '' && (r.fixed ? r.value.trim() !== '' : r.column !== null);
}
