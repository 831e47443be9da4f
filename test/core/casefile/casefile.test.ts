// Backup, verify, restore, change of passphrase and recovery keys through the contract (issue 21),
// on real encrypted case files in the test's own temp folder.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRecoveryKey, encodeRecoveryKey } from '../../../electron/core/casefile/recovery-key';
import { rawOpen, sha256File, tempDir, testCore, type TestCore } from '../helpers';

const PASS = 'casefile test: Ochre-Lynx-17';
const NEW_PASS = 'casefile test: Teal-Heron-58';
const SECRET = 'Quillon Vasquez-Ardent';

async function newCase(dir: string, name = 'c.cordon'): Promise<{ core: TestCore; file: string }> {
  const core = testCore(join(dir, 'data'));
  const file = join(dir, name);
  await core.ok('case.create', { path: file, passphrase: PASS, name: 'Backup test', bureau: 'FR' });
  await core.ok('entity.create', { schema: 'Person', properties: { name: [SECRET], phone: ['+33 6 12 34 56 78'] } });
  return { core, file };
}

const names = (core: TestCore) => core.session.case.db.prepare("SELECT value FROM statements WHERE prop = 'name' AND retracted = 0 ORDER BY value").pluck().all();

/** Opens `file` in a fresh core with `passphrase`, returns the names in it, and closes it. */
async function namesIn(dir: string, file: string, passphrase: string): Promise<unknown[]> {
  const core = testCore(join(dir, `data-${Math.random().toString(36).slice(2)}`));
  await core.ok('case.open', { path: file, passphrase });
  const n = names(core);
  await core.ok('case.close', {});
  return n;
}

describe('backup', () => {
  it('writes a consistent, encrypted, verified copy of the open case that opens with its passphrase', async () => {
    const dir = tempDir();
    const { core, file } = await newCase(dir);
    const out = join(dir, 'backups', 'first.cordon');
    (await import('node:fs')).mkdirSync(join(dir, 'backups'));
    const r = await core.ok('casefile.backup', { path: out });
    expect(r).toMatchObject({ path: out, verified: true, bytes: statSync(out).size, sha256: sha256File(out) });
    // The case goes on changing; the backup is the state it was in.
    await core.ok('entity.create', { schema: 'Person', properties: { name: ['Later Addition'] } });
    expect(names(core)).toEqual(['Later Addition', SECRET]);
    expect(await namesIn(dir, out, PASS)).toEqual([SECRET]);
    // Encrypted: same salt as the case, no plaintext, no SQLite header; no temp file left behind.
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 16).equals(readFileSync(file).subarray(0, 16))).toBe(true);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from(SECRET))).toBe(false);
    expect(bytes.includes(Buffer.from('Quillon'))).toBe(false);
    expect(readdirSync(join(dir, 'backups'))).toEqual(['first.cordon']);
    // An attacker's raw open with a wrong passphrase fails; with the right one, the rows are there.
    const raw = await rawOpen(out, PASS);
    expect(raw.prepare("SELECT count(*) FROM statements WHERE value = ?").pluck().get(SECRET)).toBe(1);
    raw.close();
    // Audited in the case, and shown as the last good backup.
    expect((await core.ok('casefile.backupStatus', {})).last).toMatchObject({ path: out, sha256: r.sha256 });
    expect(core.session.case.db.prepare("SELECT count(*) FROM audit WHERE action = 'case.backup'").pluck().get()).toBe(1);
  });

  it('refuses an existing file (left as it was) and the case itself', async () => {
    const dir = tempDir();
    const { core, file } = await newCase(dir);
    const out = join(dir, 'b.cordon');
    writeFileSync(out, 'occupied');
    expect((await core.fail('casefile.backup', { path: out })).code).toBe('FILE_EXISTS');
    expect(readFileSync(out, 'utf8')).toBe('occupied');
    expect((await core.fail('casefile.backup', { path: file })).code).toBe('INVALID_INPUT');
  });
});

