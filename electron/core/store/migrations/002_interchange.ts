import type { Database } from 'better-sqlite3-multiple-ciphers';

// Intake and interchange (issue 5): what an import leaves behind besides statements, the chart
// layouts that come with ANX/GraphML/GEXF files, foreign ids that let a re-import merge, and the
// analyst's same-as judgements behind `entities.canonical_id`.
export function up(db: Database): void {
  db.exec(`
    -- One row per import (dry runs are rolled back and leave none). The report is the JSON the
    -- user saw; the spec is the mapping that produced it, so an import can be repeated.
    CREATE TABLE imports (
      id          TEXT PRIMARY KEY,
      format      TEXT NOT NULL,
      file_name   TEXT NOT NULL,
      sha256      TEXT NOT NULL,
      bytes       INTEGER NOT NULL,
      source_id   TEXT REFERENCES sources(id),
      spec        TEXT,
      report      TEXT NOT NULL,
      actor       TEXT NOT NULL,
      started_at  TEXT NOT NULL,
      finished_at TEXT NOT NULL
    ) STRICT;

    -- Ids that name an entity outside Cordon (FtM ids are global: a second import of the same
    -- FtM entity merges into the first instead of duplicating it).
    CREATE TABLE external_ids (
      namespace   TEXT NOT NULL,
      external_id TEXT NOT NULL,
      entity_id   TEXT NOT NULL REFERENCES entities(id),
      import_id   TEXT REFERENCES imports(id),
      PRIMARY KEY (namespace, external_id)
    ) STRICT;
    CREATE INDEX external_ids_entity ON external_ids(entity_id);

    -- A layout: positions (and the original styling) of entities and links as a chart arrived in
    -- a file. Deliberately not tied to a chart model: the chart issue can adopt a layout as a
    -- chart of the case. style is JSON: {"colour":"#rrggbb","i2Type":..,"arrow":..,"strength":..}.
    CREATE TABLE layouts (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      origin     TEXT NOT NULL,
      import_id  TEXT REFERENCES imports(id),
      meta       TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE layout_items (
      layout_id TEXT NOT NULL REFERENCES layouts(id),
      entity_id TEXT NOT NULL REFERENCES entities(id),
      x         REAL,
      y         REAL,
      style     TEXT NOT NULL DEFAULT '{}',
      PRIMARY KEY (layout_id, entity_id)
    ) STRICT;
    CREATE INDEX layout_items_entity ON layout_items(entity_id);

    -- Same-as judgements (DESIGN.md §3): non-destructive. canonical_id on entities is derived
    -- from the live 'same' rows (union-find), so a split is "supersede the row, recompute".
    -- entity_a < entity_b: one row per pair and decision in force.
    CREATE TABLE match_judgements (
      id            INTEGER PRIMARY KEY,
      entity_a      TEXT NOT NULL REFERENCES entities(id),
      entity_b      TEXT NOT NULL REFERENCES entities(id),
      decision      TEXT NOT NULL CHECK (decision IN ('same', 'not_same', 'unsure')),
      score         REAL,
      reasons       TEXT NOT NULL DEFAULT '[]',
      actor         TEXT NOT NULL,
      at            TEXT NOT NULL,
      superseded_at TEXT,
      CHECK (entity_a < entity_b)
    ) STRICT;
    CREATE INDEX match_judgements_pair ON match_judgements(entity_a, entity_b) WHERE superseded_at IS NULL;
    CREATE INDEX match_judgements_b ON match_judgements(entity_b) WHERE superseded_at IS NULL;
    CREATE INDEX entities_canonical ON entities(canonical_id) WHERE canonical_id IS NOT NULL;
  `);
}
