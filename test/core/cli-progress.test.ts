import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/core/cli';
import { terminalProgress } from '../../electron/core/cli/progress';
import { captureIo } from './cli-io';
import { tempDir } from './helpers';
import { fixture } from './interchange/support';

function terminal(isTTY: boolean) {
  const s = new PassThrough() as PassThrough & { isTTY?: boolean };
  s.isTTY = isTTY;
  const chunks: string[] = [];
  s.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  return { s, text: () => chunks.join('') };
}

const p = (done: number, total: number, state: 'running' | 'saving' | 'done' | 'cancelled' | 'failed' = 'running') => ({ job: 'j', label: 'Import of calls.csv', done, total, state });

describe('cordon progress on a terminal', () => {
  it('rewrites one stderr line with the percentage, shows saving, and clears it when the job ends', () => {
    const t = terminal(true);
    let clock = 0;
    const emit = terminalProgress(t.s, () => clock);
    emit('progress', p(0, 1000));
    clock = 50;
    emit('progress', p(100, 1000)); // within 200 ms: not redrawn
    clock = 250;
    emit('progress', p(456, 1000));
    emit('progress', p(1000, 1000, 'saving'));
    emit('locked', { reason: 'user' }); // not a progress event: ignored
    emit('progress', p(1000, 1000, 'done'));
    expect(t.text()).toBe(
      '\r\x1b[2Kcordon: Import of calls.csv 0%' + '\r\x1b[2Kcordon: Import of calls.csv 45%' + '\r\x1b[2Kcordon: Import of calls.csv saving…' + '\r\x1b[2K',
    );
  });

  it('shows … for a job of unknown size and clears after a cancel or failure', () => {
    const t = terminal(true);
    const emit = terminalProgress(t.s, () => 0);
    emit('progress', p(0, 0));
    emit('progress', p(0, 0, 'cancelled'));
    emit('progress', p(0, 0, 'failed')); // nothing shown any more: nothing to clear
    expect(t.text()).toBe('\r\x1b[2Kcordon: Import of calls.csv …\r\x1b[2K');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const t = terminal(false);
    const emit = terminalProgress(t.s, () => 0);
    emit('progress', p(0, 10));
    emit('progress', p(10, 10, 'done'));
    expect(t.text()).toBe('');
  });

  it('cordon import shows its progress on a terminal and leaves the line clean; --json never shows it', async () => {
    const dir = tempDir();
    const file = join(dir, 'c.cordon');
    const env = { CORDON_PASSPHRASE: 'cli progress passphrase', CORDON_DATA_DIR: join(dir, 'data') };
    expect(await runCli(['case', 'create', file, '--bureau', 'es'], captureIo(env))).toBe(0);
    const args = ['import', file, '--format', 'csv', fixture('calls-semicolon-bom.csv'), '--mapping', fixture('calls.spec.json')];
    const io = captureIo(env);
    (io.stderr as PassThrough & { isTTY?: boolean }).isTTY = true;
    expect(await runCli(args, io)).toBe(0);
    expect(io.stderrText()).toMatch(/^\r\x1b\[2Kcordon: Import of calls-semicolon-bom\.csv 0%/);
    expect(io.stderrText().endsWith('\r\x1b[2K')).toBe(true);
    expect(io.stdoutText()).toMatch(/^imported calls-semicolon-bom\.csv: /);
    const json = captureIo(env);
    (json.stderr as PassThrough & { isTTY?: boolean }).isTTY = true;
    expect(await runCli([...args, '--json'], json)).toBe(0);
    expect(json.stderrText()).toBe('');
    expect(JSON.parse(json.stdoutText())).toMatchObject({ merged: expect.any(Number) });
  });
});
