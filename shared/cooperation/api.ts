import { z } from 'zod';
import { bureau, filePath, id, method } from '../contract';
import type { ActionItemView, AgendaItemView, BriefingResult, DecisionView, DeconflictionRow, MeetingDetail, MeetingSummary, OpenActionItem, OperationDetail, OperationResultView, OperationResults, OperationSummary } from './dto';

// Meetings, joint operations and deconfliction (issue 7). Its methods, with their zod input schemas
// (shared/api.ts assembles every feature's slice into the one contract). Answered by
// electron/core/cooperation.

/** A calendar day, YYYY-MM-DD, that exists (no 2025-02-30). */
const calendarDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'not a day of the calendar');
/** "Now" for warnings and overdue flags: an ISO date or date-time (default: the clock). */
const asOfInput = z
  .string()
  .trim()
  .max(40)
  .refine((d) => !Number.isNaN(Date.parse(d)), 'as-of is an ISO date or date-time')
  .optional();
const coopTitle = z.string().trim().min(1).max(500);
const coopText = z.string().trim().min(1).max(20_000);
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const OPERATION_STATUSES = ['planning', 'approved', 'executing', 'concluded'] as const;
export const RESULT_KINDS = ['arrest', 'seizure', 'freeze'] as const;
export const operationTargetInput = z.object({
  entityId: id,
  reason: z.string().trim().max(2000).default(''),
  bureau,
});
export const actionDayEventInput = z.object({
  bureau,
  /** An IANA zone, e.g. Europe/Rome (checked against the runtime's zone database). */
  timeZone: z.string().trim().min(1).max(100),
  /** Wall-clock time in that zone: YYYY-MM-DDTHH:mm. */
  local: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local time is YYYY-MM-DDTHH:mm'),
  label: coopTitle,
});
export const operationResultInput = z
  .object({
    operationId: id,
    entityId: id.optional(),
    /** The country (bureau) where it happened. */
    bureau,
    kind: z.enum(RESULT_KINDS),
    type: z.string().trim().max(200).default(''),
    quantity: z.number().finite().min(0).optional(),
    unit: z.string().trim().max(50).default(''),
    value: z.number().finite().min(0).optional(),
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'a currency is an ISO 4217 code such as EUR').optional(),
    note: z.string().trim().max(5000).default(''),
  })
  .refine((r) => (r.value === undefined) === (r.currency === undefined), { message: 'a value needs its currency, and a currency a value', path: ['currency'] })
  .refine((r) => r.kind !== 'seizure' || r.type !== '', { message: 'a seizure needs its type (drugs, cash, firearms…)', path: ['type'] })
  .refine((r) => r.kind !== 'arrest' || r.entityId !== undefined, { message: 'an arrest names the person arrested (entityId)', path: ['entityId'] });

