import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulkMode, bulkCacheKiB } from '../../electron/core/store/bulk-mode';
import { Case } from '../../electron/core/store/case';
import { configureConnection } from '../../electron/core/store/case-file';
import { migrate } from '../../electron/core/store/migrations';
import { tempDir } from './helpers';

// Bulk writes (store/bulk-mode.ts): one transaction with SQLite's foreign-key checks off, a bigger
// page cache, and the WAL copied into the database file by a checkpointer thread.

const PASS = 'bulk mode test passphrase';

async function newCase(): Promise<{ c: Case; path: string }> {
  const path = join(tempDir(), 'bulk.cordon');
  return { c: await Case.create(path, PASS, { name: 'Bulk', bureau: 'IT' }), path };
}

const people = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ schema: 'Person', properties: { name: [`Person ${from + i}`], idNumber: [`ID-${from + i}`] } }));

async function until(what: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('bulk writes', () => {
  it('commit entities, links and statements with no dangling reference, then turn the checks and the normal page cache back on', async () => {
    const { c } = await newCase();
    const made = c.bulk.write(() => c.entities.createEntities(people(300), { audit: false }));
    c.bulk.write(() => {
      c.entities.createLinks(
        made.slice(1).map((p, i) => ({ schema: 'Associate', from: made[i]!.id, to: p.id, properties: {} })),
        { audit: false },
      );
      c.entities.appendStatements([{ id: made[0]!.id, values: [['alias', 'The First']], sourceId: null, originator: 'IT' }]);
    });
    expect(c.db.prepare('SELECT count(*) FROM entities WHERE is_link = 1').pluck().get()).toBe(299);
    expect(c.db.prepare("SELECT count(*) FROM statements WHERE prop = 'alias'").pluck().get()).toBe(1);
    expect(c.db.pragma('foreign_key_check')).toEqual([]);
    expect(c.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.db.pragma('cache_size', { simple: true })).toBe(-256 * 1024);
    expect(c.db.inTransaction).toBe(false);
    c.close();
  });

  it('let the page cache grow to a sixteenth of memory, between 256 MiB and 1 GiB, while they run', async () => {
    expect(bulkCacheKiB(8 * 1024 ** 3)).toBe(512 * 1024);
    expect(bulkCacheKiB(2 * 1024 ** 3)).toBe(256 * 1024);
    expect(bulkCacheKiB(64 * 1024 ** 3)).toBe(1024 * 1024);
    const { c } = await newCase();
    const during = c.bulk.write(() => c.db.pragma('cache_size', { simple: true }));
    expect(during).toBe(-bulkCacheKiB());
    expect(c.db.pragma('cache_size', { simple: true })).toBe(-256 * 1024);
    c.close();
  });

  it('roll back everything when the work throws (a link to an entity not in the case), and turn the checks back on', async () => {
    const { c } = await newCase();
    const before = c.db.prepare('SELECT count(*) FROM entities').pluck().get();
    expect(() =>
      c.bulk.write(() => {
        const [a] = c.entities.createEntities(people(1), { audit: false });
        c.entities.createLinks([{ schema: 'Associate', from: a!.id, to: 'IT-no-such-entity', properties: {} }], { audit: false });
      }),
    ).toThrow(/not in this case/);
    expect(c.db.prepare('SELECT count(*) FROM entities').pluck().get()).toBe(before);
    expect(c.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.db.inTransaction).toBe(false);
    c.close();
  });

  it('refuse to start inside another transaction, leaving it as it was', async () => {
    const { c } = await newCase();
    c.db.exec('BEGIN');
    expect(() => c.bulk.begin()).toThrow(/inside a transaction/);
    expect(c.db.inTransaction).toBe(true);
    expect(c.db.pragma('foreign_keys', { simple: true })).toBe(1);
    c.db.exec('ROLLBACK');
    c.close();
  });

  it('hand the WAL to a checkpointer thread, which copies committed pages into the encrypted file while the writer does not', async () => {
    const { c, path } = await newCase();
    const bulk = c.bulk;
    expect(bulk.checkpointing).toBe(false);
    // A small bulk write leaves checkpoints to SQLite; the first large one starts the thread.
    c.bulk.write(() => c.entities.createEntities(people(10), { audit: false }));
    expect(bulk.checkpointing).toBe(false);
    expect(c.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    c.bulk.write(() => c.entities.createEntities(people(10, 10), { audit: false }), { large: true });
    expect(bulk.checkpointing).toBe(true);
    // The writer's own automatic checkpoints are off: only the thread copies pages now.
    expect(c.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const fileBefore = statSync(path).size;
    c.bulk.write(() => c.entities.createEntities(people(5000, 20), { audit: false }));
    await until(() => statSync(path).size > fileBefore);
    const runs = bulk.checkpoints;
    expect(runs).toBeGreaterThan(0);
    await until(() => bulk.checkpoints > runs);
    // The pages it copied read back through a new connection with the passphrase.
    c.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const again = await Case.open(path, PASS);
    expect(again.db.prepare("SELECT count(*) FROM entities WHERE schema = 'Person'").pluck().get()).toBe(5020);
    expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
    again.close();
  });

  it('fall back to SQLite checkpoints when the thread cannot open the case (a wrong key), and still write', async () => {
    const dir = tempDir();
    const path = join(dir, 'plain.sqlite');
    const db = new Database(path);
    configureConnection(db);
    migrate(db);
    // The thread applies a key to a database that has none: its first checkpoint fails.
    const bulk = new BulkMode(db, path, Buffer.alloc(32, 7));
    bulk.write(() => db.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run(), { large: true });
    await until(() => db.pragma('wal_autocheckpoint', { simple: true }) === 1000);
    expect(bulk.checkpointing).toBe(false);
    bulk.write(() => db.prepare("INSERT INTO meta (key, value) VALUES ('k2', 'v')").run());
    expect(db.prepare('SELECT count(*) FROM meta').pluck().get()).toBe(2);
    bulk.close();
    db.close();
  });

  it('fall back at once when the thread cannot start at all (the file is gone from its path)', () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'real.sqlite'));
    configureConnection(db);
    migrate(db);
    const bulk = new BulkMode(db, join(dir, 'elsewhere.sqlite'), null);
    bulk.write(() => db.prepare("INSERT INTO meta (key, value) VALUES ('k', 'v')").run(), { large: true });
    expect(bulk.checkpointing).toBe(false);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    bulk.close();
    db.close();
  });

  it('zero its copy of the key when the case closes', async () => {
    const { c } = await newCase();
    c.bulk.write(() => c.entities.createEntities(people(1), { audit: false }), { large: true });
    const bulk = c.bulk as unknown as { key: Buffer | null };
    const key = bulk.key!;
    expect(key.some((b) => b !== 0)).toBe(true);
    c.close();
    expect(key.every((b) => b === 0)).toBe(true);
    expect(bulk.key).toBeNull();
  });
});
