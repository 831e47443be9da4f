import type { Database } from 'better-sqlite3-multiple-ciphers';

// Schema version 7: which entities each import created or added values to, so an import can be
// opened as a chart ("see what came in"). A source report can be shared by several imports, so
// the statements' source does not say which import brought an entity; this table does.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE import_entities (
      import_id TEXT NOT NULL REFERENCES imports(id),
      entity_id TEXT NOT NULL REFERENCES entities(id),
      PRIMARY KEY (import_id, entity_id)
    ) STRICT, WITHOUT ROWID;
  `);
}
