import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ReceivedPlanDetail, ReceivedPlanSummary } from '../../../shared/exchange/dto';
import { CordonError } from '../../../shared/errors';
import type { Case } from '../store/case';
import type { PackageEntity } from './content';
import type { OperationLine } from './format';
import type { OuterChecked } from './open';
import { Refusal } from './refusal';

// Operation plans received in a package (operations.jsonl): checked for meaning (the line schema
// checked the shape), stored read-only on import with each target mapped to the entity that
// arrived with it, and listed and shown as the sender shared them.

/**
 * Refuses a plan that could not have come from a correct exporter: one not shared with this
 * bureau or not from a participant, a target that is not an entity of the same package, tasks
 * pointing at phases or tasks the plan does not hold, dates in the wrong order.
 */
export function checkPlan(
  p: OperationLine,
  n: number,
  ctx: { seen: Set<string>; entities: ReadonlyMap<string, PackageEntity>; myBureau: string; senderBureau: string },
): void {
  const fail = (m: string) => new Refusal('content', `operations.jsonl line ${n}: ${m}`);
  if (ctx.seen.has(p.id)) throw fail(`operation ${p.id} appears twice`);
  ctx.seen.add(p.id);
  if (!p.bureaus.includes(p.lead_bureau)) throw fail(`the lead bureau ${p.lead_bureau} is not among the participating bureaus`);
  if (!p.bureaus.includes(ctx.myBureau)) throw fail(`the plan of ${p.name} is shared with ${ctx.myBureau}, which does not take part in the operation`);
  if (!p.bureaus.includes(ctx.senderBureau)) throw fail(`the sender's bureau ${ctx.senderBureau} does not take part in ${p.name}`);
  const phases = new Set<string>();
  for (const ph of p.phases) {
    if (phases.has(ph.id)) throw fail(`phase ${ph.id} appears twice`);
    if (ph.end < ph.start) throw fail(`phase "${ph.name}" ends before it starts`);
    phases.add(ph.id);
  }
  const tasks = new Set(p.tasks.map((t) => t.id));
  if (tasks.size !== p.tasks.length) throw fail('a task appears twice');
  for (const t of p.tasks) {
    if (t.end < t.start) throw fail(`task "${t.title}" ends before it starts`);
    if (t.phase_id !== null && !phases.has(t.phase_id)) throw fail(`task "${t.title}" belongs to phase ${t.phase_id}, which the plan does not hold`);
    for (const d of t.depends_on) if (!tasks.has(d)) throw fail(`task "${t.title}" depends on ${d}, which the plan does not hold`);
  }
  const targets = new Set<string>();
  for (const t of p.targets) {
    if (targets.has(t.entity_id)) throw fail(`target ${t.entity_id} appears twice`);
    targets.add(t.entity_id);
    const e = ctx.entities.get(t.entity_id);
    if (!e) throw fail(`target ${t.entity_id} is not an entity of this package`);
    if (e.schema.edge) throw fail(`target ${t.entity_id} is a link, not an entity`);
  }
}

/** Stores the plans of an import (inside its transaction); targets map to entities now present. */
export function storeReceivedPlans(c: Case, outer: OuterChecked, plans: readonly OperationLine[], present: ReadonlySet<string>): number {
  const db = c.db;
  const now = new Date().toISOString();
  const insert = db.prepare(
    `INSERT INTO received_plans (id, package_id, operation_id, sender_bureau, sender_officer, sent_at, received_at, name, code_word, lead_bureau, status, action_day, plan)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const target = db.prepare('INSERT INTO received_plan_targets (plan_id, entity_id, reason, bureau, mapped) VALUES (?, ?, ?, ?, ?)');
  for (const p of plans) {
    const id = c.newId();
    insert.run(id, outer.envelope.packageId, p.id, outer.sender.bureau.code, outer.sender.name, outer.envelope.created, now, p.name, p.code_word, p.lead_bureau, p.status, p.action_day, JSON.stringify(p));
    for (const t of p.targets) target.run(id, t.entity_id, t.reason, t.bureau, present.has(t.entity_id) ? 1 : 0);
  }
  return plans.length;
}

interface PlanRow {
  id: string;
  package_id: string;
  operation_id: string;
  sender_bureau: string;
  sender_officer: string;
  sent_at: string;
  received_at: string;
  name: string;
  code_word: string;
  lead_bureau: string;
  status: ReceivedPlanSummary['status'];
  action_day: string | null;
  plan: string;
  targets: number;
}

const SELECT = 'SELECT p.*, (SELECT count(*) FROM received_plan_targets t WHERE t.plan_id = p.id) AS targets FROM received_plans p';

function summary(r: PlanRow): ReceivedPlanSummary {
  return {
    id: r.id,
    operationId: r.operation_id,
    name: r.name,
    codeWord: r.code_word,
    leadBureau: r.lead_bureau,
    status: r.status,
    actionDay: r.action_day,
    sender: { bureau: r.sender_bureau, officer: r.sender_officer },
    sentAt: r.sent_at,
    receivedAt: r.received_at,
    packageId: r.package_id,
    targets: r.targets,
  };
}

export function listReceivedPlans(db: Database): ReceivedPlanSummary[] {
  return (db.prepare(`${SELECT} ORDER BY p.received_at DESC, p.name`).all() as PlanRow[]).map(summary);
}

export function openReceivedPlan(db: Database, id: string): ReceivedPlanDetail {
  const r = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as PlanRow | undefined;
  if (!r) throw new CordonError('NOT_FOUND', `No received plan ${id} in this case.`);
  // The body was checked against operationLineSchema on import and is never edited since.
  const p = JSON.parse(r.plan) as OperationLine;
  const targets = db
    .prepare(
      `SELECT t.entity_id, t.reason, t.bureau, t.mapped, e.caption, e.schema, e.deleted
         FROM received_plan_targets t LEFT JOIN entities e ON e.id = t.entity_id WHERE t.plan_id = ?`,
    )
    .all(id) as Array<{ entity_id: string; reason: string; bureau: string; mapped: number; caption: string | null; schema: string | null; deleted: number | null }>;
  const order = new Map(p.targets.map((t, i) => [t.entity_id, i]));
  targets.sort((a, b) => order.get(a.entity_id)! - order.get(b.entity_id)!);
  return {
    ...summary(r),
    bureaus: p.bureaus,
    agencies: p.agencies,
    phases: p.phases.map((ph) => ({ id: ph.id, name: ph.name, start: ph.start, end: ph.end })),
    tasks: p.tasks.map((t) => ({ id: t.id, phaseId: t.phase_id, title: t.title, owner: t.owner, start: t.start, end: t.end, dependsOn: t.depends_on })),
    actionDayEvents: p.action_day_events.map((e) => ({ bureau: e.bureau, timeZone: e.time_zone, at: e.at, label: e.label })),
    targetList: targets.map((t) => ({
      entityId: t.entity_id,
      reason: t.reason,
      bureau: t.bureau,
      mapped: t.mapped === 1 && t.schema !== null && t.deleted === 0 ? { id: t.entity_id, caption: t.caption || t.entity_id, schema: t.schema } : null,
    })),
  };
}
