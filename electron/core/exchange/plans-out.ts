import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { OperationDetail } from '../../../shared/cooperation/dto';
import type { PlanInPackage, WithheldItem } from '../../../shared/exchange/dto';
import { CordonError } from '../../../shared/errors';
import { openOperation } from '../cooperation/operations';
import type { Case } from '../store/case';
import type { OperationLine } from './format';

// Operation plans in an export (issue 7, "Joint operations"): a plan goes only to bureaus that take
// part in the operation, its targets travel as entities of the same package, and a target whose
// entity the handling rules withhold is withheld from the plan too (the plan would otherwise name
// the very person the rules keep back).

export interface PlanExport {
  plan: OperationDetail;
  /** Target entity ids withheld from this recipient set. */
  withheld: Set<string>;
}

/** The plans to send, refused as a whole when a recipient bureau does not take part in one. */
export function plansFor(c: Case, operationIds: readonly string[], recipientBureaus: readonly string[]): OperationDetail[] {
  const out: OperationDetail[] = [];
  for (const id of new Set(operationIds)) {
    const op = openOperation(c, id);
    const outside = recipientBureaus.filter((b) => !op.bureaus.includes(b));
    if (outside.length > 0) {
      throw new CordonError(
        'CONSTRAINT',
        `Operation ${op.name} is shared only with its participating bureaus (${op.bureaus.join(', ')}); ${outside.join(', ')} ${outside.length > 1 ? 'do' : 'does'} not take part in it.`,
        { reason: 'NOT_PARTICIPATING', operation: op.id, bureaus: outside },
      );
    }
    out.push(op);
  }
  return out;
}

/** Live targets join the export scope, so the recipient receives the entities the plan names. */
export function addTargetsToScope(db: Database, plans: readonly OperationDetail[]): void {
  const add = db.prepare('INSERT OR IGNORE INTO x_scope (id) SELECT id FROM entities WHERE id = ? AND deleted = 0');
  for (const p of plans) for (const t of p.targetList) add.run(t.entityId);
}

/** Once x_entities is known: which targets stay behind, as review items. */
export function withholdTargets(db: Database, plans: readonly OperationDetail[]): { exports: PlanExport[]; items: WithheldItem[] } {
  const sent = db.prepare('SELECT 1 FROM x_entities WHERE id = ? AND is_link = 0').pluck();
  const items: WithheldItem[] = [];
  const exports = plans.map((plan) => {
    const withheld = new Set<string>();
    for (const t of plan.targetList) {
      if (sent.get(t.entityId)) continue;
      withheld.add(t.entityId);
      items.push({
        kind: 'target',
        id: t.entityId,
        caption: `${t.caption} (target of ${plan.name})`,
        rule: 'TARGET_WITHHELD',
        reason:
          t.state === 'deleted'
            ? 'the target entity has been deleted from the case'
            : 'the target entity is withheld under the handling rules, so the plan does not name it',
      });
    }
    return { plan, withheld };
  });
  return { exports, items };
}

export function planSummaries(exports: readonly PlanExport[]): PlanInPackage[] {
  return exports.map((e) => ({ id: e.plan.id, name: e.plan.name, codeWord: e.plan.codeWord, targets: e.plan.targetList.length - e.withheld.size, withheldTargets: e.withheld.size }));
}

/** operations.jsonl: one line per plan (each line ends with a newline). */
export function operationLines(exports: readonly PlanExport[]): string[] {
  return exports.map(({ plan: p, withheld }) => {
    const line: OperationLine = {
      id: p.id,
      name: p.name,
      code_word: p.codeWord,
      lead_bureau: p.leadBureau,
      bureaus: p.bureaus,
      agencies: p.agencies,
      status: p.status,
      action_day: p.actionDay,
      phases: p.phases.map((ph) => ({ id: ph.id, name: ph.name, start: ph.start, end: ph.end })),
      tasks: p.tasks.map((t) => ({ id: t.id, phase_id: t.phaseId, title: t.title, owner: t.owner, start: t.start, end: t.end, depends_on: t.dependsOn })),
      action_day_events: p.timeline.flatMap((g) => g.events.map((e) => ({ bureau: e.bureau, time_zone: e.timeZone, at: e.at, label: e.label }))),
      targets: p.targetList.filter((t) => !withheld.has(t.entityId)).map((t) => ({ entity_id: t.entityId, reason: t.reason, bureau: t.bureau })),
    };
    return `${JSON.stringify(line)}\n`;
  });
}
