import type { Database } from 'better-sqlite3-multiple-ciphers';
import { naturalSortKey } from '../../../../shared/values';

// Schema version 6: the entity list sorts by a natural key (N1, N2, … N10), kept beside the
// caption by every writer (store/entities.ts, exchange/sinks.ts), and backfilled here.
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE entities ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
    DROP INDEX IF EXISTS entities_list;
    DROP INDEX IF EXISTS entities_schema_list;
  `);
  const set = db.prepare('UPDATE entities SET sort_key = ? WHERE rowid = ?');
  // Paged, because a connection cannot write while it iterates, and a big case should not be
  // read into memory at once.
  const page = db.prepare('SELECT rowid AS r, caption FROM entities WHERE is_link = 0 AND rowid > ? ORDER BY rowid LIMIT 5000');
  for (let last = 0; ; ) {
    const rows = page.all(last) as Array<{ r: number; caption: string }>;
    if (rows.length === 0) break;
    for (const row of rows) set.run(naturalSortKey(row.caption), row.r);
    last = rows[rows.length - 1]!.r;
  }
  db.exec(`
    CREATE INDEX entities_list ON entities(sort_key, id) WHERE deleted = 0 AND is_link = 0;
    CREATE INDEX entities_schema_list ON entities(schema, sort_key, id) WHERE deleted = 0 AND is_link = 0;
  `);
}
