import type { ParsedInput } from '../../../shared/api';
import type { ActionDayEvent, CooperationWarning, OperationDetail, OperationStatus, OperationSummary, OperationTargetView, PhaseView, TaskView } from '../../../shared/cooperation/dto';
import { CordonError } from '../../../shared/errors';
import type { Case } from '../store/case';
import { nowIso, requireEntities, requireProject, unique } from './common';
import { deconflictionList } from './deconfliction';
import { checkTimeZone, dayOf, formatOffset, localText, offsetMinutes, zonedToUtc } from './time';

// Joint operations: the plan (targets, phases, tasks and their dependencies, the action day per
// country) and its status. Refused outright: a task or phase ending before it starts, a dependency
// that closes a cycle, a skipped status, changes to a concluded plan. Reported as warnings on
// every opening: targets merged or deleted since, deconfliction, a past action day, overlapping
// phases, a task starting before one it depends on ends.

interface OperationRow {
  id: string;
  name: string;
  code_word: string;
  lead_bureau: string;
  project_id: string | null;
  status: OperationStatus;
  action_day: string | null;
}

const NEXT: Record<OperationStatus, OperationStatus | null> = { planning: 'approved', approved: 'executing', executing: 'concluded', concluded: null };

export function requireOperation(c: Case, id: string): OperationRow {
  const row = c.db.prepare('SELECT id, name, code_word, lead_bureau, project_id, status, action_day FROM operations WHERE id = ?').get(id) as OperationRow | undefined;
  if (!row) throw new CordonError('NOT_FOUND', `Operation ${id} is not in this case.`);
  return row;
}

export function requirePlanning(op: OperationRow): void {
  if (op.status === 'concluded') throw new CordonError('CONSTRAINT', `Operation ${op.name} is concluded; its plan can no longer change.`);
}

export function touch(c: Case, id: string): void {
  c.db.prepare('UPDATE operations SET updated_at = ? WHERE id = ?').run(nowIso(), id);
}

function summary(c: Case, r: OperationRow): OperationSummary {
  return {
    id: r.id,
    name: r.name,
    codeWord: r.code_word,
    leadBureau: r.lead_bureau,
    bureaus: c.db.prepare('SELECT bureau FROM operation_bureaus WHERE operation_id = ? ORDER BY bureau').pluck().all(r.id) as string[],
    agencies: c.db.prepare('SELECT name FROM operation_agencies WHERE operation_id = ? ORDER BY name').pluck().all(r.id) as string[],
    projectId: r.project_id,
    status: r.status,
    actionDay: r.action_day,
    targets: c.db.prepare('SELECT count(*) FROM operation_targets WHERE operation_id = ?').pluck().get(r.id) as number,
  };
}

