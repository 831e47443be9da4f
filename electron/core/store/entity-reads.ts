import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { EntityDetail, EntityPage, EntitySummary, LinkView, StatementView } from '../../../shared/entities/dto';
import { CordonError } from '../../../shared/errors';
import { mostRestrictive, type GradingScheme, type Tlp } from '../../../shared/grading';
import { canonicalId, CANONICAL_ONLY, clusterMembers } from './canonical';

// What the case says of its entities, read: an entity's page with the provenance of every value,
// a page of the list, and the live statements of some entities (store/entities.ts writes them).

export function entitySummary(db: Database, id: string): EntitySummary {
  const row = db.prepare('SELECT id, schema, caption FROM entities WHERE id = ?').get(id) as EntitySummary | undefined;
  if (!row) throw new CordonError('NOT_FOUND', `Entity ${id} is not in this case.`);
  return row;
}

/**
 * The entity page: every live statement with its source and grading, and the links. A record
 * merged with others (same-as judgements) shows as its cluster: the canonical record's id, the
 * statements and links of every member, and the members themselves.
 */
export function entityDetail(db: Database, id: string): EntityDetail {
  const canon = canonicalId(db, id) ?? id;
  const row = db.prepare('SELECT id, schema, caption, created_at, updated_at, deleted FROM entities WHERE id = ?').get(canon) as
    | { id: string; schema: string; caption: string; created_at: string; updated_at: string; deleted: number }
    | undefined;
  if (!row || row.deleted) throw new CordonError('NOT_FOUND', `Entity ${id} is not in this case.`);
  const members = clusterMembers(db, canon);
  const statements = liveStatementViews(db, members);
  const properties = byProperty(statements);
  // The other end of each link as the analyst knows it: its canonical record.
  const links = db
    .prepare(
      `WITH m(id) AS (SELECT value FROM json_each(@members))
       SELECT l.id, e.schema, e.caption, 'out' AS direction, o.id AS oid, o.schema AS oschema, o.caption AS ocaption
         FROM links l JOIN entities e ON e.id = l.id JOIN entities t ON t.id = l.target_id JOIN entities o ON o.id = coalesce(t.canonical_id, t.id)
        WHERE l.source_id IN (SELECT id FROM m) AND e.deleted = 0
       UNION ALL
       SELECT l.id, e.schema, e.caption, 'in', o.id, o.schema, o.caption
         FROM links l JOIN entities e ON e.id = l.id JOIN entities s ON s.id = l.source_id JOIN entities o ON o.id = coalesce(s.canonical_id, s.id)
        WHERE l.target_id IN (SELECT id FROM m) AND e.deleted = 0
       LIMIT 5000`,
    )
    .all({ members: JSON.stringify(members) }) as Array<{ id: string; schema: string; caption: string; direction: 'out' | 'in'; oid: string; oschema: string; ocaption: string }>;
  const linkViews: LinkView[] = links.map((l) => ({
    id: l.id,
    schema: l.schema,
    caption: l.caption,
    direction: l.direction,
    other: { id: l.oid, schema: l.oschema, caption: l.ocaption },
  }));
  const ends = db.prepare('SELECT source_id, target_id FROM links WHERE id = ?').get(canon) as { source_id: string; target_id: string } | undefined;
  const banner = mostRestrictive(statements.map((s) => ({ handling: s.source?.handling ?? undefined, tlp: s.source?.tlp ?? undefined })));
  return {
    id: row.id,
    schema: row.schema,
    caption: row.caption,
    properties,
    links: linkViews,
    endpoints: ends ? { source: entitySummary(db, ends.source_id), target: entitySummary(db, ends.target_id) } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    handling: banner.handling,
    tlp: banner.tlp,
    ...(members.length > 1 ? { mergedFrom: members.map((m) => entitySummary(db, m)) } : {}),
  };
}

/** A page of the case's entities (one row per cluster of merged records), by caption. */
export function entityPage(db: Database, offset: number, limit: number, schema?: string): EntityPage {
  // One row per cluster of merged records: its canonical record.
  const where = `deleted = 0 AND is_link = 0 AND ${CANONICAL_ONLY}${schema ? ' AND schema = ?' : ''}`;
  const args = schema ? [schema] : [];
  const total = db.prepare(`SELECT count(*) FROM entities WHERE ${where}`).pluck().get(...args) as number;
  const items = db
    .prepare(`SELECT id, schema, caption FROM entities WHERE ${where} ORDER BY sort_key, rid LIMIT ? OFFSET ?`)
    .all(...args, limit, offset) as EntitySummary[];
  return { total, items };
}

type StatementRow = {
  id: number;
  entity_id: string;
  prop: string;
  value: string;
  source_id: string | null;
  originator: string;
  first_seen: string;
  last_seen: string;
  title: string | null;
  scheme: string | null;
  grade: string | null;
  handling: string | null;
  tlp: string | null;
};

/** The live statements of some entities, each with its source's grading: what provenance shows. */
export function liveStatementViews(db: Database, entityIds: readonly string[]): Array<StatementView & { entityId: string }> {
  if (entityIds.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT st.id, st.entity_id, st.prop, st.value, st.source_id, st.originator, st.first_seen, st.last_seen,
              s.title, s.scheme, s.grade, s.handling, s.tlp
         FROM statements st LEFT JOIN sources s ON s.id = st.source_id
        WHERE st.entity_id IN (${entityIds.map(() => '?').join(', ')}) AND st.retracted = 0 ORDER BY st.id`,
    )
    .all(...entityIds) as StatementRow[];
  return rows.map((r) => ({
    id: r.id,
    entityId: r.entity_id,
    prop: r.prop,
    value: r.value,
    sourceId: r.source_id,
    source:
      r.source_id && r.title !== null
        ? { id: r.source_id, title: r.title, scheme: r.scheme as GradingScheme, grade: r.grade!, handling: r.handling, tlp: r.tlp as Tlp | null }
        : null,
    originator: r.originator,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  }));
}

/** Statements grouped by property, in the order they were made. */
export function byProperty<T extends { prop: string }>(statements: readonly T[]): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const st of statements) (out[st.prop] ??= []).push(st);
  return out;
}
