import type { GradingScheme, Tlp } from '../grading';

// Entities, links and source reports: the statements of the case, and search. The data shapes its
// methods answer. Plain JSON: no Dates, no class instances. Built by electron/core/store
// (entities.ts, sources.ts, search.ts).

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
  /** When records were judged the same: each of them (the page shows them as one). */
  mergedFrom?: EntitySummary[];
}

export interface EntityPage {
  total: number;
  items: EntitySummary[];
}

export interface SearchResult extends EntitySummary {
  /** The value that matched, in its original script. */
  match: string;
  /** A hit inside an attached document (issue 23): the attachment, its name and the page (from 1). The id, schema and caption are its target's. */
  attachment?: string;
  attachmentName?: string;
  page?: number;
}
