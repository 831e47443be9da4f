import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/core/cli';
import { captureIo } from '../cli-io';
import { tempDir } from '../helpers';
import { CDR } from './support';

function cli(dir: string) {
  return async (...argv: string[]) => {
    const io = captureIo({ CORDON_PASSPHRASE: 'cli comms passphrase', CORDON_DATA_DIR: join(dir, 'data') });
    const code = await runCli(argv, io);
    return { code, out: io.stdoutText(), err: io.stderrText() };
  };
}

describe('cordon import --format cdr, cordon comms … (issue 17)', () => {
  it('imports a CDR in the case region and zone, prints and saves the mapping, refuses it twice, answers the analyses in JSON', async () => {
    const dir = tempDir();
    const run = cli(dir);
    const file = join(dir, 'c.cordon');
    expect((await run('case', 'create', file, '--bureau', 'FR', '--region', 'XX')).code).toBe(2);
    expect((await run('case', 'create', file, '--bureau', 'FR', '--region', 'fr', '--tz', 'Europe/Paris')).code).toBe(0);
    const cdr = join(dir, 'cdr.csv');
    writeFileSync(cdr, CDR);
    const saved = join(dir, 'mapping.json');
    const r = await run('import', file, '--format', 'cdr', cdr, '--save-mapping', saved);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^mapping: caller ← "calling_number", callee ← "called_number", .*; dates day first, times in Europe\/Paris/);
    expect(r.out).toMatch(/imported cdr\.csv: 5 records, 5 events, 0 already in the case, 0 skipped; 3 new phones/);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({ version: 1, columns: { caller: 'calling_number', start: 'start_time' }, timeZone: 'Europe/Paris' });

    const twice = await run('import', file, '--format', 'cdr', cdr);
    expect(twice.code).toBe(4);
    expect(twice.err).toMatch(/already imported/);
    // The same file under --again and a mapping given back: nothing counted twice.
    const again = await run('import', file, '--format', 'cdr', cdr, '--again', '--mapping', saved, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ events: 0, duplicates: 5, links: 0 });

    const top = JSON.parse((await run('comms', 'top', file, '0612345678', '--top', '2', '--to', '2024-03-05', '--json')).out);
    expect(top.phone).toBe('+33612345678');
    expect(top.results[0]).toMatchObject({ phone: '+33698765432', events: expect.any(Number), duration_s: expect.any(Number), first: expect.stringMatching(/^2024-03-0/), last: expect.any(String) });
    expect(Object.keys(top.results[0])).toEqual(expect.arrayContaining(['phone', 'events', 'duration_s', 'first', 'last']));
    const common = JSON.parse((await run('comms', 'common', file, '+33612345678', '+33766666666', '--json')).out);
    expect(common).toEqual({ phones: ['+33612345678', '+33766666666'], results: [expect.objectContaining({ phone: '+33698765432', with: 2 })] });
    const swaps = JSON.parse((await run('comms', 'swaps', file, '--json')).out);
    expect(swaps.results).toEqual([]);
    const colo = await run('comms', 'colocation', file, '+33612345678', '+33698765432', '--window', '3h', '--json');
    expect(colo.code).toBe(0);
    expect(JSON.parse(colo.out).results).toEqual(expect.arrayContaining([expect.objectContaining({ cell: expect.any(String), time: expect.any(String) })]));
    expect((await run('comms', 'colocation', file, '+33612345678', '+33698765432', '--window', 'soon')).code).toBe(2);
    const silence = JSON.parse((await run('comms', 'silence', file, '0612345678', '--json')).out);
    expect(silence).toMatchObject({ phone: '+33612345678', results: expect.any(Array) });
    const activity = JSON.parse((await run('comms', 'activity', file, '0612345678', '--json')).out);
    expect(activity.matrix).toHaveLength(7);
  });

  it('an unrecognised file: exit 4 and the headers it could not place', async () => {
    const dir = tempDir();
    const run = cli(dir);
    const file = join(dir, 'c.cordon');
    await run('case', 'create', file);
    const odd = join(dir, 'odd.csv');
    writeFileSync(odd, 'alpha,beta,gamma\n1,2,3\n');
    const r = await run('import', file, '--format', 'cdr', odd);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/INVALID_INPUT: odd\.csv is not a call-record file Cordon recognises: .*Headers it could not place: alpha, beta, gamma/);
  });
});
