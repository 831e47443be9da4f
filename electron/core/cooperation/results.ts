import type { ParsedInput } from '../../../shared/api';
import type { OperationResults, OperationResultView, ResultKind, ResultTotals } from '../../../shared/cooperation/dto';
import { CordonError } from '../../../shared/errors';
import { buildCaseGraph } from '../analysis/case-graph';
import type { RunControl } from '../analysis/control';
import { removeTargets } from '../analysis/disrupt';
import type { Case } from '../store/case';
import { nowIso, requireEntities } from './common';
import { requireOperation } from './operations';

// Results of an operation: arrests, seizures and frozen assets, per target and per country, and
// the network after it. "After" is the disruption simulator (analysis/disrupt.ts) on the case's
// network as it is now: the plan removes every target, what was achieved removes the arrested
// ones; both are LCC fractions of the same network, so they compare directly.

interface ResultRow {
  id: string;
  entity_id: string | null;
  bureau: string;
  kind: ResultKind;
  type: string;
  quantity: number | null;
  unit: string;
  value: number | null;
  currency: string | null;
  note: string;
  recorded_at: string;
}

const view = (r: ResultRow): OperationResultView => ({
  id: r.id,
  entityId: r.entity_id,
  bureau: r.bureau,
  kind: r.kind,
  type: r.type,
  quantity: r.quantity,
  unit: r.unit,
  value: r.value,
  currency: r.currency,
  note: r.note,
  recordedAt: r.recorded_at,
});

export function recordResult(c: Case, input: ParsedInput<'operation.recordResult'>): OperationResultView {
  const op = requireOperation(c, input.operationId);
  if (op.status !== 'executing' && op.status !== 'concluded') {
    throw new CordonError('CONSTRAINT', `Operation ${op.name} is ${op.status}: results are recorded once it is executing.`);
  }
  if (input.entityId !== undefined) requireEntities(c, [input.entityId], 'Result');
  const id = c.newId();
  const now = nowIso();
  c.write(() => {
    c.db
      .prepare(
        `INSERT INTO operation_results (id, operation_id, entity_id, bureau, kind, type, quantity, unit, value, currency, note, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, op.id, input.entityId ?? null, input.bureau, input.kind, input.type, input.quantity ?? null, input.unit, input.value ?? null, input.currency ?? null, input.note, now);
    c.audit.append({
      actor: c.actor,
      action: 'operation.result',
      target: op.id,
      detail: { result: id, kind: input.kind, entity: input.entityId ?? null, bureau: input.bureau, type: input.type, quantity: input.quantity ?? null, value: input.value ?? null, currency: input.currency ?? null },
    });
  });
  return view(c.db.prepare('SELECT * FROM operation_results WHERE id = ?').get(id) as ResultRow);
}

function emptyTotals(): ResultTotals {
  return { arrests: 0, seizures: 0, freezes: 0, value: {} };
}

function addTo(t: ResultTotals, r: ResultRow): void {
  if (r.kind === 'arrest') t.arrests++;
  else if (r.kind === 'seizure') t.seizures++;
  else t.freezes++;
  if (r.value !== null && r.currency) t.value[r.currency] = (t.value[r.currency] ?? 0) + r.value;
}

const percent = (f: number) => `${Math.round(f * 100)}%`;

export async function operationResults(c: Case, id: string, ctl: RunControl = {}): Promise<OperationResults> {
  const op = requireOperation(c, id);
  const rows = c.db.prepare('SELECT * FROM operation_results WHERE operation_id = ? ORDER BY recorded_at, rowid').all(id) as ResultRow[];
  const targets = c.db
    .prepare('SELECT t.entity_id, e.caption, coalesce(e.canonical_id, t.entity_id) AS canon FROM operation_targets t LEFT JOIN entities e ON e.id = t.entity_id WHERE t.operation_id = ? ORDER BY t.added_at, t.entity_id')
    .all(id) as Array<{ entity_id: string; caption: string | null; canon: string }>;
  const canonOf = c.db.prepare('SELECT coalesce(canonical_id, id) FROM entities WHERE id = ?').pluck();

  // A result on any record of a target's cluster counts for that target.
  const byTarget = targets.map((t) => ({ entityId: t.entity_id, caption: t.caption || t.entity_id, arrested: false, canon: t.canon, ...emptyTotals() }));
  const byCountry = new Map<string, ResultTotals>();
  for (const r of rows) {
    const canon = r.entity_id ? ((canonOf.get(r.entity_id) as string | undefined) ?? r.entity_id) : null;
    const target = canon ? byTarget.find((t) => t.canon === canon) : undefined;
    if (target) {
      addTo(target, r);
      if (r.kind === 'arrest') target.arrested = true;
    }
    const country = byCountry.get(r.bureau) ?? emptyTotals();
    addTo(country, r);
    byCountry.set(r.bureau, country);
  }

  let network: OperationResults['network'] = null;
  const cg = buildCaseGraph(c.db, { directed: false, weighted: false });
  const nodeOf = (entity: string): number | null => {
    try {
      return cg.nodeOf(entity);
    } catch {
      return null;
    }
  };
  const planned = [...new Set(byTarget.map((t) => nodeOf(t.entityId)).filter((n): n is number => n !== null))];
  const notInNetwork = byTarget.filter((t) => nodeOf(t.entityId) === null).map((t) => t.entityId);
  if (planned.length > 0) {
    const arrested = [...new Set(byTarget.filter((t) => t.arrested).map((t) => nodeOf(t.entityId)).filter((n): n is number => n !== null))];
    const plan = await removeTargets(cg.graph, planned, {}, ctl);
    const achieved = await removeTargets(cg.graph, arrested, {}, ctl);
    const initialLcc = plan.before.lcc;
    const ids = (nodes: number[]) => nodes.map((n) => cg.nodes[n]!.id);
    const fraction = (lcc: number) => (initialLcc > 0 ? lcc / initialLcc : 0);
    network = {
      initialLcc,
      planned: { removed: ids(planned), lcc: plan.after.lcc, lccFraction: fraction(plan.after.lcc), components: plan.after.components },
      achieved: { removed: ids(arrested), lcc: achieved.after.lcc, lccFraction: fraction(achieved.after.lcc), components: achieved.after.components },
      notInNetwork,
      summary: `Planned to cut the LCC to ${percent(fraction(plan.after.lcc))}; achieved ${percent(fraction(achieved.after.lcc))} (${arrested.length} of ${planned.length} targets arrested; largest group ${initialLcc} → ${achieved.after.lcc}).`,
    };
  }
  return {
    operationId: op.id,
    results: rows.map(view),
    byTarget: byTarget.map(({ canon: _canon, ...t }) => t),
    byCountry: [...byCountry.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([bureau, t]) => ({ bureau, ...t })),
    network,
  };
}
