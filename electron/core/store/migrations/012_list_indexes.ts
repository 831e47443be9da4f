import type { Database } from 'better-sqlite3-multiple-ciphers';

// Schema version 12: the entity list's indexes end in the integer rid, not the entity id (issue 2:
// insert speed).
//
// The list pages through entities by sort key (`entities_list`, and `entities_schema_list` for one
// type). Both indexes ended in the 39-character id as a tie-break, and both take their inserts in
// random order (by name), so at a million entities each 50,000-entity transaction dirtied nearly
// every page of them, and every commit wrote those pages again. An index on (sort_key) already
// holds the rid (the rowid) after the key, so it orders ties by rid with no column added: the
// entries shrink by the id's 40 bytes. Measured with `bench:store-floor --rid-indexes` at 1M people
// + 1.5M links, encrypted: 52,769 → 66,781 statements/s.
//
// Ties (two entities with the same sort key) now list in the order they were created, where they
// listed by id before: for ids made here (time-ordered UUIDv7) that is the same order.
export function up(db: Database): void {
  db.exec(`
    DROP INDEX entities_list;
    DROP INDEX entities_schema_list;
    CREATE INDEX entities_list ON entities(sort_key) WHERE deleted = 0 AND is_link = 0;
    CREATE INDEX entities_schema_list ON entities(schema, sort_key) WHERE deleted = 0 AND is_link = 0;
  `);
}