export const cooperationApi = {
  // Meetings (issue 7). Two bureaus make a bilateral meeting, three or more a multilateral one.
  'meeting.create': method<MeetingDetail>()(
    z.object({
      title: coopTitle,
      date: calendarDay,
      place: z.string().trim().max(500).default(''),
      bureaus: z.array(bureau).min(2).max(64),
      officers: z.array(id).max(500).default([]),
      projectId: id.optional(),
    }),
  ),
  'meeting.list': method<MeetingSummary[]>()(z.object({})),
  'meeting.get': method<MeetingDetail>()(z.object({ id })),
  /** An agenda item about entities, charts and analysis runs (by the run's audit sequence number). */
  'meeting.addItem': method<AgendaItemView>()(
    z.object({
      meetingId: id,
      title: coopTitle,
      entities: z.array(id).max(10_000).default([]),
      charts: z.array(id).max(100).default([]),
      analyses: z.array(z.number().int().min(1)).max(100).default([]),
    }),
  ),
  'meeting.setMinutes': method<AgendaItemView>()(z.object({ itemId: id, minutes: z.string().max(200_000) })),
  'meeting.addDecision': method<DecisionView>()(z.object({ meetingId: id, itemId: id.optional(), text: coopText })),
  'meeting.addAction': method<ActionItemView>()(
    z.object({ meetingId: id, itemId: id.optional(), title: coopTitle, ownerBureau: bureau, due: calendarDay }),
  ),
  'meeting.setActionStatus': method<ActionItemView>()(z.object({ id, status: z.enum(ACTION_STATUSES) })),
  /** The briefing pack as a PDF; `for` a participant bureau leaves out the items it may not see. */
  'meeting.briefing': method<BriefingResult>()(
    z.object({ meetingId: id, path: filePath, for: bureau.optional(), overwrite: z.boolean().default(false) }),
  ),
  /** Open and in-progress action items of every meeting, earliest due first; overdue ones flagged. */
  'meeting.openActions': method<OpenActionItem[]>()(z.object({ asOf: asOfInput })),

  // Joint operations (issue 7). Every change answers the operation as opened, with its warnings.
  'operation.create': method<OperationDetail>()(
    z.object({
      name: coopTitle,
      codeWord: z.string().trim().max(100).default(''),
      leadBureau: bureau,
      bureaus: z.array(bureau).max(64).default([]),
      agencies: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
      projectId: id.optional(),
    }),
  ),
  'operation.list': method<OperationSummary[]>()(z.object({})),
  /** The operation with its warnings: merged or deleted targets, deconfliction, a past action day, overlapping phases. */
  'operation.open': method<OperationDetail>()(z.object({ id, asOf: asOfInput })),
  /** planning → approved → executing → concluded, one step at a time. */
  'operation.setStatus': method<OperationDetail>()(z.object({ id, status: z.enum(OPERATION_STATUSES) })),
  /** Adds targets (from a chart selection or a disruption result): all or none. */
  'operation.addTargets': method<OperationDetail>()(z.object({ id, targets: z.array(operationTargetInput).min(1).max(10_000) })),
  'operation.removeTarget': method<OperationDetail>()(z.object({ id, entityId: id })),
  'operation.addPhase': method<OperationDetail>()(z.object({ operationId: id, name: coopTitle, start: calendarDay, end: calendarDay })),
  'operation.addTask': method<OperationDetail>()(
    z.object({
      operationId: id,
      phaseId: id.optional(),
      title: coopTitle,
      owner: z.string().trim().min(1).max(200),
      start: calendarDay,
      end: calendarDay,
      dependsOn: z.array(id).max(500).default([]),
    }),
  ),
  /** Renames or moves a phase (a dragged bar sends both dates); overlaps are warned on opening. */
  'operation.updatePhase': method<OperationDetail>()(
    z.object({ id, name: coopTitle.optional(), start: calendarDay.optional(), end: calendarDay.optional() }),
  ),
  /** Edits a task: what is given changes. `dependsOn` replaces the list; a cycle is refused. */
  'operation.updateTask': method<OperationDetail>()(
    z.object({
      id,
      title: coopTitle.optional(),
      owner: z.string().trim().min(1).max(200).optional(),
      start: calendarDay.optional(),
      end: calendarDay.optional(),
      phaseId: id.nullable().optional(),
      dependsOn: z.array(id).max(500).optional(),
    }),
  ),
  /** `taskId` cannot start until `dependsOn` is done; a dependency that closes a cycle is refused. */
  'operation.addDependency': method<OperationDetail>()(z.object({ taskId: id, dependsOn: id })),
  /** Sets the action day and replaces its per-country timeline (wall-clock times in IANA zones). */
  'operation.setActionDay': method<OperationDetail>()(
    z.object({ id, date: calendarDay.nullable(), timeline: z.array(actionDayEventInput).max(1000).default([]) }),
  ),
  'operation.recordResult': method<OperationResultView>()(operationResultInput),
  /** Results per target and per country, and the network after the operation against the plan. */
  'operation.results': method<OperationResults>()(z.object({ id })),
  /** Entities targeted by two operations, or targeted by one and the subject of another bureau's restricted information. */
  'deconfliction.list': method<DeconflictionRow[]>()(z.object({})),
} as const;
