import type { Database } from 'better-sqlite3-multiple-ciphers';

// Schema version 11: statements name their source report by an integer (issues 2 and 5: insert
// and import speed).
//
// Every statement of an import carries its source, and it repeated the source's 39-character id
// twice: in the row and in the statement_rows_source index. A call-record import writes four
// statements per row, so the source id was a third of what it wrote. Source ids stay strings to
// the outside (DTOs, exchange packages, the audit log); inside the file a statement holds the
// source's rid.
//
// - sources gets an explicit `rid INTEGER PRIMARY KEY` (an implicit rowid may be renumbered by
//   VACUUM; an alias never is), copied from the old rowid; `id` stays unique (imports refer to it).
// - statement_rows.source_id (TEXT) becomes statement_rows.source (INTEGER → sources.rid).
// - The `statements` view keeps its columns: source_id is the source's id again.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE sources_v11 (
      rid                 INTEGER PRIMARY KEY,
      id                  TEXT NOT NULL UNIQUE,
      title               TEXT NOT NULL,
      scheme              TEXT NOT NULL,
      grade               TEXT NOT NULL,
      handling            TEXT,
      handling_conditions TEXT,
      tlp                 TEXT,
      originator          TEXT NOT NULL,
      restricted_to       TEXT NOT NULL DEFAULT '[]',
      reference           TEXT,
      report_date         TEXT,
      created_at          TEXT NOT NULL
    ) STRICT;
    INSERT INTO sources_v11 (rid, id, title, scheme, grade, handling, handling_conditions, tlp, originator, restricted_to, reference, report_date, created_at)
      SELECT rowid, id, title, scheme, grade, handling, handling_conditions, tlp, originator, restricted_to, reference, report_date, created_at FROM sources ORDER BY rowid;

    CREATE TABLE statement_rows_v11 (
      id         INTEGER PRIMARY KEY,
      entity     INTEGER NOT NULL REFERENCES entities(rid),
      prop       TEXT NOT NULL,
      value      TEXT NOT NULL,
      source     INTEGER REFERENCES sources(rid),
      originator TEXT NOT NULL,
      first_seen TEXT NOT NULL,
      last_seen  TEXT NOT NULL,
      retracted  INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    INSERT INTO statement_rows_v11 (id, entity, prop, value, source, originator, first_seen, last_seen, retracted)
      SELECT st.id, st.entity, st.prop, st.value, s.rid, st.originator, st.first_seen, st.last_seen, st.retracted
        FROM statement_rows st LEFT JOIN sources_v11 s ON s.id = st.source_id ORDER BY st.id;

    DROP VIEW statements;
    DROP TABLE statement_rows;
    DROP TABLE sources;
    ALTER TABLE sources_v11 RENAME TO sources;
    ALTER TABLE statement_rows_v11 RENAME TO statement_rows;

    CREATE INDEX statement_rows_entity ON statement_rows(entity, prop);
    CREATE INDEX statement_rows_source ON statement_rows(source) WHERE source IS NOT NULL;

    CREATE VIEW statements AS
      SELECT st.id AS id, e.id AS entity_id, st.prop AS prop, st.value AS value, s.id AS source_id, st.originator AS originator,
             st.first_seen AS first_seen, st.last_seen AS last_seen, st.retracted AS retracted
        FROM statement_rows st JOIN entities e ON e.rid = st.entity LEFT JOIN sources s ON s.rid = st.source;
  `);
}
