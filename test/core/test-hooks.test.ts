// The checks and cleanups the shared helpers register (test/core/helpers.ts, interchange/support.ts)
// run after every test that uses them: a child vitest runs a fixture whose tests each break one
// invariant openCase checks, and must report those tests failed, the clean one passed, and every
// temp folder removed. (Hooks registered with afterEach from inside a test were dropped silently:
// this test failed before the helpers used onTestFinished.)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

const ROOT = join(import.meta.dirname, '../..');
const CONFIG = join(import.meta.dirname, 'fixtures-scripts/invariant/vitest.config.ts');

interface JsonReport {
  testResults: Array<{ assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }>;
}

describe('per-test checks and cleanups of the shared helpers', () => {
  it('fail a test that breaks an invariant, pass one that keeps them, and remove every temp folder', async () => {
    const dirsFile = join(tempDir(), 'dirs.txt');
    const out = join(tempDir(), 'report.json');
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', CONFIG, '--reporter=json', `--outputFile=${out}`], {
      cwd: ROOT,
      env: { ...process.env, CORDON_INVARIANT_DIRS: dirsFile },
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(readFileSync(out, 'utf8')) as JsonReport;
    const results = Object.fromEntries(report.testResults.flatMap((f) => f.assertionResults).map((t) => [t.title, t]));
    expect(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.status]))).toEqual({
      'leaves foreign-key checks off': 'failed',
      'leaves a dangling reference': 'failed',
      'leaves a transaction open': 'failed',
      'keeps every invariant': 'passed',
    });
    // Each failed for the invariant it broke.
    expect(results['leaves foreign-key checks off']!.failureMessages.join('\n')).toMatch(/expected \+0 to be 1/);
    expect(results['leaves a dangling reference']!.failureMessages.join('\n')).toMatch(/expected \[ …\(2\) \] to deeply equal \[\]/);
    expect(results['leaves a transaction open']!.failureMessages.join('\n')).toMatch(/expected true to be false/);
    const dirs = readFileSync(dirsFile, 'utf8').trim().split('\n');
    expect(dirs).toHaveLength(4);
    for (const d of dirs) expect(existsSync(d), d).toBe(false);
  });
});
