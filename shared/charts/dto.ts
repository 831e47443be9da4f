import type { GradingScheme, Tlp } from '../grading';

// Link charts (issue 3). The data shapes its methods answer. Plain JSON: no Dates, no class
// instances. Built by electron/core/charts.

export interface ChartSummary {
  id: string;
  name: string;
  /** Entities on the chart. */
  items: number;
  createdAt: string;
  updatedAt: string;
}

/** An entity as a chart draws it, with its place on this chart. */
export interface ChartNode {
  id: string;
  schema: string;
  caption: string;
  /** Most restrictive handling and TLP of the statements behind it (the export footer). */
  handling: string | null;
  tlp: Tlp | null;
  /** Null when the entity is new to the chart and has no position yet. */
  x: number | null;
  y: number | null;
  pinned: boolean;
  hidden: boolean;
  style: { colour?: string | undefined; size?: number | undefined };
  group: string | null;
}

/** A link between two entities on the chart. */
export interface ChartEdge {
  id: string;
  schema: string;
  source: string;
  target: string;
  /** The link's caption (role, relationship, amount…); empty when it has none. */
  label: string;
  /** The best grading among the sources behind the link; null when unsourced. */
  grade: { scheme: GradingScheme; grade: string } | null;
  /** A1–B2 class (UK 1A–2B) in its own scheme: drawn solid; weaker links dashed. */
  strong: boolean;
  /** Strength (weight) or call count; 1 when neither is recorded. */
  strength: number;
  /** Active period (startDate or date … endDate or date), partial dates kept as written. */
  start: string | null;
  end: string | null;
  handling: string | null;
  tlp: Tlp | null;
  directed: boolean;
}

export interface ChartElements {
  nodes: ChartNode[];
  edges: ChartEdge[];
}

export type ChartNotice = { kind: 'deleted'; count: number } | { kind: 'corrupt' };

export interface ChartData extends ChartElements {
  chart: ChartSummary & { settings: unknown };
  /** Items dropped on opening (entities deleted from the case) or a damaged record. */
  notices: ChartNotice[];
}

/** What an expansion would add, counted before anything is added. */
export interface ExpandPreview {
  /** New entities (not already on the chart, not excluded). */
  count: number;
  ids: string[];
  /** True when more than `limit` were found and `ids` stops there. */
  truncated: boolean;
  /** Links followed. */
  links: number;
  bySchema: Record<string, number>;
}
