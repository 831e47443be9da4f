import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

// Statements prepared once per connection and SQL text: parsing and planning a statement costs
// about as much as running a short one, and the hot paths (bulk inserts, search pages, source
// lookups) run the same few thousands of times. Keyed by connection, so a closed case's
// statements go with it. A caller that switches a statement's mode (pluck, raw) owns its SQL text.

const cache = new WeakMap<Database, Map<string, Statement>>();

export function cachedStatement(db: Database, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let st = m.get(sql);
  if (!st) m.set(sql, (st = db.prepare(sql)));
  return st;
}
