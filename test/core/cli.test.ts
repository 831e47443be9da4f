import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/core/cli';
import { captureIo } from './cli-io';
import { sha256File, tempDir } from './helpers';

const PASS = 'cli passphrase';

function cli(dir: string, env: Record<string, string> = {}) {
  return async (...argv: string[]) => {
    const io = captureIo({ CORDON_PASSPHRASE: PASS, CORDON_DATA_DIR: join(dir, 'data'), ...env });
    const code = await runCli(argv, io);
    return { code, out: io.stdoutText(), err: io.stderrText() };
  };
}

describe('cordon CLI (DESIGN.md §8)', () => {
  it('case create, source add, entity add, link add, entity show, search, case info — with --json shapes', async () => {
    const dir = tempDir();
    const run = cli(dir);
    const file = join(dir, 'c.cordon');
    const created = await run('case', 'create', file, '--bureau', 'es', '--name', 'Operación Niebla', '--json');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out).id).toMatch(/^[0-9a-f-]{36}$/);
    const src = JSON.parse((await run('source', 'add', file, '--title', 'Intercept 4', '--scheme', 'eu4x4', '--grade', 'B2', '--handling', 'H1', '--tlp', 'amber', '--json')).out).id;
    const person = await run('entity', 'add', file, '--schema', 'Person', '--prop', 'name=Iñaki Etxeberria', '--prop', 'phone=+34 600 123 456', '--source', src, '--json');
    expect(person.code).toBe(0);
    const pid = JSON.parse(person.out).id as string;
    expect(pid).toMatch(/^ES-/);
    const org = (await run('entity', 'add', file, '--schema', 'Organization', '--prop', 'name=Clan del Norte')).out.trim();
    const link = await run('link', 'add', file, '--schema', 'Membership', '--from', pid, '--to', org, '--prop', 'role=leader', '--json');
    expect(link.code).toBe(0);
    const shown = JSON.parse((await run('entity', 'show', file, pid, '--json')).out);
    expect(shown).toMatchObject({ id: pid, schema: 'Person', caption: 'Iñaki Etxeberria' });
    expect(shown.properties.phone[0]).toMatchObject({ value: '+34600123456', source_id: src, grading: 'B2', handling: 'H1', tlp: 'AMBER', originator: 'ES' });
    const human = await run('entity', 'show', file, pid);
    expect(human.out).toMatch(/B2 H1 TLP:AMBER — Intercept 4/);
    const found = JSON.parse((await run('search', file, 'inaki', '--json')).out);
    expect(found.results[0]).toMatchObject({ id: pid, schema: 'Person', caption: 'Iñaki Etxeberria' });
    const info = JSON.parse((await run('case', 'info', file, '--json')).out);
    expect(info).toMatchObject({ name: 'Operación Niebla', bureau: 'ES', entities: 2, links: 1, sources: 1 });
    expect((await run('audit', 'verify', file)).out).toMatch(/intact/);
  });

  it('exit 3 and an untouched file on a wrong passphrase', async () => {
    const dir = tempDir();
    const file = join(dir, 'c.cordon');
    await cli(dir)('case', 'create', file);
    const before = sha256File(file);
    const r = await cli(dir, { CORDON_PASSPHRASE: 'wrong one' })('case', 'info', file);
    expect(r.code).toBe(3);
    expect(r.err).toBe('cordon: WRONG_PASSPHRASE: Wrong passphrase, or this is not a Cordon case file.\n');
    expect(sha256File(file)).toBe(before);
  });

  it('exit 3 for a file that is not a case; 4 for rejected input; 2 for usage; 1 for a missing entity', async () => {
    const dir = tempDir();
    const run = cli(dir);
    const file = join(dir, 'c.cordon');
    await run('case', 'create', file);
    expect((await run('case', 'info', join(dir, 'nothing-here.cordon'))).code).toBe(1);
    const notCase = join(dir, 'notes.cordon');
    (await import('node:fs')).writeFileSync(notCase, 'hello world, this is not a case file at all'.repeat(50));
    expect((await run('case', 'info', notCase)).code).toBe(3);
    const bad = await run('entity', 'add', file, '--schema', 'Person', '--prop', 'birthDate=31/02/2024');
    expect(bad.code).toBe(4);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/31\/02\/2024.*not a date/);
    expect((await run('source', 'add', file, '--title', 'x', '--scheme', 'eu4x4', '--grade', 'Z9')).code).toBe(4);
    expect((await run('entity', 'add', file, '--schema', 'Person', '--prop', 'no-equals-sign')).code).toBe(2);
    expect((await run('entity', 'add', file)).code).toBe(2);
    expect((await run('entity', 'add', file, '--bogus')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run()).code).toBe(2);
    expect((await run('entity', 'show', file, 'ES-none')).code).toBe(1);
    const info = JSON.parse((await run('case', 'info', file, '--json')).out);
    expect(info.entities).toBe(0);
  });

  it('reads the passphrase from the variable named by --passphrase-env, never from argv', async () => {
    const dir = tempDir();
    const file = join(dir, 'c.cordon');
    const run = cli(dir, { CORDON_PASSPHRASE: '', MY_PASS: 'from another variable' });
    expect((await run('case', 'create', file, '--passphrase-env', 'MY_PASS')).code).toBe(0);
    expect((await run('case', 'info', file, '--passphrase-env', 'MY_PASS')).code).toBe(0);
    const none = await run('case', 'info', file);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/no passphrase: set CORDON_PASSPHRASE/);
    expect((await run('case', 'info', file, '--passphrase', 'x')).code).toBe(2);
  });

  it('runs as a process with the same exit codes (bin shim over the build)', () => {
    const dir = tempDir();
    const bin = join(process.cwd(), 'bin/cordon.mjs');
    expect(existsSync(join(process.cwd(), 'dist/core/cli.js')), 'npm run build first').toBe(true);
    const env = { ...process.env, CORDON_PASSPHRASE: PASS, CORDON_DATA_DIR: join(dir, 'data') };
    const file = join(dir, 'p.cordon');
    const created = spawnSync(process.execPath, [bin, 'case', 'create', file, '--json'], { env, encoding: 'utf8' });
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout).id).toBeTruthy();
    const wrong = spawnSync(process.execPath, [bin, 'case', 'info', file], { env: { ...env, CORDON_PASSPHRASE: 'nope' }, encoding: 'utf8' });
    expect(wrong.status).toBe(3);
    expect(wrong.stderr).toMatch(/^cordon: WRONG_PASSPHRASE/);
    expect(readFileSync(bin, 'utf8')).toMatch(/^#!\/usr\/bin\/env node/);
  });
});
