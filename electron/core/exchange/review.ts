import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { HandlingReview, OfficerView, WithheldItem } from '../../../shared/exchange/dto';
import { CordonError } from '../../../shared/errors';
import { mostRestrictive, type Tlp } from '../../../shared/grading';
import type { Case } from '../store/case';
import { searchEntities } from '../store/search';
import { getOfficer, unusableReason } from './directory';
import { conditionsOf, withholdSource, type SourceGrading } from '../store/handling';
import { addTargetsToScope, planSummaries, plansFor, withholdTargets, type PlanExport } from './plans-out';

// The handling review of an export: which entities the scope covers, which sources the rules
// withhold, and therefore which statements, entities and links go. The sets live in TEMP tables
// (kept in memory: temp_store = MEMORY), so a scope of any size costs no JavaScript memory and the
// writer streams from them.

export type ExportScope =
  | { kind: 'all' }
  | { kind: 'entities'; ids: string[] }
  | { kind: 'search'; query: string }
  | { kind: 'project'; id: string }
  | { kind: 'changed' };

export interface PreparedExport {
  review: HandlingReview;
  recipients: OfficerView[];
  /** Retractions later than this (ISO) are sent; null: all of them. */
  since: string | null;
  projectId: string | null;
  /** Operation plans to send, each with the targets withheld from it. */
  plans: PlanExport[];
}

const MAX_LISTED = 1000;
/** A search scope takes at most this many best matches. */
const SEARCH_LIMIT = 100_000;

