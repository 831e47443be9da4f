import type { Database } from 'better-sqlite3-multiple-ciphers';

// Link charts (issue 3): a chart is a saved view over the case. Which entities are on it and
// where, pins, per-item styles and hidden items are rows of chart_items; the chart's filters,
// groups, styling rules and viewport are one JSON document in charts.settings (validated by the
// contract's schema when read, so a damaged document opens as an empty chart, never a crash).
// Links are not stored as items unless hidden or styled: a chart draws every live link between
// the entities it holds.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE charts (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      settings   TEXT NOT NULL DEFAULT '{}',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE chart_items (
      chart_id  TEXT NOT NULL REFERENCES charts(id) ON DELETE CASCADE,
      entity_id TEXT NOT NULL,
      x         REAL NOT NULL,
      y         REAL NOT NULL,
      pinned    INTEGER NOT NULL DEFAULT 0,
      hidden    INTEGER NOT NULL DEFAULT 0,
      style     TEXT NOT NULL DEFAULT '{}',
      group_id  TEXT,
      PRIMARY KEY (chart_id, entity_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX chart_items_entity ON chart_items(entity_id);
  `);
}
