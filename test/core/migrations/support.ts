import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as DB } from 'better-sqlite3-multiple-ciphers';
import { expect } from 'vitest';
import { migrate, MIGRATIONS } from '../../../electron/core/store/migrations';
import { tempDir } from '../helpers';

/**
 * A database at the schema version just before `up`, and `apply()` to run `up` on it. Found by
 * position, never by a hard-coded version, so a migration's test keeps working as others follow.
 */
export function beforeMigration(up: (db: DB) => void): { db: DB; version: number; apply(): void } {
  const at = MIGRATIONS.indexOf(up);
  expect(at).toBeGreaterThan(0);
  const db = new Database(join(tempDir(), 'm.db'));
  migrate(db, MIGRATIONS.slice(0, at));
  return {
    db,
    version: at + 1,
    apply() {
      migrate(db, MIGRATIONS.slice(0, at + 1));
      expect(db.pragma('user_version', { simple: true })).toBe(at + 1);
    },
  };
}
