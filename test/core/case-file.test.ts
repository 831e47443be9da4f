import { existsSync, writeFileSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { Case } from '../../electron/core/store/case';
import { SCHEMA_VERSION } from '../../electron/core/store/migrations';
import { rawOpen, sha256File, tempDir, testCore } from './helpers';

const PASS = 'correct horse battery staple';

async function makeCase(dir: string, name = 'a.cordon', fill = 0): Promise<string> {
  const path = join(dir, name);
  const c = await Case.create(path, PASS, { name: 'Case A', bureau: 'IT' });
  c.write(() => {
    for (let i = 0; i < fill; i++) c.entities.createEntity({ schema: 'Person', properties: { name: [`Person number ${i} of the fill`] } }, { audit: false });
  });
  c.close();
  return path;
}

/** Every file that SQLite could leave beside the case. */
function siblings(path: string): Record<string, string | null> {
  return Object.fromEntries(['', '-wal', '-shm', '-journal'].map((s) => [s, existsSync(path + s) ? sha256File(path + s) : null]));
}

describe('case file: create and open', () => {
  it('creates an encrypted case and reopens it with the passphrase', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const path = join(dir, 'op.cordon');
    const created = await core.ok('case.create', { path, passphrase: PASS, name: 'Operation Tide', bureau: 'fr' });
    expect(created).toMatchObject({ name: 'Operation Tide', bureau: 'FR', schemaVersion: SCHEMA_VERSION, entities: 0 });
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    await core.ok('case.close', {});
    const reopened = await core.ok('case.open', { path, passphrase: PASS });
    expect(reopened.caseId).toBe(created.caseId);
  });

  it('refuses to overwrite an existing file', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const path = join(dir, 'exists.cordon');
    writeFileSync(path, 'precious');
    const err = await core.fail('case.create', { path, passphrase: PASS, name: 'x', bureau: 'IT' });
    expect(err.code).toBe('FILE_EXISTS');
    expect(readFileSync(path, 'utf8')).toBe('precious');
  });

  it('reports a missing file', async () => {
    const dir = tempDir();
    const err = await testCore(dir).fail('case.open', { path: join(dir, 'nope.cordon'), passphrase: PASS });
    expect(err.code).toBe('FILE_NOT_FOUND');
  });
});

describe('case file: bad input leaves the file untouched', () => {
  it('wrong passphrase: WRONG_PASSPHRASE, file byte-identical, no side files left', async () => {
    const dir = tempDir();
    const path = await makeCase(dir, 'a.cordon', 50);
    const before = siblings(path);
    const err = await testCore(dir).fail('case.open', { path, passphrase: 'wrong horse' });
    expect(err.code).toBe('WRONG_PASSPHRASE');
    expect(err.message).toMatch(/wrong passphrase/i);
    expect(siblings(path)).toEqual(before);
  });

  it.each([
    ['a text file', Buffer.from('suspect list\nname,phone\n'.repeat(100))],
    ['a PDF renamed .cordon', Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n'), Buffer.alloc(5000, 0x20)])],
    ['an empty file', Buffer.alloc(0)],
    ['random bytes of a page size whose profile byte is unknown', Buffer.concat([Buffer.alloc(15, 7), Buffer.from([0xee]), Buffer.alloc(8192 - 16, 3)])],
  ])('not a case (%s): NOT_A_CASE, untouched', async (_label, bytes) => {
    const dir = tempDir();
    const path = join(dir, 'x.cordon');
    writeFileSync(path, bytes);
    const before = siblings(path);
    const err = await testCore(dir).fail('case.open', { path, passphrase: PASS });
    expect(err.code).toBe('NOT_A_CASE');
    expect(siblings(path)).toEqual(before);
  });

  it('an unencrypted SQLite database: NOT_A_CASE, untouched', async () => {
    const dir = tempDir();
    const path = join(dir, 'plain.cordon');
    const db = new Database(path);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    const before = siblings(path);
    const err = await testCore(dir).fail('case.open', { path, passphrase: PASS });
    expect(err.code).toBe('NOT_A_CASE');
    expect(err.message).toMatch(/unencrypted SQLite/);
    expect(siblings(path)).toEqual(before);
  });

  it('an encrypted database that is not a Cordon case: NOT_A_CASE', async () => {
    const dir = tempDir();
    const path = await makeCase(dir);
    const raw = await rawOpen(path, PASS);
    raw.pragma('application_id = 42');
    raw.close();
    const before = siblings(path);
    const err = await testCore(dir).fail('case.open', { path, passphrase: PASS });
    expect(err.code).toBe('NOT_A_CASE');
    expect(siblings(path)).toEqual(before);
  });

  it.each([
    ['at a page boundary', (size: number) => Math.floor(size / 2 / 4096) * 4096],
    ['mid-page', (size: number) => Math.floor(size / 2) + 100],
  ])('a truncated case (%s): CORRUPT_CASE, untouched', async (_label, cut) => {
    const dir = tempDir();
    const path = await makeCase(dir, 'a.cordon', 3000);
    truncateSync(path, cut(statSync(path).size));
    const before = siblings(path);
    const err = await testCore(dir).fail('case.open', { path, passphrase: PASS });
    expect(err.code).toBe('CORRUPT_CASE');
    expect(err.message).toMatch(/damaged|truncated/);
    expect(siblings(path)).toEqual(before);
  });

  it('a case from a newer version: NEWER_VERSION, untouched', async () => {
    const dir = tempDir();
    const path = await makeCase(dir);
    const raw = await rawOpen(path, PASS);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = siblings(path);
    const err = await testCore(dir).fail('case.open', { path, passphrase: PASS });
    expect(err.code).toBe('NEWER_VERSION');
    expect(err.message).toMatch(/newer version of Cordon/);
    expect(siblings(path)).toEqual(before);
  });
});
