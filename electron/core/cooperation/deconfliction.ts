import type { DeconflictionRow, OperationStatus } from '../../../shared/cooperation/dto';
import type { Case } from '../store/case';

// Deconfliction: two bureaus must not raid the same person unknowingly. An entity is in conflict
// when two live operations (not concluded) target it, or when an operation targets it and it is
// the subject of restricted information of a bureau other than the operation's lead (statements
// from sources restricted to named bureaus, or handled H2). Targets are compared as the entity
// they count as after merge judgements (canonical_id), so two records of one person conflict.
// The list names whose information it is, never what it says.
// Plans received from other bureaus in packages count as live operations too (the newest copy of
// each, when not concluded, for targets mapped to an entity of this case): a partner's raid on our
// target is the conflict deconfliction exists for. The restricted-information check stays with
// this case's own operations, whose lead we advise; a partner's plan names what it chose to share.

interface TargetRow {
  operation_id: string;
  name: string;
  code_word: string;
  lead_bureau: string;
  status: OperationStatus;
  entity_id: string;
  bureau: string;
  canon: string;
  /** Set for a target of a received plan: the plan's row id and the bureau that sent it. */
  plan_id: string | null;
  sender: string | null;
}

type OperationRef = DeconflictionRow['operations'][number];

function liveTargets(c: Case): TargetRow[] {
  const own = c.db
    .prepare(
      `SELECT t.operation_id, o.name, o.code_word, o.lead_bureau, o.status, t.entity_id, t.bureau,
              coalesce(e.canonical_id, t.entity_id) AS canon, NULL AS plan_id, NULL AS sender
         FROM operation_targets t JOIN operations o ON o.id = t.operation_id
         LEFT JOIN entities e ON e.id = t.entity_id
        WHERE o.status <> 'concluded'
        ORDER BY o.created_at, o.id, t.added_at, t.entity_id`,
    )
    .all() as TargetRow[];
  // A later package with the same operation is a newer copy: only the newest counts, and an
  // operation this case holds itself (a plan we sent that came back) is not a second operation.
  const received = c.db
    .prepare(
      `SELECT p.operation_id, p.name, p.code_word, p.lead_bureau, p.status, t.entity_id, t.bureau,
              coalesce(e.canonical_id, t.entity_id) AS canon, p.id AS plan_id, p.sender_bureau AS sender
         FROM received_plans p JOIN received_plan_targets t ON t.plan_id = p.id
         JOIN entities e ON e.id = t.entity_id AND e.deleted = 0
        WHERE t.mapped = 1 AND p.status <> 'concluded'
          AND p.id = (SELECT q.id FROM received_plans q WHERE q.operation_id = p.operation_id ORDER BY q.sent_at DESC, q.received_at DESC, q.id DESC LIMIT 1)
          AND NOT EXISTS (SELECT 1 FROM operations o WHERE o.id = p.operation_id)
        ORDER BY p.sent_at, p.operation_id, t.entity_id`,
    )
    .all() as TargetRow[];
  return [...own, ...received];
}

/** Restricted information on any record of the cluster, by originator, handling and audience. */
function restrictedOn(c: Case, canon: string): Array<{ originator: string; handling: string | null; restricted_to: string; sources: number }> {
  return c.db
    .prepare(
      `SELECT s.originator, s.handling, s.restricted_to, count(DISTINCT s.id) AS sources
         FROM statements st JOIN sources s ON s.id = st.source_id JOIN entities e ON e.id = st.entity_id
        WHERE st.retracted = 0 AND coalesce(e.canonical_id, e.id) = ?
          AND (s.restricted_to <> '[]' OR s.handling = 'H2')
        GROUP BY s.originator, s.handling, s.restricted_to
        ORDER BY s.originator, s.handling`,
    )
    .all(canon) as Array<{ originator: string; handling: string | null; restricted_to: string; sources: number }>;
}

export function deconflictionList(c: Case): DeconflictionRow[] {
  const byCanon = new Map<string, TargetRow[]>();
  for (const t of liveTargets(c)) byCanon.set(t.canon, [...(byCanon.get(t.canon) ?? []), t]);
  const caption = c.db.prepare('SELECT caption FROM entities WHERE id = ?').pluck();
  const ref = (t: TargetRow): OperationRef => ({
    id: t.operation_id,
    name: t.name,
    codeWord: t.code_word,
    leadBureau: t.lead_bureau,
    status: t.status,
    targetId: t.entity_id,
    bureau: t.bureau,
    ...(t.plan_id !== null && t.sender !== null ? { received: { planId: t.plan_id, sender: t.sender } } : {}),
  });
  const rows: DeconflictionRow[] = [];
  for (const [canon, targets] of byCanon) {
    const label = (caption.get(canon) as string | undefined) || canon;
    const operations = new Set(targets.map((t) => t.operation_id));
    if (operations.size > 1) {
      rows.push({
        entityId: canon,
        caption: label,
        kind: 'targets',
        operations: targets.map(ref),
        bureaus: [...new Set(targets.flatMap((t) => [t.lead_bureau, t.bureau]))].sort(),
        restricted: [],
      });
    }
    const restricted = restrictedOn(c, canon);
    const concerned = targets.filter((t) => t.plan_id === null && restricted.some((r) => r.originator !== t.lead_bureau));
    if (concerned.length > 0) {
      const leads = new Set(concerned.map((t) => t.lead_bureau));
      const others = restricted.filter((r) => [...leads].some((l) => l !== r.originator));
      rows.push({
        entityId: canon,
        caption: label,
        kind: 'restricted',
        operations: concerned.map(ref),
        bureaus: [...new Set([...concerned.flatMap((t) => [t.lead_bureau, t.bureau]), ...others.map((r) => r.originator)])].sort(),
        restricted: others.map((r) => ({ originator: r.originator, handling: r.handling, restrictedTo: JSON.parse(r.restricted_to) as string[], sources: r.sources })),
      });
    }
  }
  return rows;
}
