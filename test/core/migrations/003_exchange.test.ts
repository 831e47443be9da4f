import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { up } from '../../../electron/core/store/migrations/003_exchange';
import { migrate, MIGRATIONS } from '../../../electron/core/store/migrations';
import { tempDir } from '../helpers';

// Migration "exchange": the officer directory, this workstation's keys, projects, the package ledger.
describe('migration: exchange', () => {
  const position = MIGRATIONS.indexOf(up);

  it('is registered, after the migrations before it', () => {
    expect(position).toBeGreaterThan(0);
  });

  it('adds its tables to a case of the previous version, keeping its rows', () => {
    const db = new Database(join(tempDir(), 'm.db'));
    migrate(db, MIGRATIONS.slice(0, position));
    db.prepare("INSERT INTO meta (key, value) VALUES ('bureau', 'ES')").run();
    expect(migrate(db, MIGRATIONS.slice(0, position + 1))).toEqual({ from: position, to: position + 1 });
    expect(db.pragma('user_version', { simple: true })).toBe(position + 1);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'bureau'").pluck().get()).toBe('ES');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['bureaus', 'officers', 'identity_keys', 'projects', 'project_bureaus', 'project_items', 'exchange_out', 'exchange_out_recipients', 'exchange_in']));
    // One current identity per case.
    db.prepare("INSERT INTO bureaus (code) VALUES ('ES')").run();
    const officer = db.prepare(
      "INSERT INTO officers (id, bureau, name, signing_key, age_recipient, fingerprint, valid_from, is_self, card, created_at) VALUES (?, 'ES', 'n', 'k', 'a', ?, 'now', 1, '{}', 'now')",
    );
    officer.run('o1', 'f1');
    expect(() => officer.run('o2', 'f2')).toThrow(/UNIQUE/);
    // The ledger refuses a package id twice (replays are caught by the primary key as well).
    const ledger = db.prepare("INSERT INTO exchange_in (package_id, kind, sender_officer, sender_bureau, seq, created_at, imported_at, payload_sha256, summary) VALUES ('p', 'data', 'o1', 'ES', 1, 'x', 'x', 'x', '{}')");
    ledger.run();
    expect(() => ledger.run()).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});
