import type { Database } from 'better-sqlite3-multiple-ciphers';

// Schema version 1: the statement model of DESIGN.md §3.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE sources (
      id                  TEXT PRIMARY KEY,
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

    CREATE TABLE entities (
      id           TEXT PRIMARY KEY,
      schema       TEXT NOT NULL,
      caption      TEXT NOT NULL DEFAULT '',
      canonical_id TEXT,
      is_link      INTEGER NOT NULL DEFAULT 0,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL,
      deleted      INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    -- The entity list shows entities, not links: links stay out of its indexes (they are most rows).
    CREATE INDEX entities_list ON entities(caption COLLATE NOCASE, id) WHERE deleted = 0 AND is_link = 0;
    CREATE INDEX entities_schema_list ON entities(schema, caption COLLATE NOCASE, id) WHERE deleted = 0 AND is_link = 0;

    -- Links are entities too; this table holds their two endpoints.
    CREATE TABLE links (
      id        TEXT PRIMARY KEY REFERENCES entities(id),
      source_id TEXT NOT NULL REFERENCES entities(id),
      target_id TEXT NOT NULL REFERENCES entities(id)
    ) STRICT;
    CREATE INDEX links_source ON links(source_id);
    CREATE INDEX links_target ON links(target_id);

    CREATE TABLE statements (
      id         INTEGER PRIMARY KEY,
      entity_id  TEXT NOT NULL REFERENCES entities(id),
      prop       TEXT NOT NULL,
      value      TEXT NOT NULL,
      source_id  TEXT REFERENCES sources(id),
      originator TEXT NOT NULL,
      first_seen TEXT NOT NULL,
      last_seen  TEXT NOT NULL,
      retracted  INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX statements_entity ON statements(entity_id, prop);
    CREATE INDEX statements_source ON statements(source_id) WHERE source_id IS NOT NULL;

    -- One row per entity: its names, aliases and identifiers. unicode61 folds case and
    -- diacritics at index and query time; the stored text keeps the original script.
    CREATE VIRTUAL TABLE entity_search USING fts5(
      text,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
    CREATE TABLE entity_search_map (
      rowid     INTEGER PRIMARY KEY,
      entity_id TEXT NOT NULL UNIQUE
    ) STRICT;

    -- Append-only, hash-chained: each row's hash covers its content and the previous hash.
    CREATE TABLE audit (
      seq       INTEGER PRIMARY KEY,
      at        TEXT NOT NULL,
      actor     TEXT NOT NULL,
      action    TEXT NOT NULL,
      target    TEXT,
      detail    TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash      TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
  `);
}
