import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { FoldResult } from '../../../shared/comms/dto';
import { commsLinksBetween, restrictLink, sourceGrades, tallyEdge, type Tally } from './links';

// "Show people, not phones" (issue 17): each phone on a chart folded into the one party who uses
// it (a UsesPhone link), and the calls among the phones carried over as Call edges between the
// parties. A phone with no known user, or with several, is not folded: which of its users made a
// call is not known, and the chart must not say it was one of them.

export function foldPhones(db: Database, phoneIds: readonly string[]): FoldResult {
  const rows = db
    .prepare(
      `SELECT DISTINCT l.target_id AS phone, l.source_id AS user, u.schema, u.caption
         FROM json_each(?) j
         JOIN links l ON l.target_id = j.value
         JOIN entities e ON e.id = l.id AND e.deleted = 0 AND e.schema = 'UsesPhone'
         JOIN entities u ON u.id = l.source_id AND u.deleted = 0
        ORDER BY l.target_id, l.source_id`,
    )
    .all(JSON.stringify(phoneIds)) as Array<{ phone: string; user: string; schema: string; caption: string }>;
  const byPhone = new Map<string, typeof rows>();
  for (const r of rows) {
    let list = byPhone.get(r.phone);
    if (!list) byPhone.set(r.phone, (list = []));
    list.push(r);
  }
  const userOf = new Map<string, string>();
  const users: FoldResult['users'] = [];
  const shared: string[] = [];
  for (const [phone, list] of byPhone) {
    if (list.length === 1) {
      const u = list[0]!;
      userOf.set(phone, u.user);
      users.push({ phone, user: { id: u.user, schema: u.schema, caption: u.caption } });
    } else shared.push(phone);
  }
  // The calls among the chart's phones, each end as its user where it folds, summed per pair.
  const pairs = new Map<string, { source: string; target: string; tally: Tally; sources: Set<number> }>();
  for (const l of commsLinksBetween(db, phoneIds, phoneIds)) {
    const source = userOf.get(l.callerId) ?? l.callerId;
    const target = userOf.get(l.calleeId) ?? l.calleeId;
    // Two phones of one person calling each other: not a link between people.
    if (source === target) continue;
    if (!userOf.has(l.callerId) && !userOf.has(l.calleeId)) continue;
    const t = restrictLink(db, l, -Infinity, Infinity, null);
    if (!t) continue;
    const key = `${source}>${target}`;
    const p = pairs.get(key);
    if (!p) pairs.set(key, { source, target, tally: { ...t }, sources: new Set(l.sources) });
    else {
      p.tally.events += t.events;
      p.tally.calls += t.calls;
      p.tally.sms += t.sms;
      p.tally.duration += t.duration;
      p.tally.first = Math.min(p.tally.first, t.first);
      p.tally.last = Math.max(p.tally.last, t.last);
      for (const s of l.sources) p.sources.add(s);
    }
  }
  const grades = sourceGrades(db);
  const edges = [...pairs.values()].map((p) => tallyEdge(`fold:${p.source}>${p.target}`, p.source, p.target, p.tally, [...p.sources], grades));
  return { users, shared: shared.sort(), edges };
}
