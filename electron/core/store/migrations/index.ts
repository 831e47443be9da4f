import type { Database } from 'better-sqlite3-multiple-ciphers';
import { up as v1 } from './001_initial';
import { up as interchange } from './002_interchange';
import { up as exchange } from './003_exchange';
import { up as charts } from './004_charts';
import { up as cooperation } from './005_cooperation';
import { up as sortKey } from './006_sort_key';
import { up as importEntities } from './007_import_entities';
import { up as captionFallback } from './008_caption_fallback';
import { up as integerKeys } from './009_integer_keys';
import { up as receivedPlans } from './010_received_plans';
import { up as sourceRids } from './011_source_rids';
import { up as listIndexes } from './012_list_indexes';
import { up as comms } from './014_comms';
import { up as timeline } from './016_timeline';
import { up as attachments } from './013_attachments';
import { up as caseTypes } from './015_types';

/** Forward-only migrations; index + 1 is the schema version each one produces. */
export const MIGRATIONS: ReadonlyArray<(db: Database) => void> = [v1, interchange, exchange, charts, cooperation, sortKey, importEntities, captionFallback, integerKeys, receivedPlans, sourceRids, listIndexes, attachments, comms, caseTypes, timeline];
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Runs each pending migration in its own transaction, bumping user_version with it. Foreign keys
 * are off while a migration runs (SQLite's procedure for rebuilding a table others refer to: with
 * them on, dropping the old table would check or cascade), and checked before it commits.
 */
export function migrate(db: Database, migrations: ReadonlyArray<(db: Database) => void> = MIGRATIONS): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from >= migrations.length) return { from, to: from };
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (let v = from; v < migrations.length; v++) {
      db.transaction(() => {
        migrations[v]!(db);
        const broken = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
        if (broken.length > 0) {
          const b = broken[0]!;
          throw new Error(`migration ${v + 1} left ${broken.length} broken references (first: ${b.table} row ${b.rowid} → ${b.parent})`);
        }
        db.pragma(`user_version = ${v + 1}`);
      })();
    }
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return { from, to: migrations.length };
}
