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
  /** True while the case is locked: the figures are those from just before it was locked. */
  locked: boolean;
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

// ---- Intake and interchange (issue 5) ----

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

// ---- Exchange between contact officers (issue 6, DESIGN.md §6) ----

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

// ---- Structure analysis (issue 4; electron/core/analysis) ----
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

// ---- Link charts (issue 3) ----

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

// ---- Meetings and joint operations (issue 7) ------------------------------------------------

/** A warning shown when a record is opened or written: never a refusal. */
export interface CooperationWarning {
  code:
    | 'target-deleted'
    | 'target-merged'
    | 'action-day-past'
    | 'phase-overlap'
    | 'task-before-dependency'
    | 'deconfliction-target'
    | 'deconfliction-restricted';
  message: string;
  /** The ids the warning is about (entity, phases, tasks, operations). */
  refs: string[];
}

export type AgendaLinkKind = 'entity' | 'chart' | 'analysis';

export interface AgendaItemView {
  id: string;
  meetingId: string;
  position: number;
  title: string;
  minutes: string;
  /** Entities, charts and analysis runs (the run's audit sequence number, as text). */
  links: Array<{ kind: AgendaLinkKind; ref: string; label: string; missing: boolean }>;
}

export interface DecisionView {
  id: string;
  meetingId: string;
  itemId: string | null;
  text: string;
  createdAt: string;
}

export type ActionStatus = 'open' | 'in_progress' | 'done' | 'cancelled';

export interface ActionItemView {
  id: string;
  meetingId: string;
  itemId: string | null;
  title: string;
  ownerBureau: string;
  due: string;
  status: ActionStatus;
  /** Still open (open or in progress) and due before the day asked about. */
  overdue: boolean;
}

export interface MeetingSummary {
  id: string;
  title: string;
  kind: 'bilateral' | 'multilateral';
  date: string;
  place: string;
  bureaus: string[];
  projectId: string | null;
  items: number;
  openActions: number;
}

export interface MeetingDetail extends MeetingSummary {
  officers: Array<{ id: string; name: string; bureau: string }>;
  agenda: AgendaItemView[];
  decisions: DecisionView[];
  actions: ActionItemView[];
}

export interface OpenActionItem extends ActionItemView {
  meetingTitle: string;
  meetingDate: string;
}

/** A briefing pack written to disk (PDF). */
export interface BriefingResult {
  path: string;
  bytes: number;
  pages: number;
  /** The bureau the pack is for, or null for the full pack. */
  recipient: string | null;
  /** The marking on its cover and every footer. */
  handling: string | null;
  tlp: string | null;
  items: number;
  /** Agenda items left out because the recipient may not see a source behind them. */
  withheld: Array<{ id: string; title: string; reason: string }>;
}

export type OperationStatus = 'planning' | 'approved' | 'executing' | 'concluded';

export interface OperationSummary {
  id: string;
  name: string;
  codeWord: string;
  leadBureau: string;
  bureaus: string[];
  agencies: string[];
  projectId: string | null;
  status: OperationStatus;
  actionDay: string | null;
  targets: number;
}

export interface OperationTargetView {
  entityId: string;
  caption: string;
  schema: string | null;
  reason: string;
  bureau: string;
  /** The entity this target counts as (merge judgements); equal to entityId when not merged. */
  canonicalId: string;
  state: 'live' | 'merged' | 'deleted';
}

export interface PhaseView {
  id: string;
  name: string;
  start: string;
  end: string;
}

export interface TaskView {
  id: string;
  phaseId: string | null;
  title: string;
  owner: string;
  start: string;
  end: string;
  dependsOn: string[];
}

export interface ActionDayEvent {
  id: string;
  bureau: string;
  timeZone: string;
  /** The instant, UTC (ISO 8601). */
  at: string;
  /** The same instant on the wall clock of the zone: "2025-03-04 05:00", and its UTC offset "+01:00". */
  local: string;
  offset: string;
  label: string;
}

export interface OperationDetail extends OperationSummary {
  targetList: OperationTargetView[];
  phases: PhaseView[];
  tasks: TaskView[];
  /** By bureau, each bureau's events in time order. */
  timeline: Array<{ bureau: string; timeZone: string; events: ActionDayEvent[] }>;
  warnings: CooperationWarning[];
}

export interface DeconflictionRow {
  /** The entity as it counts after merges (canonical id) and its caption. */
  entityId: string;
  caption: string;
  kind: 'targets' | 'restricted';
  /**
   * The operations that target it (their own target id, which may be a merged member). An
   * operation of another bureau known from a plan received in a package carries `received`: the
   * received plan's id and the bureau that sent it; it is not one of this case's operations.
   */
  operations: Array<{
    id: string;
    name: string;
    codeWord: string;
    leadBureau: string;
    status: OperationStatus;
    targetId: string;
    bureau: string;
    received?: { planId: string; sender: string };
  }>;
  /** Bureaus involved: the operations' lead and responsible bureaus, and originators of restricted information. */
  bureaus: string[];
  /** For `restricted`: whose restricted information it is (never the content). */
  restricted: Array<{ originator: string; handling: string | null; restrictedTo: string[]; sources: number }>;
}

export type ResultKind = 'arrest' | 'seizure' | 'freeze';

export interface OperationResultView {
  id: string;
  entityId: string | null;
  bureau: string;
  kind: ResultKind;
  type: string;
  quantity: number | null;
  unit: string;
  value: number | null;
  currency: string | null;
  note: string;
  recordedAt: string;
}

export interface ResultTotals {
  arrests: number;
  seizures: number;
  freezes: number;
  /** Seized and frozen value by currency (never converted). */
  value: Record<string, number>;
}

export interface OperationResults {
  operationId: string;
  results: OperationResultView[];
  byTarget: Array<{ entityId: string; caption: string; arrested: boolean } & ResultTotals>;
  byCountry: Array<{ bureau: string } & ResultTotals>;
  /** The disruption simulator on the case network: all targets removed (the plan) against the
   * arrested targets removed (what was achieved). Null when no target is in the network. */
  network: {
    initialLcc: number;
    planned: { removed: string[]; lcc: number; lccFraction: number; components: number };
    achieved: { removed: string[]; lcc: number; lccFraction: number; components: number };
    /** Targets that are not nodes of the network (deleted, or without links). */
    notInNetwork: string[];
    summary: string;
  } | null;
}
