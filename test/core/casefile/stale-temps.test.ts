// What a killed backup, rekey or restore leaves beside its target is removed by the next one (or
// by opening the case), and nothing else is: issue 21.
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STALE_TEMP_MS, sweepStaleTemps } from '../../../electron/core/casefile/durable';
import { tempDir, testCore } from '../helpers';

const PASS = 'stale temps test: Amber-Vole-33';

/** Writes `name` in `dir`, aged by `ageMs`. */
function leave(dir: string, name: string, ageMs: number): string {
  const p = join(dir, name);
  writeFileSync(p, 'x'.repeat(4096));
  const t = (Date.now() - ageMs) / 1000;
  utimesSync(p, t, t);
  return p;
}

describe('stale temporaries of killed case-file operations', () => {
  it('removes only Cordon’s own stale temporaries of that target', () => {
    const dir = tempDir();
    const old = STALE_TEMP_MS + 60_000;
    leave(dir, '.c.cordon.backup-0a1b2c3d.tmp', old);
    leave(dir, '.c.cordon.rekey-ffffffff.tmp', old);
    leave(dir, '.c.cordon.restore-12345678.tmp', old);
    leave(dir, '.c.cordon.backup-aaaaaaaa.tmp', 5_000); // another backup under way
    leave(dir, '.other.cordon.backup-0a1b2c3d.tmp', old); // another case's
    leave(dir, '.c.cordon.backup-0a1b2c3d.tmp.keep', old); // not our name
    leave(dir, 'c.cordon', old); // the case itself
    leave(dir, '.c.cordon.backup-XYZ.tmp', old); // not our name either
    const removed = sweepStaleTemps(join(dir, 'c.cordon'));
    expect(removed.sort()).toEqual(['.c.cordon.backup-0a1b2c3d.tmp', '.c.cordon.rekey-ffffffff.tmp', '.c.cordon.restore-12345678.tmp']);
    expect(readdirSync(dir).sort()).toEqual(['.c.cordon.backup-0a1b2c3d.tmp.keep', '.c.cordon.backup-XYZ.tmp', '.c.cordon.backup-aaaaaaaa.tmp', '.other.cordon.backup-0a1b2c3d.tmp', 'c.cordon']);
  });

  it('a folder that cannot be read, or a missing one, is no error', () => {
    expect(sweepStaleTemps(join(tempDir(), 'missing', 'c.cordon'))).toEqual([]);
  });

  it('the next backup to the same name removes what a killed one left; opening the case removes a killed rekey’s copy', async () => {
    const dir = tempDir();
    const core = testCore(join(dir, 'data'));
    const file = join(dir, 'c.cordon');
    await core.ok('case.create', { path: file, passphrase: PASS, name: 'Stale', bureau: 'FR' });
    mkdirSync(join(dir, 'usb'));
    const out = join(dir, 'usb', 'b.cordon');
    const killedBackup = leave(join(dir, 'usb'), '.b.cordon.backup-0badc0de.tmp', STALE_TEMP_MS * 2);
    await core.ok('casefile.backup', { path: out });
    expect(existsSync(killedBackup)).toBe(false);
    expect(readdirSync(join(dir, 'usb'))).toEqual(['b.cordon']);
    await core.ok('case.close', {});

    const killedRekey = leave(dir, '.c.cordon.rekey-0badc0de.tmp', STALE_TEMP_MS * 2);
    await core.ok('case.open', { path: file, passphrase: PASS });
    expect(existsSync(killedRekey)).toBe(false);
    expect(existsSync(file)).toBe(true);
    await core.ok('case.close', {});
  });
});
