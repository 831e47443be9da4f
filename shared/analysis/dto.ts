// Structure analysis (issue 4). The data shapes its methods answer. Plain JSON: no Dates, no class
// instances. Built by electron/core/analysis.

// Results are built so that a table, the chart (size or colour by any column), the key-players
// report, paths and disruption curves can all be drawn from them without another call.

export type AnalysisMeasure = 'degree' | 'betweenness' | 'closeness' | 'eigenvector' | 'pagerank' | 'kcore' | 'louvain' | 'cuts';

/** Per-entity columns of the result table; every one can size or colour the chart. */
export type AnalysisColumn =
  | 'degree'
  | 'inDegree'
  | 'outDegree'
  | 'strength'
  | 'betweenness'
  | 'closeness'
  | 'eigenvector'
  | 'pagerank'
  | 'kcore'
  | 'community'
  | 'articulation';

export interface AnalysisColumnInfo {
  key: AnalysisColumn;
  /** count: whole numbers; score: 0..1 (or more) to size by; category: colour by; flag: yes/no. */
  kind: 'count' | 'score' | 'category' | 'flag';
}

/** One entity's row; a column is absent when its measure was not run. */
export type AnalysisRow = { id: string; caption: string; schema: string } & Partial<Record<Exclude<AnalysisColumn, 'articulation'>, number>> & {
    articulation?: boolean;
  };

export interface AnalysisGraphInfo {
  nodes: number;
  edges: number;
  directed: boolean;
  weighted: boolean;
  components: number;
  largestComponent: number;
  selfLoopsDropped: number;
  /** Links counted, and those the filters left out. */
  links: { counted: number; byType: number; byGrade: number; byDate: number; outsideScope: number };
  /** SHA-256 of the graph as analysed (also in the audit log). */
  sha256: string;
}

export interface RankedEntity {
  id: string;
  caption: string;
  value: number;
}

/** A sentence of the key-players report, with the entities (and communities) it is about, so the
 * UI can translate it and highlight them. */
export interface KeyPlayerFinding {
  kind: 'leader' | 'sole-link' | 'broker' | 'cut-vertex' | 'bridge';
  /** The sentence in English (CLI, JSON, audit). */
  text: string;
  /** The same sentence for the UI to translate: `analysis.finding.<key>` with these values. */
  message: { key: 'mostTies' | 'mainBroker' | 'soleLink' | 'soleLinkTies' | 'broker' | 'cutVertex' | 'bridge'; params: Record<string, string | number> };
  entities: string[];
  communities?: number[];
}

export interface AnalysisResult {
  measures: AnalysisMeasure[];
  graph: AnalysisGraphInfo;
  columns: AnalysisColumnInfo[];
  /** Every entity in scope, in the graph's order. */
  rows: AnalysisRow[];
  communities: { count: number; modularity: number; seed: number } | null;
  /** Ties whose loss splits the network (with the case links they stand for). */
  bridges: Array<{ source: string; target: string; links: string[] }>;
  /** How betweenness was obtained: exact, or estimated from sampled sources with its bound
   * (with probability ≥ 1 − delta every value is within ± epsilon). */
  betweenness: { exact: boolean; samples: number; epsilon: number; delta: number } | null;
  keyPlayers: { top: Partial<Record<AnalysisColumn, RankedEntity[]>>; findings: KeyPlayerFinding[] };
  /** The audit row that records this run. */
  auditSeq: number;
}

export interface PathsResult {
  kind: 'shortest' | 'connecting' | 'neighbourhood';
  graph: AnalysisGraphInfo;
  /** The entities involved (for neighbourhood: with their distance in hops). */
  nodes: Array<{ id: string; caption: string; schema: string; hops?: number }>;
  edges: Array<{ source: string; target: string; links: string[] }>;
  /** shortest: each path as entity ids from `from` to `to`; up to the limit asked. */
  paths: string[][];
  /** shortest: how many shortest paths exist, their length (in the weighting's unit) and hops. */
  count: number;
  length: number | null;
  hops: number | null;
  /** connecting: members no other member can reach. */
  unreached: string[];
  auditSeq: number;
}

export interface DisruptionStepView {
  removed: Array<{ id: string; caption: string }>;
  /** Per removed entity: how many others had the same score (the tie rule chose). */
  tiedWith: number[];
  lcc: number;
  lccFraction: number;
  components: number;
}

export interface DisruptionResult {
  strategy: 'betweenness' | 'degree' | 'ci' | 'targets';
  mode: 'sequential' | 'block';
  blockSize: number;
  graph: AnalysisGraphInfo;
  initialLcc: number;
  initialComponents: number;
  steps: DisruptionStepView[];
  /** strategy "targets": the network before and after removing them. */
  impact: {
    before: { lcc: number; components: number };
    after: { lcc: number; components: number; sizes: number[] };
    isolated: Array<{ id: string; caption: string }>;
    brokers: Array<{ id: string; caption: string; before: number; after: number; rankBefore: number; rankAfter: number }>;
  } | null;
  /** How ties between equal scores were broken, in words. */
  tieRule: string;
  auditSeq: number;
}

/** One period of a network-over-time run: the links dated in it, and the graph they make. */
export interface OverTimePeriod {
  label: string;
  from: string;
  to: string;
  nodes: number;
  edges: number;
  /** Links counted in the period. */
  links: number;
  /** SHA-256 of the period's graph (as AnalysisGraphInfo.sha256). */
  sha256: string;
  betweenness: { exact: boolean; samples: number; epsilon: number; delta: number };
}

/** An entity across periods; null where it has no counted link in that period. */
export interface OverTimeEntity {
  id: string;
  caption: string;
  schema: string;
  degree: Array<number | null>;
  betweenness: Array<number | null>;
  /** Rank by betweenness in the period (1 = highest; equal values share a rank). */
  rank: Array<number | null>;
}

/** "N12 rose to broker in phase 9": entered (or left) the top N by betweenness from one period to the next. */
export interface OverTimeChange {
  /** Index into periods: the period where the change shows. */
  period: number;
  id: string;
  caption: string;
  kind: 'rose' | 'fell';
  rankBefore: number | null;
  rankAfter: number | null;
  before: number | null;
  after: number | null;
}

export interface OverTimeResult {
  periods: OverTimePeriod[];
  /** Every entity with a counted link in some period, by first appearance. */
  entities: OverTimeEntity[];
  changes: OverTimeChange[];
  top: number;
  directed: boolean;
  weighted: boolean;
  auditSeq: number;
}