function resetTemp(db: Database): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS x_scope (id TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS x_sources (id TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS x_entities (is_link INTEGER NOT NULL, id TEXT NOT NULL, PRIMARY KEY (is_link, id)) WITHOUT ROWID;
    CREATE UNIQUE INDEX IF NOT EXISTS temp.x_entities_id ON x_entities(id);
    CREATE TEMP TABLE IF NOT EXISTS x_sent_sources (id TEXT PRIMARY KEY) WITHOUT ROWID;
    DELETE FROM x_scope; DELETE FROM x_sources; DELETE FROM x_entities; DELETE FROM x_sent_sources;
  `);
}

/** Empties the temp sets once the export is written (or abandoned). */
export function clearTemp(db: Database): void {
  resetTemp(db);
}

export function resolveRecipients(c: Case, ids: readonly string[]): OfficerView[] {
  const out: OfficerView[] = [];
  for (const id of new Set(ids)) {
    const o = getOfficer(c.db, id);
    if (o.self) throw new CordonError('CONSTRAINT', 'A package is not addressed to this workstation’s own officer.');
    const why = unusableReason(o);
    if (why) throw new CordonError('CONSTRAINT', `Cannot send to ${o.name}: ${why}.`);
    out.push(o);
  }
  if (out.length === 0) throw new CordonError('INVALID_INPUT', 'Choose at least one recipient officer.');
  return out;
}

/** The latest package to each recipient; the earliest of those bounds "changed since". */
function changedSince(db: Database, recipients: readonly OfficerView[]): string | null {
  const last = db.prepare(
    'SELECT max(o.created_at) FROM exchange_out o JOIN exchange_out_recipients r ON r.package_id = o.package_id WHERE r.officer_id = ? AND o.kind = ?',
  );
  let since: string | null = null;
  for (const r of recipients) {
    const t = last.pluck().get(r.id, 'data') as string | null;
    if (t === null) return null;
    if (since === null || t < since) since = t;
  }
  return since;
}

function fillScope(c: Case, scope: ExportScope, since: string | null): void {
  const db = c.db;
  const addIds = db.prepare('INSERT OR IGNORE INTO x_scope (id) SELECT id FROM entities WHERE id = ? AND deleted = 0');
  const closeOverLinks = () => {
    // A link needs its endpoints; and links between chosen entities go with them.
    db.exec(`INSERT OR IGNORE INTO x_scope (id) SELECT l.source_id FROM links l JOIN x_scope s ON s.id = l.id;
             INSERT OR IGNORE INTO x_scope (id) SELECT l.target_id FROM links l JOIN x_scope s ON s.id = l.id;`);
    db.exec(`INSERT OR IGNORE INTO x_scope (id)
               SELECT l.id FROM links l JOIN entities e ON e.id = l.id AND e.deleted = 0
                WHERE l.source_id IN (SELECT id FROM x_scope) AND l.target_id IN (SELECT id FROM x_scope)`);
  };
  switch (scope.kind) {
    case 'all':
      db.exec('INSERT INTO x_scope (id) SELECT id FROM entities WHERE deleted = 0');
      return;
    case 'entities':
      for (const id of scope.ids) {
        if (addIds.run(id).changes === 0) throw new CordonError('NOT_FOUND', `Entity ${id} is not in this case.`);
      }
      closeOverLinks();
      return;
    case 'search':
      for (const r of searchEntities(db, scope.query, SEARCH_LIMIT)) addIds.run(r.id);
      closeOverLinks();
      return;
    case 'project': {
      if (!db.prepare('SELECT 1 FROM projects WHERE id = ?').get(scope.id)) throw new CordonError('NOT_FOUND', `No project ${scope.id} in this case.`);
      db.prepare(
        "INSERT OR IGNORE INTO x_scope (id) SELECT i.item_id FROM project_items i JOIN entities e ON e.id = i.item_id AND e.deleted = 0 WHERE i.project_id = ? AND i.kind = 'entity'",
      ).run(scope.id);
      closeOverLinks();
      return;
    }
    case 'changed':
      if (since === null) db.exec('INSERT INTO x_scope (id) SELECT id FROM entities WHERE deleted = 0');
      else {
        db.prepare(
          'INSERT OR IGNORE INTO x_scope (id) SELECT DISTINCT st.entity_id FROM statements st JOIN entities e ON e.id = st.entity_id AND e.deleted = 0 WHERE st.last_seen > ?',
        ).run(since);
        db.exec(`INSERT OR IGNORE INTO x_scope (id) SELECT l.source_id FROM links l JOIN x_scope s ON s.id = l.id;
                 INSERT OR IGNORE INTO x_scope (id) SELECT l.target_id FROM links l JOIN x_scope s ON s.id = l.id;`);
      }
      return;
  }
}

// `+` keeps SQLite on the entity index: the source index is far less selective here.
const RELEASABLE = '(+st.source_id IS NULL OR +st.source_id IN (SELECT id FROM x_sources))';

/** Retractions of this bureau's own statements in scope, with releasable sources. */
export function retractionsWhere(): string {
  return `st.retracted = 1 AND st.originator = ? AND st.last_seen > ? AND ${RELEASABLE} AND st.entity_id IN (SELECT id FROM x_scope)`;
}

export function releasableStatementsSql(): string {
  return RELEASABLE;
}

export function prepareExport(c: Case, recipientIds: readonly string[], scope: ExportScope, operationIds: readonly string[] = []): PreparedExport {
  const db = c.db;
  const recipients = resolveRecipients(c, recipientIds);
  const bureaus = [...new Set(recipients.map((r) => r.bureau.code))];
  const operations = plansFor(c, operationIds, bureaus);
  const since = scope.kind === 'changed' ? changedSince(db, recipients) : null;
  resetTemp(db);
  fillScope(c, scope, since);
  addTargetsToScope(db, operations);

  // Sources: judged one by one against the rules (few, compared with statements).
  const referenced = db
    .prepare(
      `SELECT s.id, s.title, s.scheme, s.handling, s.handling_conditions, s.tlp, s.originator, s.restricted_to
         FROM sources s WHERE s.id IN (SELECT DISTINCT st.source_id FROM statements st JOIN x_scope x ON x.id = st.entity_id WHERE st.source_id IS NOT NULL)
        ORDER BY s.id`,
    )
    .all() as Array<{ id: string; title: string; scheme: string; handling: string | null; handling_conditions: string | null; tlp: string | null; originator: string; restricted_to: string }>;
  const withheldItems: WithheldItem[] = [];
  const withheldSourceIds = new Map<string, string>();
  const allow = db.prepare('INSERT INTO x_sources (id) VALUES (?)');
  for (const s of referenced) {
    const grading: SourceGrading = { id: s.id, title: s.title, scheme: s.scheme, handling: s.handling, tlp: s.tlp, originator: s.originator, restrictedTo: JSON.parse(s.restricted_to) as string[] };
    const w = withholdSource(grading, bureaus, c.bureau);
    if (w) {
      withheldSourceIds.set(s.id, w.reason);
      withheldItems.push({ kind: 'source', id: s.id, caption: s.title, rule: w.rule, reason: w.reason });
    } else allow.run(s.id);
  }

  // Entities with at least one releasable statement; then links whose both endpoints go and whose
  // endpoint statements are releasable (the existence of the link is itself information).
  db.exec(`INSERT INTO x_entities (is_link, id)
             SELECT 0, e.id FROM x_scope x JOIN entities e ON e.id = x.id
              WHERE e.is_link = 0 AND EXISTS (SELECT 1 FROM statements st WHERE st.entity_id = e.id AND st.retracted = 0 AND ${RELEASABLE})`);
  db.exec(`INSERT INTO x_entities (is_link, id)
             SELECT 1, l.id FROM x_scope x JOIN links l ON l.id = x.id
              WHERE l.source_id IN (SELECT id FROM x_entities WHERE is_link = 0) AND l.target_id IN (SELECT id FROM x_entities WHERE is_link = 0)
                AND EXISTS (SELECT 1 FROM statements st WHERE st.entity_id = l.id AND st.value = l.source_id AND st.retracted = 0 AND ${RELEASABLE})
                AND EXISTS (SELECT 1 FROM statements st WHERE st.entity_id = l.id AND st.value = l.target_id AND st.retracted = 0 AND ${RELEASABLE})`);

  const plans = withholdTargets(db, operations);
  withheldItems.push(...plans.items);

  const myBureau = c.bureau;
  const retractSince = since ?? '';
  db.prepare(
    `INSERT OR IGNORE INTO x_sent_sources (id)
       SELECT DISTINCT st.source_id FROM statements st JOIN x_entities x ON x.id = st.entity_id WHERE st.retracted = 0 AND st.source_id IN (SELECT id FROM x_sources)`,
  ).run();
  db.prepare(`INSERT OR IGNORE INTO x_sent_sources (id) SELECT DISTINCT st.source_id FROM statements st WHERE ${retractionsWhere()} AND st.source_id IS NOT NULL`).run(
    myBureau,
    retractSince,
  );

  const count = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;
  const included = {
    sources: count('SELECT count(*) FROM x_sent_sources'),
    entities: count('SELECT count(*) FROM x_entities WHERE is_link = 0'),
    links: count('SELECT count(*) FROM x_entities WHERE is_link = 1'),
    statements: count(`SELECT count(*) FROM x_entities x JOIN statements st ON st.entity_id = x.id WHERE st.retracted = 0 AND ${RELEASABLE}`),
    retractions: count(`SELECT count(*) FROM statements st WHERE ${retractionsWhere()}`, myBureau, retractSince),
  };
  const liveInScope = count('SELECT count(*) FROM x_scope x JOIN statements st ON st.entity_id = x.id WHERE st.retracted = 0');
  const withheldEntities = db
    .prepare(
      `SELECT e.id, e.caption, e.schema, e.is_link, l.source_id, l.target_id,
              (SELECT 1 FROM x_entities y WHERE y.id = l.source_id) AS src_ok, (SELECT 1 FROM x_entities y WHERE y.id = l.target_id) AS dst_ok
         FROM x_scope x JOIN entities e ON e.id = x.id LEFT JOIN links l ON l.id = e.id
        WHERE x.id NOT IN (SELECT id FROM x_entities)
        ORDER BY e.is_link, e.id`,
    )
    .iterate() as Iterable<{ id: string; caption: string; schema: string; is_link: number; source_id: string | null; target_id: string | null; src_ok: number | null; dst_ok: number | null }>;
  let wEntities = 0;
  let wLinks = 0;
  for (const e of withheldEntities) {
    if (e.is_link) wLinks++;
    else wEntities++;
    if (withheldItems.length >= MAX_LISTED) continue;
    if (e.is_link && (!e.src_ok || !e.dst_ok)) {
      const missing = !e.src_ok ? e.source_id : e.target_id;
      withheldItems.push({ kind: 'link', id: e.id, caption: e.caption || e.schema, rule: 'ENDPOINT_WITHHELD', reason: `its endpoint ${missing} is withheld` });
    } else {
      withheldItems.push({
        kind: e.is_link ? 'link' : 'entity',
        id: e.id,
        caption: e.caption || e.schema,
        rule: 'NO_RELEASABLE_STATEMENTS',
        reason: e.is_link ? 'the link is reported only by withheld sources' : 'everything known about it comes from withheld sources',
      });
    }
  }
  const sentSources = db
    .prepare('SELECT id, title, scheme, handling, handling_conditions, tlp FROM sources WHERE id IN (SELECT id FROM x_sent_sources) ORDER BY id')
    .all() as Array<{ id: string; title: string; scheme: string; handling: string | null; handling_conditions: string | null; tlp: Tlp | null }>;
  const highest = mostRestrictive(sentSources.map((s) => ({ handling: s.handling ?? undefined, tlp: s.tlp ?? undefined })));
  const review: HandlingReview = {
    recipients: recipients.map((r) => ({ id: r.id, name: r.name, bureau: r.bureau.code, fingerprintGroups: r.fingerprintGroups })),
    scope: describeScope(scope, since),
    included,
    withheld: {
      sources: withheldSourceIds.size,
      entities: wEntities,
      links: wLinks,
      statements: liveInScope - included.statements,
      items: withheldItems.slice(0, MAX_LISTED),
      truncated: withheldItems.length > MAX_LISTED || withheldSourceIds.size + wEntities + wLinks > MAX_LISTED,
    },
    conditions: sentSources.filter(conditionsOf).map((s) => ({ sourceId: s.id, title: s.title, handling: s.handling!, conditions: s.handling_conditions })),
    highest,
    plans: planSummaries(plans.exports),
  };
  return { review, recipients, since, projectId: scope.kind === 'project' ? scope.id : null, plans: plans.exports };
}

export function describeScope(scope: ExportScope, since: string | null): string {
  switch (scope.kind) {
    case 'all':
      return 'everything';
    case 'entities':
      return `a selection of ${scope.ids.length} entities`;
    case 'search':
      return `the search "${scope.query}"`;
    case 'project':
      return `project ${scope.id}`;
    case 'changed':
      return since ? `everything changed since ${since}` : 'everything (no earlier package to these recipients)';
  }
}