export function createOperation(c: Case, input: ParsedInput<'operation.create'>): OperationDetail {
  requireProject(c, input.projectId);
  const bureaus = unique([input.leadBureau, ...input.bureaus]);
  const agencies = unique(input.agencies);
  const id = c.newId();
  const now = nowIso();
  c.write(() => {
    c.db
      .prepare('INSERT INTO operations (id, name, code_word, lead_bureau, project_id, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.name, input.codeWord, input.leadBureau, input.projectId ?? null, c.actor, now, now);
    for (const b of bureaus) c.db.prepare('INSERT INTO operation_bureaus (operation_id, bureau) VALUES (?, ?)').run(id, b);
    for (const a of agencies) c.db.prepare('INSERT INTO operation_agencies (operation_id, name) VALUES (?, ?)').run(id, a);
    c.audit.append({ actor: c.actor, action: 'operation.create', target: id, detail: { name: input.name, codeWord: input.codeWord, lead: input.leadBureau, bureaus, agencies, projectId: input.projectId ?? null } });
  });
  return openOperation(c, id);
}

export function listOperations(c: Case): OperationSummary[] {
  const rows = c.db.prepare('SELECT id, name, code_word, lead_bureau, project_id, status, action_day FROM operations ORDER BY created_at, id').all() as OperationRow[];
  return rows.map((r) => summary(c, r));
}

function targetsOf(c: Case, id: string): OperationTargetView[] {
  const rows = c.db
    .prepare(
      `SELECT t.entity_id, t.reason, t.bureau, e.caption, e.schema, e.deleted, e.canonical_id
         FROM operation_targets t LEFT JOIN entities e ON e.id = t.entity_id WHERE t.operation_id = ? ORDER BY t.added_at, t.entity_id`,
    )
    .all(id) as Array<{ entity_id: string; reason: string; bureau: string; caption: string | null; schema: string | null; deleted: number | null; canonical_id: string | null }>;
  return rows.map((r) => {
    const canonicalId = r.canonical_id ?? r.entity_id;
    const state = r.deleted === null || r.deleted === 1 ? 'deleted' : canonicalId !== r.entity_id ? 'merged' : 'live';
    return { entityId: r.entity_id, caption: r.caption || r.entity_id, schema: r.schema, reason: r.reason, bureau: r.bureau, canonicalId, state };
  });
}

function phasesOf(c: Case, id: string): PhaseView[] {
  return c.db.prepare('SELECT id, name, start_date AS start, end_date AS "end" FROM operation_phases WHERE operation_id = ? ORDER BY start_date, end_date, rowid').all(id) as PhaseView[];
}

function tasksOf(c: Case, id: string): TaskView[] {
  const rows = c.db
    .prepare('SELECT id, phase_id, title, owner, start_date, end_date FROM operation_tasks WHERE operation_id = ? ORDER BY start_date, end_date, rowid')
    .all(id) as Array<{ id: string; phase_id: string | null; title: string; owner: string; start_date: string; end_date: string }>;
  const deps = c.db.prepare('SELECT depends_on FROM task_dependencies WHERE task_id = ? ORDER BY depends_on').pluck();
  return rows.map((r) => ({ id: r.id, phaseId: r.phase_id, title: r.title, owner: r.owner, start: r.start_date, end: r.end_date, dependsOn: deps.all(r.id) as string[] }));
}

function timelineOf(c: Case, id: string): OperationDetail['timeline'] {
  const rows = c.db.prepare('SELECT id, bureau, time_zone, at_utc, label FROM action_day_events WHERE operation_id = ? ORDER BY bureau, at_utc, rowid').all(id) as Array<{
    id: string;
    bureau: string;
    time_zone: string;
    at_utc: string;
    label: string;
  }>;
  const out: OperationDetail['timeline'] = [];
  for (const r of rows) {
    const t = Date.parse(r.at_utc);
    const event: ActionDayEvent = { id: r.id, bureau: r.bureau, timeZone: r.time_zone, at: r.at_utc, local: localText(t, r.time_zone), offset: formatOffset(offsetMinutes(t, r.time_zone)), label: r.label };
    const last = out.at(-1);
    if (last && last.bureau === r.bureau && last.timeZone === r.time_zone) last.events.push(event);
    else out.push({ bureau: r.bureau, timeZone: r.time_zone, events: [event] });
  }
  return out;
}

function warningsFor(c: Case, op: OperationRow, targets: OperationTargetView[], phases: PhaseView[], tasks: TaskView[], asOf: string | undefined): CooperationWarning[] {
  const warnings: CooperationWarning[] = [];
  const caption = c.db.prepare('SELECT caption FROM entities WHERE id = ?').pluck();
  for (const t of targets) {
    if (t.state === 'deleted') {
      warnings.push({ code: 'target-deleted', message: `Target ${t.caption} has been deleted from the case since it was added; remove it or choose another entity.`, refs: [t.entityId] });
    } else if (t.state === 'merged') {
      const into = (caption.get(t.canonicalId) as string | undefined) || t.canonicalId;
      warnings.push({ code: 'target-merged', message: `Target ${t.caption} has been matched as the same as ${into}; it is checked and simulated as ${into}.`, refs: [t.entityId, t.canonicalId] });
    }
  }
  const today = dayOf(asOf);
  if (op.action_day !== null && op.action_day < today && op.status !== 'concluded') {
    warnings.push({ code: 'action-day-past', message: `The action day ${op.action_day} is in the past (today is ${today}).`, refs: [op.id] });
  }
  for (let i = 0; i < phases.length; i++) {
    for (let j = i + 1; j < phases.length; j++) {
      const a = phases[i]!;
      const b = phases[j]!;
      if (b.start <= a.end && a.start <= b.end) {
        warnings.push({ code: 'phase-overlap', message: `Phases "${a.name}" (${a.start} – ${a.end}) and "${b.name}" (${b.start} – ${b.end}) overlap.`, refs: [a.id, b.id] });
      }
    }
  }
  const task = new Map(tasks.map((t) => [t.id, t]));
  for (const t of tasks) {
    for (const d of t.dependsOn) {
      const dep = task.get(d);
      if (dep && t.start < dep.end) {
        warnings.push({ code: 'task-before-dependency', message: `Task "${t.title}" starts ${t.start}, before "${dep.title}", which it depends on, ends (${dep.end}).`, refs: [t.id, dep.id] });
      }
    }
  }
  for (const row of deconflictionList(c)) {
    if (!row.operations.some((o) => o.id === op.id)) continue;
    if (row.kind === 'targets') {
      const others = row.operations.filter((o) => o.id !== op.id);
      const names = [...new Set(others.map((o) => `${o.name}${o.codeWord ? ` (${o.codeWord})` : ''}, led by ${o.leadBureau}${o.received ? ` (plan received from ${o.received.sender})` : ''}`))];
      warnings.push({ code: 'deconfliction-target', message: `${row.caption} is also a target of ${names.join('; ')}.`, refs: [row.entityId, ...new Set(others.map((o) => o.id))] });
    } else {
      const whose = [...new Set(row.restricted.filter((r) => r.originator !== op.lead_bureau).map((r) => r.originator))];
      if (whose.length === 0) continue;
      warnings.push({ code: 'deconfliction-restricted', message: `${row.caption} is the subject of restricted information from ${whose.join(', ')}: contact ${whose.length === 1 ? 'that bureau' : 'those bureaus'} before acting.`, refs: [row.entityId] });
    }
  }
  return warnings;
}

export function openOperation(c: Case, id: string, asOf?: string): OperationDetail {
  const op = requireOperation(c, id);
  const targetList = targetsOf(c, id);
  const phases = phasesOf(c, id);
  const tasks = tasksOf(c, id);
  return { ...summary(c, op), targetList, phases, tasks, timeline: timelineOf(c, id), warnings: warningsFor(c, op, targetList, phases, tasks, asOf) };
}

export function setStatus(c: Case, id: string, status: OperationStatus): OperationDetail {
  const op = requireOperation(c, id);
  if (op.status === status) throw new CordonError('CONSTRAINT', `Operation ${op.name} is already ${status}.`);
  const next = NEXT[op.status];
  if (next !== status) {
    const allowed = next ? `it can only move to ${next}` : 'it is concluded, the last status';
    throw new CordonError('CONSTRAINT', `Operation ${op.name} cannot go from ${op.status} to ${status}: ${allowed} (planning → approved → executing → concluded).`);
  }
  c.write(() => {
    c.db.prepare('UPDATE operations SET status = ?, updated_at = ? WHERE id = ?').run(status, nowIso(), id);
    c.audit.append({ actor: c.actor, action: 'operation.status', target: id, detail: { from: op.status, to: status } });
  });
  return openOperation(c, id);
}

export function addTargets(c: Case, id: string, targets: ParsedInput<'operation.addTargets'>['targets']): OperationDetail {
  const op = requireOperation(c, id);
  requirePlanning(op);
  const ids = targets.map((t) => t.entityId);
  const twice = ids.filter((e, i) => ids.indexOf(e) !== i);
  if (twice.length) throw new CordonError('INVALID_INPUT', `Each entity is a target once: ${unique(twice).join(', ')} given more than once.`);
  requireEntities(c, ids, 'Targets');
  const present = c.db.prepare('SELECT 1 FROM operation_targets WHERE operation_id = ? AND entity_id = ?');
  const already = ids.filter((e) => present.get(id, e));
  if (already.length) throw new CordonError('CONSTRAINT', `Already targets of ${op.name}: ${already.join(', ')}.`);
  const now = nowIso();
  c.write(() => {
    const insert = c.db.prepare('INSERT INTO operation_targets (operation_id, entity_id, reason, bureau, added_at) VALUES (?, ?, ?, ?, ?)');
    for (const t of targets) insert.run(id, t.entityId, t.reason, t.bureau, now);
    touch(c, id);
    c.audit.append({ actor: c.actor, action: 'operation.targets', target: id, detail: { added: targets.map((t) => ({ entity: t.entityId, bureau: t.bureau })) } });
  });
  return openOperation(c, id);
}

export function removeTarget(c: Case, id: string, entityId: string): OperationDetail {
  const op = requireOperation(c, id);
  requirePlanning(op);
  c.write(() => {
    const gone = c.db.prepare('DELETE FROM operation_targets WHERE operation_id = ? AND entity_id = ?').run(id, entityId).changes;
    if (gone === 0) throw new CordonError('NOT_FOUND', `${entityId} is not a target of ${op.name}.`);
    touch(c, id);
    c.audit.append({ actor: c.actor, action: 'operation.untarget', target: id, detail: { entity: entityId } });
  });
  return openOperation(c, id);
}

export function checkSpan(what: string, start: string, end: string): void {
  if (end < start) throw new CordonError('INVALID_INPUT', `${what} ends (${end}) before it starts (${start}).`);
}

export function addPhase(c: Case, input: ParsedInput<'operation.addPhase'>): OperationDetail {
  const op = requireOperation(c, input.operationId);
  requirePlanning(op);
  checkSpan(`Phase "${input.name}"`, input.start, input.end);
  const id = c.newId();
  c.write(() => {
    c.db.prepare('INSERT INTO operation_phases (id, operation_id, name, start_date, end_date) VALUES (?, ?, ?, ?, ?)').run(id, op.id, input.name, input.start, input.end);
    touch(c, op.id);
    c.audit.append({ actor: c.actor, action: 'operation.phase', target: op.id, detail: { phase: id, name: input.name, start: input.start, end: input.end } });
  });
  return openOperation(c, op.id);
}

export function requirePhaseOf(c: Case, phaseId: string, operationId: string): void {
  const phaseOp = c.db.prepare('SELECT operation_id FROM operation_phases WHERE id = ?').pluck().get(phaseId) as string | undefined;
  if (phaseOp === undefined) throw new CordonError('NOT_FOUND', `Phase ${phaseId} is not in this case.`);
  if (phaseOp !== operationId) throw new CordonError('INVALID_INPUT', `Phase ${phaseId} belongs to another operation.`);
}

export function requireTask(c: Case, id: string): { id: string; operation_id: string; title: string } {
  const row = c.db.prepare('SELECT id, operation_id, title FROM operation_tasks WHERE id = ?').get(id) as { id: string; operation_id: string; title: string } | undefined;
  if (!row) throw new CordonError('NOT_FOUND', `Task ${id} is not in this case.`);
  return row;
}

export function addTask(c: Case, input: ParsedInput<'operation.addTask'>): OperationDetail {
  const op = requireOperation(c, input.operationId);
  requirePlanning(op);
  checkSpan(`Task "${input.title}"`, input.start, input.end);
  if (input.phaseId !== undefined) requirePhaseOf(c, input.phaseId, op.id);
  const deps = unique(input.dependsOn);
  for (const d of deps) if (requireTask(c, d).operation_id !== op.id) throw new CordonError('INVALID_INPUT', `Task ${d} belongs to another operation.`);
  const id = c.newId();
  c.write(() => {
    c.db
      .prepare('INSERT INTO operation_tasks (id, operation_id, phase_id, title, owner, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, op.id, input.phaseId ?? null, input.title, input.owner, input.start, input.end);
    for (const d of deps) c.db.prepare('INSERT INTO task_dependencies (task_id, depends_on) VALUES (?, ?)').run(id, d);
    touch(c, op.id);
    c.audit.append({ actor: c.actor, action: 'operation.task', target: op.id, detail: { task: id, title: input.title, owner: input.owner, start: input.start, end: input.end, dependsOn: deps } });
  });
  return openOperation(c, op.id);
}

/** The path of dependencies from `from` to `to` (task ids, both included), or null. */
function dependencyPath(c: Case, from: string, to: string): string[] | null {
  const next = c.db.prepare('SELECT depends_on FROM task_dependencies WHERE task_id = ? ORDER BY depends_on').pluck();
  const cameFrom = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const t = queue.shift()!;
    if (t === to) {
      const path: string[] = [];
      for (let at: string | null = t; at !== null; at = cameFrom.get(at) ?? null) path.unshift(at);
      return path;
    }
    for (const n of next.all(t) as string[]) {
      if (!cameFrom.has(n)) {
        cameFrom.set(n, t);
        queue.push(n);
      }
    }
  }
  return null;
}

/** The refusal for `taskId` depending on `dependsOn` when `dependsOn` already (transitively)
 * depends on `taskId`, naming the cycle; null when there is none. */
export function cycleThrough(c: Case, taskId: string, dependsOn: string): CordonError | null {
  const back = dependencyPath(c, dependsOn, taskId);
  if (!back) return null;
  const title = c.db.prepare('SELECT title FROM operation_tasks WHERE id = ?').pluck();
  const cycle = [taskId, ...back].map((t) => `"${title.get(t) as string}"`);
  return new CordonError('CONSTRAINT', `Dependency cycle: ${cycle.join(' → ')} (each depends on the next).`, { cycle: [taskId, ...back] });
}

export function addDependency(c: Case, taskId: string, dependsOn: string): OperationDetail {
  const task = requireTask(c, taskId);
  const dep = requireTask(c, dependsOn);
  if (task.operation_id !== dep.operation_id) throw new CordonError('INVALID_INPUT', `Tasks "${task.title}" and "${dep.title}" belong to different operations.`);
  const op = requireOperation(c, task.operation_id);
  requirePlanning(op);
  if (taskId === dependsOn) throw new CordonError('CONSTRAINT', `Dependency cycle: task "${task.title}" cannot depend on itself.`);
  const cycle = cycleThrough(c, taskId, dependsOn);
  if (cycle) throw cycle;
  c.write(() => {
    const added = c.db.prepare('INSERT OR IGNORE INTO task_dependencies (task_id, depends_on) VALUES (?, ?)').run(taskId, dependsOn).changes;
    if (added === 0) throw new CordonError('CONSTRAINT', `Task "${task.title}" already depends on "${dep.title}".`);
    touch(c, op.id);
    c.audit.append({ actor: c.actor, action: 'operation.dependency', target: op.id, detail: { task: taskId, dependsOn } });
  });
  return openOperation(c, op.id);
}

export function setActionDay(c: Case, input: ParsedInput<'operation.setActionDay'>): OperationDetail {
  const op = requireOperation(c, input.id);
  requirePlanning(op);
  if (input.date === null && input.timeline.length > 0) throw new CordonError('INVALID_INPUT', 'A timeline needs its action day.');
  const events = input.timeline.map((e) => {
    const zone = checkTimeZone(e.timeZone);
    return { ...e, timeZone: zone, at: new Date(zonedToUtc(e.local, zone)).toISOString() };
  });
  c.write(() => {
    c.db.prepare('UPDATE operations SET action_day = ?, updated_at = ? WHERE id = ?').run(input.date, nowIso(), op.id);
    c.db.prepare('DELETE FROM action_day_events WHERE operation_id = ?').run(op.id);
    const insert = c.db.prepare('INSERT INTO action_day_events (id, operation_id, bureau, time_zone, at_utc, label) VALUES (?, ?, ?, ?, ?, ?)');
    for (const e of events) insert.run(c.newId(), op.id, e.bureau, e.timeZone, e.at, e.label);
    c.audit.append({
      actor: c.actor,
      action: 'operation.action-day',
      target: op.id,
      detail: { date: input.date, timeline: events.map((e) => ({ bureau: e.bureau, zone: e.timeZone, at: e.at, label: e.label })) },
    });
  });
  return openOperation(c, op.id);
}
