import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

// The prepared statements of the entity store (store/entities.ts), made once per connection, and
// the chunked IN (...) lookups its bulk writes use.

export interface Prepared {
  insertEntity: Statement;
  touchEntity: Statement;
  insertLink: Statement;
  insertStatement: Statement;
  findStatement: Statement;
  seeStatement: Statement;
  entityExists: Statement;
  liveStatements: Statement;
  deleteSearch: Statement;
  insertSearch: Statement;
  /** IN (...) lookups of LOOKUP_CHUNK ids, built on first use. */
  many: Map<string, Statement>;
}

/** Ids per IN (...) lookup. */
export const LOOKUP_CHUNK = 200;

const cache = new WeakMap<Database, Prepared>();

export function prepared(db: Database): Prepared {
  let p = cache.get(db);
  if (!p) {
    p = {
      insertEntity: db.prepare('INSERT INTO entities (id, schema, caption, sort_key, is_link, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      touchEntity: db.prepare('UPDATE entities SET caption = ?, sort_key = ?, updated_at = ? WHERE rid = ?'),
      insertLink: db.prepare('INSERT INTO link_rows (rid, source, target) VALUES (?, ?, ?)'),
      insertStatement: db.prepare(
        'INSERT INTO statement_rows (entity, prop, value, source, originator, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      findStatement: db
        .prepare('SELECT id FROM statement_rows WHERE entity = ? AND prop = ? AND value = ? AND source IS ? AND originator = ? AND retracted = 0')
        .pluck(),
      seeStatement: db.prepare('UPDATE statement_rows SET last_seen = ? WHERE id = ?'),
      entityExists: db.prepare('SELECT rid, schema, deleted FROM entities WHERE id = ?'),
      liveStatements: db.prepare('SELECT prop, value FROM statement_rows WHERE entity = ? AND retracted = 0 ORDER BY id'),
      deleteSearch: db.prepare('DELETE FROM entity_search WHERE rowid = ?'),
      insertSearch: db.prepare('INSERT INTO entity_search (rowid, text) VALUES (?, ?)'),
      many: new Map(),
    };
    cache.set(db, p);
  }
  return p;
}

/** Runs `sql(n)` (an IN list of n placeholders) over the keys in chunks; the full-chunk form is prepared once. */
export function inChunks<K, R>(db: Database, q: Prepared, name: string, sql: (n: number) => string, keys: readonly K[]): R[] {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += LOOKUP_CHUNK) {
    const chunk = keys.slice(i, i + LOOKUP_CHUNK);
    let st = chunk.length === LOOKUP_CHUNK ? q.many.get(name) : undefined;
    if (!st) {
      st = db.prepare(sql(chunk.length));
      if (chunk.length === LOOKUP_CHUNK) q.many.set(name, st);
    }
    for (const row of st.all(...chunk) as R[]) out.push(row);
  }
  return out;
}

export const marks = (n: number) => new Array<string>(n).fill('?').join(', ');
export const lookupSql = (n: number) => `SELECT id, rid, schema, deleted FROM entities WHERE id IN (${marks(n)})`;
export const liveOfSql = (n: number) =>
  `SELECT st.id, st.entity, st.prop, st.value, s.id AS source_id, st.originator FROM statement_rows st LEFT JOIN sources s ON s.rid = st.source
    WHERE st.entity IN (${marks(n)}) AND st.retracted = 0`;

/** The key of a statement for "already said": the same value, from the same source and originator. */
export const statementKey = (prop: string, value: string, sourceId: string | null, originator: string) => `${prop}\u0000${value}\u0000${sourceId ?? ''}\u0000${originator}`;
