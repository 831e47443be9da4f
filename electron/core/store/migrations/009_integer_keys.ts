import type { Database } from 'better-sqlite3-multiple-ciphers';

// Schema version 9: integer keys inside the file (issue 2's insert and import targets).
//
// Entity ids stay `<bureau>-<uuidv7>` strings to the outside, but every row that pointed at an
// entity repeated that 39-character string: the link endpoints (two indexes on random entities),
// the statements and their (entity, prop) index, the search map and its UNIQUE index. At a million
// entities those indexes no longer fit the page cache and every insert became a page read and
// decryption. Measured on 200,000 people + 300,000 links (1.5 M statements, encrypted, process CPU):
// 28.6 s → 20.4 s with integer endpoints and statement owners, → 18.9 s without the search map;
// the file shrank from 613 to 383 MiB.
//
// - entities gets an explicit `rid INTEGER PRIMARY KEY` (an implicit rowid may be renumbered by
//   VACUUM; an alias never is), copied from the old rowid; `id` stays unique.
// - link_rows (rid, source, target) and statement_rows (…, entity, …) hold entity rids.
// - The FTS row of an entity has the entity's rid as its rowid: no map table.
// - `links` and `statements` become views with the old columns (ids as strings), so readers keep
//   working unchanged; writers use the tables (store/entities.ts, exchange/sinks.ts,
//   interchange/sink.ts).
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE entities_v7 (
      rid          INTEGER PRIMARY KEY,
      id           TEXT NOT NULL UNIQUE,
      schema       TEXT NOT NULL,
      caption      TEXT NOT NULL DEFAULT '',
      canonical_id TEXT,
      is_link      INTEGER NOT NULL DEFAULT 0,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL,
      deleted      INTEGER NOT NULL DEFAULT 0,
      sort_key     TEXT NOT NULL DEFAULT ''
    ) STRICT;
    INSERT INTO entities_v7 (rid, id, schema, caption, canonical_id, is_link, created_at, updated_at, deleted, sort_key)
      SELECT rowid, id, schema, caption, canonical_id, is_link, created_at, updated_at, deleted, sort_key FROM entities ORDER BY rowid;

    CREATE TABLE link_rows (
      rid    INTEGER PRIMARY KEY REFERENCES entities(rid),
      source INTEGER NOT NULL REFERENCES entities(rid),
      target INTEGER NOT NULL REFERENCES entities(rid)
    ) STRICT;
    INSERT INTO link_rows (rid, source, target)
      SELECT e.rid, s.rid, t.rid FROM links l
        JOIN entities_v7 e ON e.id = l.id JOIN entities_v7 s ON s.id = l.source_id JOIN entities_v7 t ON t.id = l.target_id
       ORDER BY e.rid;

    CREATE TABLE statement_rows (
      id         INTEGER PRIMARY KEY,
      entity     INTEGER NOT NULL REFERENCES entities(rid),
      prop       TEXT NOT NULL,
      value      TEXT NOT NULL,
      source_id  TEXT REFERENCES sources(id),
      originator TEXT NOT NULL,
      first_seen TEXT NOT NULL,
      last_seen  TEXT NOT NULL,
      retracted  INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    INSERT INTO statement_rows (id, entity, prop, value, source_id, originator, first_seen, last_seen, retracted)
      SELECT st.id, e.rid, st.prop, st.value, st.source_id, st.originator, st.first_seen, st.last_seen, st.retracted
        FROM statements st JOIN entities_v7 e ON e.id = st.entity_id ORDER BY st.id;

    CREATE VIRTUAL TABLE entity_search_v7 USING fts5(
      text,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    INSERT INTO entity_search_v7 (rowid, text)
      SELECT e.rid, s.text FROM entity_search s
        JOIN entity_search_map m ON m.rowid = s.rowid JOIN entities_v7 e ON e.id = m.entity_id
       ORDER BY e.rid;

    DROP TABLE links;
    DROP TABLE statements;
    DROP TABLE entity_search_map;
    DROP TABLE entity_search;
    DROP TABLE entities;
    ALTER TABLE entities_v7 RENAME TO entities;
    ALTER TABLE entity_search_v7 RENAME TO entity_search;

    CREATE INDEX entities_list ON entities(sort_key, id) WHERE deleted = 0 AND is_link = 0;
    CREATE INDEX entities_schema_list ON entities(schema, sort_key, id) WHERE deleted = 0 AND is_link = 0;
    CREATE INDEX entities_canonical ON entities(canonical_id) WHERE canonical_id IS NOT NULL;
    CREATE INDEX link_rows_source ON link_rows(source);
    CREATE INDEX link_rows_target ON link_rows(target);
    CREATE INDEX statement_rows_entity ON statement_rows(entity, prop);
    CREATE INDEX statement_rows_source ON statement_rows(source_id) WHERE source_id IS NOT NULL;

    -- What readers see: the rows with entity ids as strings.
    CREATE VIEW links AS
      SELECT e.id AS id, s.id AS source_id, t.id AS target_id
        FROM link_rows l JOIN entities e ON e.rid = l.rid JOIN entities s ON s.rid = l.source JOIN entities t ON t.rid = l.target;
    CREATE VIEW statements AS
      SELECT st.id AS id, e.id AS entity_id, st.prop AS prop, st.value AS value, st.source_id AS source_id, st.originator AS originator,
             st.first_seen AS first_seen, st.last_seen AS last_seen, st.retracted AS retracted
        FROM statement_rows st JOIN entities e ON e.rid = st.entity;
  `);
}
