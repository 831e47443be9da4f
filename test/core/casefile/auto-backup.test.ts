// Automatic backups with rotation (issue 21): due by the interval, verified like any backup, the
// oldest automatic copies of this case removed beyond the number kept, nothing else touched.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoBackupName, autoBackupsIn } from '../../../electron/core/casefile/auto-backup';
import { tempDir, testCore } from '../helpers';

const PASS = 'auto backup test: Slate-Finch-42';
const HOUR = 3600_000;

describe('automatic backups', () => {
  it('names sort by time and name the case; only this case’s automatic copies are listed', () => {
    expect(autoBackupName('/cases/op-tide.cordon', new Date('2026-12-08T03:04:05.678Z'))).toBe('op-tide-auto-20261208T030405Z.cordon');
    const dir = tempDir();
    for (const n of ['op-tide-auto-20261208T030405Z.cordon', 'op-tide-auto-20261201T000000Z.cordon', 'op-tide-2026.cordon', 'op-tide.x-auto-20261208T030405Z.cordon', 'other-auto-20261208T030405Z.cordon']) writeFileSync(join(dir, n), 'x');
    expect(autoBackupsIn(dir, '/cases/op-tide.cordon')).toEqual(['op-tide-auto-20261201T000000Z.cordon', 'op-tide-auto-20261208T030405Z.cordon']);
  });

  it('runs when due, keeps the last N, removes only its own older copies; off and not due do nothing', async () => {
    const dir = tempDir();
    let clock = Date.now();
    const core = testCore(join(dir, 'data'), () => clock);
    const file = join(dir, 'op.cordon');
    await core.ok('case.create', { path: file, passphrase: PASS, name: 'Auto', bureau: 'FR' });
    expect(await core.ok('casefile.autoBackupIfDue', {})).toMatchObject({ ran: false, reason: 'off' });

    const usb = join(dir, 'usb');
    mkdirSync(usb);
    writeFileSync(join(usb, 'op-manual.cordon'), 'a manual backup, never rotated');
    await core.ok('casefile.setAutoBackup', { policy: { folder: usb, everyHours: 24, keep: 2 } });
    expect((await core.ok('casefile.backupStatus', {})).auto).toEqual({ folder: usb, everyHours: 24, keep: 2 });

    const made: string[] = [];
    const rotated: string[][] = [];
    for (let i = 0; i < 4; i++) {
      const r = await core.ok('casefile.autoBackupIfDue', {});
      expect(r.ran).toBe(true);
      made.push(r.backup!.path);
      expect(r.backup!.verified).toBe(true);
      // Within the interval: not due again.
      clock += 2 * HOUR;
      expect(await core.ok('casefile.autoBackupIfDue', {})).toMatchObject({ ran: false, reason: 'not-due' });
      clock += 23 * HOUR;
      rotated.push(r.removed);
    }
    // Keep 2: the third and the fourth each removed the oldest automatic copy, nothing else.
    expect(rotated).toEqual([[], [], [made[0]], [made[1]]]);
    expect(readdirSync(usb).sort()).toEqual(['op-manual.cordon', ...made.slice(2).map((p) => p.slice(usb.length + 1))].sort());
    // Each kept copy is a real backup of the case.
    const r = await core.ok('casefile.verify', { path: made[3]!, passphrase: PASS });
    expect(r.ok).toBe(true);
    const audit = core.session.case.db.prepare("SELECT action FROM audit WHERE action LIKE 'case.auto-backup%' OR action = 'case.backup'").pluck().all();
    expect(audit.filter((a) => a === 'case.backup')).toHaveLength(4);
    expect(audit.filter((a) => a === 'case.auto-backup.rotate')).toHaveLength(2);
  });

  it('a drive that is not plugged in is said, not thrown, and tried again; a folder that does not exist is refused when set', async () => {
    const dir = tempDir();
    const core = testCore(join(dir, 'data'));
    await core.ok('case.create', { path: join(dir, 'op.cordon'), passphrase: PASS, name: 'Auto', bureau: 'FR' });
    const err = await core.fail('casefile.setAutoBackup', { policy: { folder: join(dir, 'nowhere'), everyHours: 24, keep: 3 } });
    expect(err.code).toBe('FILE_NOT_FOUND');
    expect((await core.ok('casefile.backupStatus', {})).auto).toBeNull();
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    await core.ok('casefile.setAutoBackup', { policy: { folder: usb, everyHours: 1, keep: 3 } });
    rmSync(usb, { recursive: true });
    expect(await core.ok('casefile.autoBackupIfDue', {})).toMatchObject({ ran: false, reason: 'folder-missing' });
    mkdirSync(usb);
    expect((await core.ok('casefile.autoBackupIfDue', {})).ran).toBe(true);
    // Bad input at the boundary: no zero interval, no keeping nothing.
    expect((await core.fail('casefile.setAutoBackup', { policy: { folder: usb, everyHours: 0, keep: 3 } })).code).toBe('INVALID_INPUT');
    expect((await core.fail('casefile.setAutoBackup', { policy: { folder: usb, everyHours: 1, keep: 0 } })).code).toBe('INVALID_INPUT');
    await core.ok('casefile.setAutoBackup', { policy: null });
    expect((await core.ok('casefile.backupStatus', {})).auto).toBeNull();
    expect(existsSync(usb)).toBe(true);
  });
});

describe('cordon case auto-backup', () => {
  it('sets, shows, runs when due and turns off; a bad interval is exit 4, two modes exit 2', async () => {
    const { cliRunner } = await import('../cli-io');
    const dir = tempDir();
    const run = cliRunner({ CORDON_PASSPHRASE: PASS, CORDON_DATA_DIR: join(dir, 'data') });
    const file = join(dir, 'op.cordon');
    expect((await run('case', 'create', file, '--bureau', 'FR', '--name', 'Auto CLI')).code).toBe(0);
    const usb = join(dir, 'usb');
    mkdirSync(usb);
    const set = await run('case', 'auto-backup', file, '--folder', usb, '--every', '12', '--keep', '3', '--json');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out)).toEqual({ auto: { folder: usb, everyHours: 12, keep: 3 } });
    const first = await run('case', 'auto-backup', file, '--now', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ ran: true, reason: 'done', removed: [] });
    expect(autoBackupsIn(usb, file)).toHaveLength(1);
    expect((await run('case', 'auto-backup', file, '--now')).out).toContain('no backup due');
    const shown = await run('case', 'auto-backup', file);
    expect(shown.out).toContain(`automatic backups to ${usb} every 12 h, the last 3 kept`);
    expect(shown.out).toContain('last backup');
    const bad = await run('case', 'auto-backup', file, '--folder', usb, '--every', '0');
    expect(bad.code).toBe(4);
    expect((await run('case', 'auto-backup', file, '--off', '--now')).code).toBe(2);
    expect((await run('case', 'auto-backup', file, '--off')).out).toContain('automatic backups off');
    expect(JSON.parse((await run('case', 'auto-backup', file, '--json')).out).auto).toBeNull();
  });
});