describe('verify', () => {
  it('reports ok for a good file, and each kind of damage as not ok (or a typed error), never a crash', async () => {
    const dir = tempDir();
    const { core } = await newCase(dir);
    for (let i = 0; i < 200; i++) await core.ok('entity.create', { schema: 'Person', properties: { name: [`Person ${i} ${'x'.repeat(200)}`] } });
    const good = join(dir, 'good.cordon');
    await core.ok('casefile.backup', { path: good });
    const ok = await core.ok('casefile.verify', { path: good, passphrase: PASS });
    expect(ok).toMatchObject({ ok: true, integrity: 'ok', foreignKeys: 0, audit: { ok: true }, schema: expect.any(Number), problem: null });
    expect(ok.audit.rows).toBeGreaterThan(200);
    expect(await core.ok('casefile.verifyOpen', {})).toMatchObject({ ok: true, integrity: 'ok' });

    const bytes = readFileSync(good);
    const damaged = (name: string, content: Buffer) => {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    };
    // A flipped byte in the middle: the page's HMAC fails, SQLite reports it damaged.
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x40;
    const f = await core.ok('casefile.verify', { path: damaged('flipped.cordon', flipped), passphrase: PASS });
    expect(f.ok).toBe(false);
    expect(f.problem).toMatch(/damaged/);
    // Truncated to a whole number of pages, and to a ragged size.
    for (const size of [bytes.length - 4096 * 3, bytes.length - 1000]) {
      const t = await core.ok('casefile.verify', { path: damaged(`trunc-${size}.cordon`, bytes.subarray(0, size)), passphrase: PASS });
      expect(t.ok, `truncated to ${size}`).toBe(false);
      expect(t.problem).toMatch(/damaged|truncated|not a Cordon case file/);
    }
    // Zero length and a file that is not a case.
    const z = await core.ok('casefile.verify', { path: damaged('empty.cordon', Buffer.alloc(0)), passphrase: PASS });
    expect(z).toMatchObject({ ok: false, schema: null, integrity: expect.stringMatching(/^NOT_A_CASE/) });
    // A wrong passphrase is not the file's fault: a typed error.
    expect((await core.fail('casefile.verify', { path: good, passphrase: 'not it' })).code).toBe('WRONG_PASSPHRASE');
    expect((await core.fail('casefile.verify', { path: join(dir, 'none.cordon'), passphrase: PASS })).code).toBe('FILE_NOT_FOUND');
  });

  it('a file from a newer schema: not ok, NEWER_VERSION named; a broken audit chain: not ok', async () => {
    const dir = tempDir();
    const { core } = await newCase(dir);
    const newer = join(dir, 'newer.cordon');
    await core.ok('casefile.backup', { path: newer });
    const raw = await rawOpen(newer, PASS);
    raw.pragma('user_version = 999');
    raw.close();
    expect(await core.ok('casefile.verify', { path: newer, passphrase: PASS })).toMatchObject({ ok: false, integrity: expect.stringMatching(/^NEWER_VERSION/) });
    const tampered = join(dir, 'tampered.cordon');
    await core.ok('casefile.backup', { path: tampered });
    const raw2 = await rawOpen(tampered, PASS);
    // What someone with the passphrase and a SQL shell could do: drop the append-only guards, edit a row.
    for (const t of raw2.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'").pluck().all() as string[]) raw2.exec(`DROP TRIGGER "${t}"`);
    raw2.prepare("UPDATE audit SET detail = '{}' WHERE seq = 1").run();
    raw2.close();
    const v = await core.ok('casefile.verify', { path: tampered, passphrase: PASS });
    expect(v).toMatchObject({ ok: false, integrity: 'ok', audit: { ok: false, reason: 'row 1 was altered' } });
  });
});

describe('damaged files opened as cases', () => {
  it('a flipped byte in the middle, a truncated file, a zero-length file, a newer schema: a typed error each, never INTERNAL', async () => {
    const dir = tempDir();
    const { core } = await newCase(dir);
    for (let i = 0; i < 300; i++) await core.ok('entity.create', { schema: 'Person', properties: { name: [`Person ${i} ${'y'.repeat(300)}`] } });
    const good = join(dir, 'good.cordon');
    await core.ok('casefile.backup', { path: good });
    await core.ok('case.close', {});
    const bytes = readFileSync(good);
    const write = (name: string, content: Buffer) => {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    };
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x40;
    // The damage shows when its page is read, as CORRUPT_CASE: at the open (which writes its audit
    // row) or at the first call that reads that page.
    const codes: string[] = [];
    const opened = await core.call('case.open', { path: write('flipped.cordon', flipped), passphrase: PASS });
    codes.push(opened.ok ? 'ok' : opened.error.code);
    if (opened.ok) {
      for (const [method, input] of [
        ['entity.list', { limit: 1000 }],
        ['search', { query: 'Person', limit: 500 }],
        ['casefile.verifyOpen', {}],
      ] as const) {
        const r = await core.call(method, input as never);
        codes.push(r.ok ? (method === 'casefile.verifyOpen' && !(r.value as { ok: boolean }).ok ? 'REPORTED' : 'ok') : r.error.code);
      }
      await core.call('case.close', {});
    }
    // Nothing is left open behind the error.
    expect(await core.ok('case.info', {})).toBeNull();
    expect(codes.filter((c) => c !== 'ok').length, codes.join(' ')).toBeGreaterThan(0);
    expect(codes.filter((c) => !['ok', 'CORRUPT_CASE', 'REPORTED'].includes(c))).toEqual([]);
    const open = async (p: string) => (await core.fail('case.open', { path: p, passphrase: PASS })).code;
    expect(await open(write('trunc.cordon', bytes.subarray(0, bytes.length - 4096 * 4)))).toBe('CORRUPT_CASE');
    expect(await open(write('ragged.cordon', bytes.subarray(0, bytes.length - 1000)))).toMatch(/^(CORRUPT_CASE|NOT_A_CASE)$/);
    expect(await open(write('empty.cordon', Buffer.alloc(0)))).toBe('NOT_A_CASE');
    const raw = await rawOpen(write('newer.cordon', bytes), PASS);
    raw.pragma('user_version = 999');
    raw.close();
    expect(await open(join(dir, 'newer.cordon'))).toBe('NEWER_VERSION');
  });
});

describe('restore', () => {
  it('checks the backup, refuses to overwrite without force, keeps the replaced file beside it', async () => {
    const dir = tempDir();
    const { core, file } = await newCase(dir);
    const backup = join(dir, 'backup.cordon');
    await core.ok('casefile.backup', { path: backup });
    await core.ok('entity.create', { schema: 'Person', properties: { name: ['After The Backup'] } });
    // The open case cannot be restored over.
    expect((await core.fail('casefile.restore', { backup, path: file, passphrase: PASS, force: true })).code).toBe('CASE_ALREADY_OPEN');
    await core.ok('case.close', {});
    const before = sha256File(file);
    expect((await core.fail('casefile.restore', { backup, path: file, passphrase: PASS })).code).toBe('FILE_EXISTS');
    expect(sha256File(file)).toBe(before);
    const r = await core.ok('casefile.restore', { backup, path: file, passphrase: PASS, force: true });
    expect(r.replaced).toMatch(/c\.cordon\.replaced-/);
    expect(sha256File(r.replaced!)).toBe(before);
    expect(sha256File(file)).toBe(sha256File(backup));
    expect(await namesIn(dir, file, PASS)).toEqual([SECRET]);
    expect(await namesIn(dir, r.replaced!, PASS)).toEqual(['After The Backup', SECRET]);
    // To a new name: no replaced file.
    expect(await core.ok('casefile.restore', { backup, path: join(dir, 'fresh.cordon'), passphrase: PASS })).toMatchObject({ replaced: null, verified: true });
  });

  it('refuses a damaged backup and leaves the case as it was', async () => {
    const dir = tempDir();
    const { core, file } = await newCase(dir);
    const backup = join(dir, 'backup.cordon');
    await core.ok('casefile.backup', { path: backup });
    await core.ok('case.close', {});
    const bytes = readFileSync(backup);
    bytes[bytes.length - 2000]! ^= 1;
    writeFileSync(backup, bytes);
    const before = sha256File(file);
    const err = await core.fail('casefile.restore', { backup, path: file, passphrase: PASS, force: true });
    expect(err.code).toBe('BACKUP_INVALID');
    expect(err.message).toMatch(/did not verify.*Nothing was restored/);
    // One sentence, however many pages SQLite lists as damaged.
    expect(err.message).not.toContain('\n');
    expect(sha256File(file)).toBe(before);
    expect(readdirSync(dir).filter((n) => n.includes('replaced') || n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('change of passphrase', () => {
  it('re-encrypts with a new salt; the old passphrase stops opening the case, its old backups still open with it; audited without passphrases', async () => {
    const dir = tempDir();
    const { core, file } = await newCase(dir);
    const oldBackup = join(dir, 'before-rekey.cordon');
    await core.ok('casefile.backup', { path: oldBackup });
    const saltBefore = readFileSync(file).subarray(0, 16);
    expect((await core.fail('casefile.rekey', { passphrase: 'wrong', newPassphrase: NEW_PASS })).code).toBe('WRONG_PASSPHRASE');
    const r = await core.ok('casefile.rekey', { passphrase: PASS, newPassphrase: NEW_PASS });
    expect(r.path).toBe(file);
    // Still open, same content, and the case goes on working.
    expect(names(core)).toEqual([SECRET]);
    await core.ok('entity.create', { schema: 'Person', properties: { name: ['After Rekey'] } });
    const saltAfter = readFileSync(file).subarray(0, 16);
    expect(saltAfter.equals(saltBefore)).toBe(false);
    expect(saltAfter[15]).toBe(saltBefore[15]); // the KDF profile byte
    const audit = core.session.case.db.prepare("SELECT detail FROM audit WHERE action = 'case.rekey'").pluck().all() as string[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).not.toContain(PASS);
    expect(audit[0]).not.toContain(NEW_PASS);
    expect((await core.ok('audit.verify', {})).ok).toBe(true);
    await core.ok('case.close', {});
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await namesIn(dir, file, NEW_PASS)).toEqual(['After Rekey', SECRET]);
    const probe = testCore(join(dir, 'probe'));
    expect((await probe.fail('case.open', { path: file, passphrase: PASS })).code).toBe('WRONG_PASSPHRASE');
    expect(await namesIn(dir, oldBackup, PASS)).toEqual([SECRET]);
    expect((await probe.fail('case.open', { path: oldBackup, passphrase: NEW_PASS })).code).toBe('WRONG_PASSPHRASE');
  });
});

describe('recovery key', () => {
  it('is 11 groups of 5, survives typing slips (O for 0, lower case, spaces), catches a mistyped character', () => {
    const key = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
    const text = encodeRecoveryKey(key);
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){10}[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(decodeRecoveryKey(text).equals(key)).toBe(true);
    expect(decodeRecoveryKey(text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'O')).equals(key)).toBe(true);
    const slip = text.slice(0, 7) + (text[7] === 'A' ? 'B' : 'A') + text.slice(8);
    expect(() => decodeRecoveryKey(slip)).toThrow(/not a valid recovery key/);
  });

  it('opens the case without the passphrase and sets a new one; a new recovery key replaces the old', async () => {
    const dir = tempDir();
    const { core, file } = await newCase(dir);
    expect((await core.fail('casefile.recoveryKey', { passphrase: 'wrong' })).code).toBe('WRONG_PASSPHRASE');
    const { recoveryKey } = await core.ok('casefile.recoveryKey', { passphrase: PASS });
    await core.ok('case.close', {});
    const r = await core.ok('casefile.recover', { path: file, recoveryKey, newPassphrase: NEW_PASS });
    expect(r.recoveryKey).not.toBe(recoveryKey);
    expect(names(core)).toEqual([SECRET]);
    await core.ok('case.close', {});
    expect(await namesIn(dir, file, NEW_PASS)).toEqual([SECRET]);
    // The old recovery key belonged to the old case key.
    expect((await core.fail('casefile.recover', { path: file, recoveryKey, newPassphrase: 'x' })).message).toMatch(/does not open this case/);
    const again = await core.ok('casefile.recover', { path: file, recoveryKey: r.recoveryKey!, newPassphrase: PASS });
    expect(again.recoveryKey).toBeTruthy();
    expect(core.session.case.db.prepare("SELECT count(*) FROM audit WHERE action = 'case.recover'").pluck().get()).toBe(2);
  });

  it('a case that declined recovery keys never issues one, even after a change of passphrase', async () => {
    const dir = tempDir();
    const { core } = await newCase(dir);
    await core.ok('casefile.declineRecoveryKeys', {});
    expect((await core.fail('casefile.recoveryKey', { passphrase: PASS })).code).toBe('CONSTRAINT');
    expect((await core.ok('casefile.rekey', { passphrase: PASS, newPassphrase: NEW_PASS })).recoveryKey).toBeNull();
  });
});
