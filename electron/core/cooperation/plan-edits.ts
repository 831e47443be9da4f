import type { ParsedInput } from '../../../shared/api';
import type { OperationDetail } from '../../../shared/cooperation/dto';
import { CordonError } from '../../../shared/errors';
import type { Case } from '../store/case';
import { unique } from './common';
import { checkSpan, cycleThrough, openOperation, requireOperation, requirePhaseOf, requirePlanning, requireTask, touch } from './operations';

// Editing the plan's phases and tasks (the Gantt's drags and edit forms). The same rules as when
// they were added: an end before the start is refused, a dependency that would close a cycle is
// refused and the cycle named; overlapping phases and a task starting before what it waits for
// are warnings on the operation as it is answered. Only what is given changes, and is audited
// with its value before and after.

export function updatePhase(c: Case, input: ParsedInput<'operation.updatePhase'>): OperationDetail {
  const row = c.db.prepare('SELECT id, operation_id, name, start_date AS start, end_date AS "end" FROM operation_phases WHERE id = ?').get(input.id) as
    | { id: string; operation_id: string; name: string; start: string; end: string }
    | undefined;
  if (!row) throw new CordonError('NOT_FOUND', `Phase ${input.id} is not in this case.`);
  const op = requireOperation(c, row.operation_id);
  requirePlanning(op);
  const next = { name: input.name ?? row.name, start: input.start ?? row.start, end: input.end ?? row.end };
  checkSpan(`Phase "${next.name}"`, next.start, next.end);
  c.write(() => {
    c.db.prepare('UPDATE operation_phases SET name = ?, start_date = ?, end_date = ? WHERE id = ?').run(next.name, next.start, next.end, row.id);
    touch(c, op.id);
    c.audit.append({ actor: c.actor, action: 'operation.phase-edit', target: op.id, detail: { phase: row.id, from: { name: row.name, start: row.start, end: row.end }, to: next } });
  });
  return openOperation(c, op.id);
}

export function updateTask(c: Case, input: ParsedInput<'operation.updateTask'>): OperationDetail {
  const task = requireTask(c, input.id);
  const row = c.db.prepare('SELECT title, owner, start_date AS start, end_date AS "end", phase_id FROM operation_tasks WHERE id = ?').get(task.id) as {
    title: string;
    owner: string;
    start: string;
    end: string;
    phase_id: string | null;
  };
  const op = requireOperation(c, task.operation_id);
  requirePlanning(op);
  const before = { title: row.title, owner: row.owner, start: row.start, end: row.end, phaseId: row.phase_id, dependsOn: c.db.prepare('SELECT depends_on FROM task_dependencies WHERE task_id = ? ORDER BY depends_on').pluck().all(task.id) as string[] };
  const next = {
    title: input.title ?? before.title,
    owner: input.owner ?? before.owner,
    start: input.start ?? before.start,
    end: input.end ?? before.end,
    phaseId: input.phaseId === undefined ? before.phaseId : input.phaseId,
    dependsOn: input.dependsOn === undefined ? before.dependsOn : unique(input.dependsOn),
  };
  checkSpan(`Task "${next.title}"`, next.start, next.end);
  if (next.phaseId !== null) requirePhaseOf(c, next.phaseId, op.id);
  for (const d of next.dependsOn) {
    if (d === task.id) throw new CordonError('CONSTRAINT', `Dependency cycle: task "${task.title}" cannot depend on itself.`);
    if (requireTask(c, d).operation_id !== op.id) throw new CordonError('INVALID_INPUT', `Task ${d} belongs to another operation.`);
    const cycle = cycleThrough(c, task.id, d);
    if (cycle) throw cycle;
  }
  c.write(() => {
    c.db.prepare('UPDATE operation_tasks SET title = ?, owner = ?, start_date = ?, end_date = ?, phase_id = ? WHERE id = ?').run(next.title, next.owner, next.start, next.end, next.phaseId, task.id);
    if (input.dependsOn !== undefined) {
      c.db.prepare('DELETE FROM task_dependencies WHERE task_id = ?').run(task.id);
      const add = c.db.prepare('INSERT INTO task_dependencies (task_id, depends_on) VALUES (?, ?)');
      for (const d of next.dependsOn) add.run(task.id, d);
    }
    touch(c, op.id);
    c.audit.append({ actor: c.actor, action: 'operation.task-edit', target: op.id, detail: { task: task.id, from: before, to: next } });
  });
  return openOperation(c, op.id);
}
