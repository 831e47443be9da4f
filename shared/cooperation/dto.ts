// Meetings, joint operations and deconfliction (issue 7). The data shapes its methods answer. Plain
// JSON: no Dates, no class instances. Built by electron/core/cooperation.

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
