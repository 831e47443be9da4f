import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/core/cli';
import { Case } from '../../electron/core/store/case';
import { createSource } from '../../electron/core/store/sources';
import { rawOpen, tempDir } from './helpers';
import { captureIo } from './cli-io';

const PASS = 'audit passphrase';

async function caseWithHistory(dir: string): Promise<string> {
  const path = join(dir, 'audit.cordon');
  const c = await Case.create(path, PASS, { name: 'Audit', bureau: 'NL' });
  const src = c.write(() => createSource(c, { title: 'R1', scheme: 'eu4x4', grade: 'B2' }));
  for (const name of ['Anna', 'Bram', 'Cees', 'Dirk']) {
    c.write(() => c.entities.createEntity({ schema: 'Person', properties: { name: [name] }, sourceId: src }));
  }
  c.close();
  return path;
}

async function verify(dir: string, path: string) {
  const io = captureIo({ CORDON_PASSPHRASE: PASS, CORDON_DATA_DIR: join(dir, 'data') });
  const code = await runCli(['audit', 'verify', path, '--json'], io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

/** Edits made behind the application's back need the append-only triggers out of the way first. */
async function tamper(path: string, sql: string): Promise<void> {
  const raw = await rawOpen(path, PASS);
  raw.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  raw.exec(sql);
  raw.close();
}

describe('audit log', () => {
  it('records every write and verifies intact', async () => {
    const dir = tempDir();
    const path = await caseWithHistory(dir);
    const c = await Case.open(path, PASS);
    const { rows } = c.audit.list(0, 100);
    expect(rows.map((r) => r.action).reverse()).toEqual([
      'case.create',
      'source.create',
      'entity.create',
      'entity.create',
      'entity.create',
      'entity.create',
      'case.open',
    ]);
    c.close();
    const r = await verify(dir, path);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ ok: true, rows: 8, first_broken: null, reason: null });
  });

  it('refuses UPDATE and DELETE through SQL while the triggers stand', async () => {
    const dir = tempDir();
    const path = await caseWithHistory(dir);
    const raw = await rawOpen(path, PASS);
    expect(() => raw.exec("UPDATE audit SET actor = 'someone else' WHERE seq = 2")).toThrow(/append-only/);
    expect(() => raw.exec('DELETE FROM audit WHERE seq = 2')).toThrow(/append-only/);
    raw.close();
  });

  it('an edited row: verify exits non-zero and names it', async () => {
    const dir = tempDir();
    const path = await caseWithHistory(dir);
    await tamper(path, "UPDATE audit SET detail = '{\"schema\":\"Organization\"}' WHERE seq = 4");
    const r = await verify(dir, path);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, first_broken: 4 });
    expect(r.err).toMatch(/row 4/);
  });

  it('a deleted row in the middle: names the missing row', async () => {
    const dir = tempDir();
    const path = await caseWithHistory(dir);
    await tamper(path, 'DELETE FROM audit WHERE seq = 3');
    const r = await verify(dir, path);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, first_broken: 3 });
  });

  it('the newest rows deleted: the recorded head gives it away', async () => {
    const dir = tempDir();
    const path = await caseWithHistory(dir);
    // The audit run itself opens the case (adding a row), so remove the tail before that.
    await tamper(path, 'DELETE FROM audit WHERE seq >= 6');
    const r = await verify(dir, path);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).ok).toBe(false);
  });

  it('a row whose hash was replaced is found', async () => {
    const dir = tempDir();
    const path = await caseWithHistory(dir);
    await tamper(path, "UPDATE audit SET hash = '" + 'f'.repeat(64) + "' WHERE seq = 2");
    const r = await verify(dir, path);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, first_broken: 2 });
  });
});
