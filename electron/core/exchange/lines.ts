import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { releasableStatementsSql, retractionsWhere } from './review';

// The data files of a package, produced line by line from the export's TEMP sets (review.ts).
// Each producer reads in pages (keyset pagination), never holding an SQLite cursor across an
// await, and yields JSON lines; calling it twice yields the same bytes (the writer measures first,
// then writes: tar needs each size up front, and nothing unencrypted may touch the disk).

const PAGE = 500;

function* paged<T>(fetch: (after: T | null) => T[]): Generator<T[]> {
  let after: T | null = null;
  for (;;) {
    const rows = fetch(after);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!;
  }
}

export function* sourceLines(db: Database): Generator<string> {
  const q = db.prepare(
    `SELECT id, title, scheme, grade, handling, handling_conditions, tlp, originator, restricted_to, reference, report_date, created_at
       FROM sources WHERE id IN (SELECT id FROM x_sent_sources) AND id > ? ORDER BY id LIMIT ${PAGE}`,
  );
  type Row = { id: string; title: string; scheme: string; grade: string; handling: string | null; handling_conditions: string | null; tlp: string | null; originator: string; restricted_to: string; reference: string | null; report_date: string | null; created_at: string };
  for (const rows of paged<Row>((a) => q.all(a?.id ?? '') as Row[])) {
    for (const r of rows) {
      yield `${JSON.stringify({
        id: r.id,
        title: r.title,
        scheme: r.scheme,
        grade: r.grade,
        handling: r.handling,
        handling_conditions: r.handling_conditions,
        tlp: r.tlp,
        originator: r.originator,
        restricted_to: JSON.parse(r.restricted_to) as string[],
        reference: r.reference,
        report_date: r.report_date,
        created_at: r.created_at,
      })}\n`;
    }
  }
}

interface StatementRow {
  entity_id: string;
  prop: string;
  value: string;
  source_id: string | null;
  originator: string;
  first_seen: string;
  last_seen: string;
}

interface EntityPageRow {
  is_link: number;
  id: string;
  schema: string;
}

/** Pages of entities (non-links first, so that a link's endpoints precede it) with their releasable statements. */
function* entityPages(db: Database): Generator<Array<{ entity: EntityPageRow; statements: StatementRow[] }>> {
  // One pass per kind (is_link = 0, then 1), each walking the primary key: a row-value comparison
  // over both columns would not use the index and would rescan the table for every page.
  const page = db.prepare(
    `SELECT x.is_link, x.id, e.schema FROM x_entities x JOIN entities e ON e.id = x.id
      WHERE x.is_link = ? AND x.id > ? ORDER BY x.id LIMIT ${PAGE}`,
  );
  const stmtsFor = new Map<number, Statement>();
  const statementsOf = (n: number): Statement => {
    let s = stmtsFor.get(n);
    if (!s) {
      s = db.prepare(
        `SELECT st.entity_id, st.prop, st.value, st.source_id, st.originator, st.first_seen, st.last_seen FROM statements st
          WHERE st.entity_id IN (${new Array<string>(n).fill('?').join(',')}) AND st.retracted = 0 AND ${releasableStatementsSql()}
          ORDER BY st.entity_id, st.id`,
      );
      stmtsFor.set(n, s);
    }
    return s;
  };
  for (const isLink of [0, 1]) for (const rows of paged<EntityPageRow>((a) => page.all(isLink, a?.id ?? '') as EntityPageRow[])) {
    const all = statementsOf(rows.length).all(...rows.map((r) => r.id)) as StatementRow[];
    const byEntity = new Map<string, StatementRow[]>();
    for (const s of all) {
      let list = byEntity.get(s.entity_id);
      if (!list) byEntity.set(s.entity_id, (list = []));
      list.push(s);
    }
    yield rows.map((entity) => ({ entity, statements: byEntity.get(entity.id) ?? [] }));
  }
}

function entityLine(entity: EntityPageRow, statements: StatementRow[]): string {
  const properties: Record<string, string[]> = {};
  for (const s of statements) {
    const values = (properties[s.prop] ??= []);
    if (!values.includes(s.value)) values.push(s.value);
  }
  return `${JSON.stringify({ id: entity.id, schema: entity.schema, properties })}\n`;
}

function statementLine(s: StatementRow): string {
  return `${JSON.stringify({
    entity_id: s.entity_id,
    prop: s.prop,
    value: s.value,
    source_id: s.source_id,
    originator: s.originator,
    first_seen: s.first_seen,
    last_seen: s.last_seen,
  })}\n`;
}

/** FollowTheMoney entities: the union of the releasable statements of each entity. */
export function* entityLines(db: Database): Generator<string> {
  for (const page of entityPages(db)) for (const { entity, statements } of page) yield entityLine(entity, statements);
}

export function* statementLines(db: Database): Generator<string> {
  for (const page of entityPages(db)) for (const { statements } of page) for (const s of statements) yield statementLine(s);
}

/** Both files' lines from one walk over the entities (the measuring pass needs no second walk). */
export function* entityAndStatementLines(db: Database): Generator<{ entity: string; statements: string[] }> {
  for (const page of entityPages(db)) {
    for (const { entity, statements } of page) yield { entity: entityLine(entity, statements), statements: statements.map(statementLine) };
  }
}

export function* retractionLines(db: Database, myBureau: string, since: string | null): Generator<string> {
  const q = db.prepare(
    `SELECT st.id, st.entity_id, st.prop, st.value, st.source_id, st.originator, st.last_seen FROM statements st
      WHERE ${retractionsWhere()} AND st.id > ? ORDER BY st.id LIMIT ${PAGE}`,
  );
  type Row = { id: number; entity_id: string; prop: string; value: string; source_id: string | null; originator: string; last_seen: string };
  for (const rows of paged<Row>((a) => q.all(myBureau, since ?? '', a?.id ?? 0) as Row[])) {
    for (const r of rows) {
      yield `${JSON.stringify({ entity_id: r.entity_id, prop: r.prop, value: r.value, source_id: r.source_id, originator: r.originator, retracted_at: r.last_seen })}\n`;
    }
  }
}
