import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/core/cli';
import { captureIo } from '../cli-io';
import { tempDir } from '../helpers';
import { CDR } from '../comms/support';

function cli(dir: string) {
  return async (...argv: string[]) => {
    const io = captureIo({ CORDON_PASSPHRASE: 'cli timeline passphrase', CORDON_DATA_DIR: join(dir, 'data') });
    const code = await runCli(argv, io);
    return { code, out: io.stdoutText(), err: io.stderrText() };
  };
}

describe('cordon timeline (issue 18)', () => {
  it('prints buckets aligned in the zone given and, with --entities, the events; bad zones and kinds exit 2, bad ranges 4', async () => {
    const dir = tempDir();
    const run = cli(dir);
    const file = join(dir, 't.cordon');
    expect((await run('case', 'create', file, '--bureau', 'FR', '--region', 'fr', '--tz', 'Europe/Paris')).code).toBe(0);
    const cdr = join(dir, 'cdr.csv');
    writeFileSync(cdr, CDR);
    expect((await run('import', file, '--format', 'cdr', cdr)).code).toBe(0);

    const r = await run('timeline', file, '--bucket', 'day', '--tz', 'America/New_York', '--json');
    expect(r.code).toBe(0);
    const h = JSON.parse(r.out);
    expect(h).toMatchObject({ time_zone: 'America/New_York', bucket: 'day', total: 5 });
    // Paris times six hours ahead: 10:00 and 11:00 on 1 March are 04:00 and 05:00 in New York.
    expect(h.buckets.map((b: { start: string; count: number }) => [b.start, b.count])).toEqual([
      ['2024-03-01T00:00:00-05:00', 2],
      ['2024-03-02T00:00:00-05:00', 2],
      ['2024-03-03T00:00:00-05:00', 1],
    ]);
    const tokyo = JSON.parse((await run('timeline', file, '--tz', 'Asia/Tokyo', '--json')).out);
    expect(tokyo.buckets.map((b: { start: string }) => b.start)[0]).toBe('2024-03-01T00:00:00+09:00');
    expect(h.events).toBeUndefined();

    const phones = JSON.parse((await run('comms', 'top', file, '0612345678', '--json')).out);
    const a = phones.results[0].id as string;
    const ev = JSON.parse((await run('timeline', file, '--entities', a, '--kinds', 'sms', '--json')).out);
    expect(ev.buckets).toEqual([{ start: '2024-03-01T00:00:00+01:00', count: 1, by_kind: { sms: 1 } }]);
    expect(ev.events).toEqual([expect.objectContaining({ id: expect.stringMatching(/^comms:/), kind: 'sms', time: '2024-03-01T10:00:00Z', entities: expect.arrayContaining([a]) })]);
    expect(Object.keys(ev.events[0])).toEqual(expect.arrayContaining(['id', 'kind', 'time', 'entities']));

    const text = await run('timeline', file, '--from', '2024-03-01', '--to', '2024-03-03');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^5 events per day \(Europe\/Paris\):\n {2}2024-03-01T00:00:00\+01:00 {8}2 {2}call 1, sms 1\n/);
    expect(text.out).toMatch(/events:\n {2}2024-03-01T09:00:00Z {2}call/);

    const zone = await run('timeline', file, '--tz', 'Europe/Atlantis');
    expect(zone.code).toBe(2);
    expect(zone.err).toMatch(/"Europe\/Atlantis" is not a time zone/);
    expect((await run('timeline', file, '--kinds', 'call,teleport')).code).toBe(2);
    expect((await run('timeline', file, '--bucket', 'fortnight')).code).toBe(2);
    const backwards = await run('timeline', file, '--from', '2024-03-05', '--to', '2024-03-01');
    expect(backwards.code).toBe(4);
    expect(backwards.err).toMatch(/starts \(2024-03-05\) after it ends \(2024-03-01\)/);
    const old = await run('timeline', file, '--from', '1850-01-01');
    expect(old.code).toBe(4);
    expect(old.err).toMatch(/from 1900 to 2100/);
    const help = await run('timeline', '--help');
    expect(help.out + help.err).toMatch(/at most 1000/);
  });
});
