import type { Database } from 'better-sqlite3-multiple-ciphers';
import { up as v1 } from './001_initial';
import { up as interchange } from './002_interchange';
import { up as exchange } from './003_exchange';
import { up as charts } from './004_charts';
import { up as cooperation } from './005_cooperation';
import { up as sortKey } from './006_sort_key';
import { up as importEntities } from './007_import_entities';
import { up as captionFallback } from './008_caption_fallback';
import { up as receivedPlans } from './009_received_plans';

/** Forward-only migrations; index + 1 is the schema version each one produces. */
export const MIGRATIONS: ReadonlyArray<(db: Database) => void> = [v1, interchange, exchange, charts, cooperation, sortKey, importEntities, captionFallback, receivedPlans];
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Runs each pending migration in its own transaction, bumping user_version with it. */
export function migrate(db: Database, migrations: ReadonlyArray<(db: Database) => void> = MIGRATIONS): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  for (let v = from; v < migrations.length; v++) {
    db.transaction(() => {
      migrations[v]!(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return { from, to: Math.max(from, migrations.length) };
}
