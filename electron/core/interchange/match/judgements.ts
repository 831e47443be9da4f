import type { MatchCluster } from '../../../../shared/interchange/dto';
import { captionOf, getSchema } from '../../../../shared/catalogue';
import { CordonError } from '../../../../shared/errors';
import { clusterMembers } from '../../store/canonical';
import type { Case } from '../../store/case';
import { byProperty, liveStatementViews } from '../../store/entity-reads';

// Same-as judgements (DESIGN.md §3). Nothing is merged destructively: a "same" judgement links
// two records, and `entities.canonical_id` is recomputed from the judgements in force (the
// connected components of "same"), so undoing one ("split") is superseding it and recomputing.
// The canonical id of a cluster is its smallest member id (the oldest: ids are uuidv7).

type Decision = 'same' | 'not_same' | 'unsure';

function requireEntity(c: Case, id: string): { schema: string; canonical_id: string | null } {
  const row = c.db.prepare('SELECT schema, canonical_id, is_link, deleted FROM entities WHERE id = ?').get(id) as
    | { schema: string; canonical_id: string | null; is_link: number; deleted: number }
    | undefined;
  if (!row || row.deleted) throw new CordonError('NOT_FOUND', `Entity ${id} is not in this case.`);
  if (row.is_link) throw new CordonError('INVALID_INPUT', `${id} is a link; only entities are matched.`);
  return row;
}

/** Every entity connected to the seeds by "same" judgements in force. */
function component(c: Case, seed: string): string[] {
  const next = c.db.prepare(
    "SELECT entity_b AS other FROM match_judgements WHERE entity_a = ? AND decision = 'same' AND superseded_at IS NULL UNION SELECT entity_a FROM match_judgements WHERE entity_b = ? AND decision = 'same' AND superseded_at IS NULL",
  );
  const seen = new Set([seed]);
  const queue = [seed];
  while (queue.length) {
    const id = queue.pop()!;
    for (const { other } of next.all(id, id) as Array<{ other: string }>) {
      if (!seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return [...seen];
}

/** Recomputes canonical ids for everything that was, or now is, clustered with these entities. */
function recompute(c: Case, ids: string[]): void {
  const formerly = c.db.prepare('SELECT id FROM entities WHERE canonical_id = ?').pluck();
  const all = new Set<string>();
  for (const id of ids) {
    all.add(id);
    const canon = (c.db.prepare('SELECT canonical_id FROM entities WHERE id = ?').pluck().get(id) as string | null) ?? null;
    if (canon) for (const m of formerly.all(canon) as string[]) all.add(m);
  }
  const set = c.db.prepare('UPDATE entities SET canonical_id = ? WHERE id = ?');
  const done = new Set<string>();
  for (const id of all) {
    if (done.has(id)) continue;
    const members = component(c, id);
    const canon = members.length > 1 ? [...members].sort()[0]! : null;
    for (const m of members) {
      set.run(canon, m);
      done.add(m);
    }
  }
}

export function judge(c: Case, a: string, b: string, decision: Decision, score: number | undefined, reasons: string[]): MatchCluster {
  if (a === b) throw new CordonError('INVALID_INPUT', 'An entity is always the same as itself.');
  const ea = requireEntity(c, a);
  const eb = requireEntity(c, b);
  if (decision === 'same' && ea.schema !== eb.schema) {
    const parties = ['Organization', 'Company', 'LegalEntity'];
    if (!(parties.includes(ea.schema) && parties.includes(eb.schema))) {
      throw new CordonError('CONSTRAINT', `A ${ea.schema} and a ${eb.schema} cannot be the same entity.`);
    }
  }
  const [x, y] = a < b ? [a, b] : [b, a];
  const now = new Date().toISOString();
  c.write(() => {
    c.db.prepare('UPDATE match_judgements SET superseded_at = ? WHERE entity_a = ? AND entity_b = ? AND superseded_at IS NULL').run(now, x, y);
    c.db
      .prepare('INSERT INTO match_judgements (entity_a, entity_b, decision, score, reasons, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(x, y, decision, score ?? null, JSON.stringify(reasons), c.actor, now);
    recompute(c, [x, y]);
    c.audit.append({ actor: c.actor, action: 'match.judge', target: x, detail: { a: x, b: y, decision, score: score ?? null, reasons } });
  });
  return cluster(c, a);
}

/** Takes the entity out of its cluster: its "same" judgements stop being in force. */
export function split(c: Case, id: string): MatchCluster {
  requireEntity(c, id);
  const now = new Date().toISOString();
  c.write(() => {
    const before = component(c, id);
    const undone = c.db
      .prepare("UPDATE match_judgements SET superseded_at = ? WHERE (entity_a = ? OR entity_b = ?) AND decision = 'same' AND superseded_at IS NULL")
      .run(now, id, id).changes;
    recompute(c, before);
    c.audit.append({ actor: c.actor, action: 'match.split', target: id, detail: { undone, formerCluster: before } });
  });
  return cluster(c, id);
}

/** The merged view of an entity's cluster: all statements of all members. */
export function cluster(c: Case, id: string): MatchCluster {
  const self = requireEntity(c, id);
  const canon = self.canonical_id;
  const memberIds = clusterMembers(c.db, canon ?? id);
  const summary = c.db.prepare('SELECT id, schema, caption FROM entities WHERE id = ?');
  const members = memberIds.map((m) => summary.get(m) as { id: string; schema: string; caption: string });
  const properties = byProperty(liveStatementViews(c.db, memberIds));
  const head = members.find((m) => m.id === (canon ?? id)) ?? members[0]!;
  const caption = captionOf(getSchema(head.schema)!, (p) => (properties[p] ?? []).map((s) => s.value));
  return { canonicalId: canon, members, properties, caption };
}
