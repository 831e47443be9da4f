import type { ChartEdge } from '../charts/dto';

// Communications data (issue 17): what the core returns for call-record imports and analyses.
// Phones are E.164 strings (or, for a number that is not valid, the value as it was given).

export const CDR_FIELDS = [
  'caller',
  'callee',
  'msisdn',
  'other',
  'direction',
  'type',
  'start',
  'date',
  'time',
  'duration',
  'imei',
  'imsi',
  'cell',
  'calleeCell',
  'lac',
  'ci',
  'latitude',
  'longitude',
] as const;
export type CdrField = (typeof CDR_FIELDS)[number];

export const EVENT_KINDS = ['other', 'voice', 'sms', 'mms', 'data'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface CommsIssue {
  row: number | null;
  /** Why, without the row (tables show `row` beside it). */
  reason: string;
  /** The one-line form for the CLI: "row 12: no caller number". */
  message: string;
}

export interface CdrImportReport {
  importId: string | null;
  file: string;
  bytes: number;
  sha256: string;
  encoding: string;
  delimiter: string;
  /** The mapping used (recognised or given): header of each field. */
  mapping: { columns: Partial<Record<CdrField, string>>; dayFirst: boolean; timeZone: string };
  records: number;
  /** Events written. */
  events: number;
  /** Events already in the case (the same call in another export, or twice in this one). */
  duplicates: number;
  skipped: number;
  phones: { created: number; known: number; invalid: number };
  devices: number;
  sims: number;
  cells: number;
  /** Aggregated phone-to-phone links created or added to. */
  links: number;
  errors: CommsIssue[];
  moreErrors: number;
  warnings: string[];
  seconds: number;
}

/** What a call-record file holds before it is imported (the wizard's mapping step). */
export interface CdrPreview {
  file: string;
  bytes: number;
  encoding: string;
  delimiter: string;
  header: string[];
  /** The mapping that would be used: the one given, else the one recognised. */
  columns: Partial<Record<CdrField, string>>;
  /** What Cordon recognised by itself from the headers. */
  recognised: Partial<Record<CdrField, string>>;
  /** Headers no field reads. */
  unplaced: string[];
  /** What the mapping still lacks to read a record (English; empty when it can). */
  missing: string[];
  dayFirst: boolean;
  /** The zone times would be read in: the one given, else the case's, else UTC. */
  timeZone: string;
  caseTimeZone: string | null;
  /** The first rows after the header, as cells. */
  rows: string[][];
}

export interface CellImportReport {
  importId: string;
  file: string;
  records: number;
  created: number;
  merged: number;
  /** Cells named by events already in the case that now have their site. */
  joined: number;
  skipped: number;
  errors: CommsIssue[];
  moreErrors: number;
  warnings: string[];
}

export interface PhoneRef {
  /** E.164 (or the value as given when not a valid number). */
  phone: string;
  id: string;
  caption: string;
}

export interface TopContact extends PhoneRef {
  events: number;
  calls: number;
  sms: number;
  durationS: number;
  /** ISO 8601 UTC. */
  first: string;
  last: string;
}

export interface TopResult {
  phone: PhoneRef;
  results: TopContact[];
}

export interface CommonResult {
  phones: PhoneRef[];
  results: Array<PhoneRef & { with: number; events: number }>;
}

export interface ActivityResult {
  phone: PhoneRef;
  timeZone: string;
  /** [weekday 0 = Monday][hour 0–23]: events. */
  matrix: number[][];
  /** Events per day (YYYY-MM-DD in the zone), in date order. */
  days: Array<{ day: string; events: number }>;
  events: number;
}

export interface SwapResult {
  results: Array<{ imei: string; device: string; phones: Array<{ phone: string; first: string; last: string; events: number }> }>;
  /** Numbers seen in more than one handset. */
  moved: Array<{ phone: string; imeis: Array<{ imei: string; first: string; last: string; events: number }> }>;
}

export interface ColocationResult {
  phones: PhoneRef[];
  windowS: number;
  results: Array<{ cell: string; time: string; site: string | null; gapS: number }>;
}

export interface SilenceResult {
  phone: PhoneRef;
  /** The gap above which silence is unusual for this phone (seconds). */
  thresholdS: number;
  typicalGapS: number;
  results: Array<{ from: string; to: string; gapS: number }>;
}

/** One stay of a phone on a cell site: consecutive events on that cell, where its site is. */
export interface MovementStay {
  cell: string;
  siteId: string;
  caption: string;
  lat: number;
  lon: number;
  /** First and last event of the stay (ISO, UTC). */
  from: string;
  to: string;
  events: number;
}

/** A phone's path through its cell sites, in time order. */
export interface MovementResult {
  phone: PhoneRef;
  stays: MovementStay[];
  /** Events of the phone in range. */
  events: number;
  /** Events with no cell given for the phone's side. */
  noCell: number;
  /** Events on a cell whose site is not in the case or has no coordinates. */
  unlocated: number;
  /** Stays beyond the answer's limit, left out. */
  truncated: number;
}

export interface CommsEventRow {
  id: number;
  kind: EventKind;
  caller: string;
  callee: string | null;
  start: string;
  durationS: number;
  callerCell: string | null;
  calleeCell: string | null;
  imei: string | null;
  imsi: string | null;
  sourceId: string;
}

export interface CommsEventPage {
  total: number;
  rows: CommsEventRow[];
}

/** "People, not phones": the phones that fold into their one user, and the calls carried over between them. */
export interface FoldResult {
  users: Array<{ phone: string; user: { id: string; schema: string; caption: string } }>;
  /** Phones with several users: not folded. */
  shared: string[];
  /** Call edges between the users (or a user and a phone that does not fold), ids "fold:source>target". */
  edges: ChartEdge[];
}
