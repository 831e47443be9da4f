import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/core/cli';
import { captureIo } from '../cli-io';
import { tempDir } from '../helpers';
import { fixture } from './support';

function cli(dir: string) {
  return async (...argv: string[]) => {
    const io = captureIo({ CORDON_PASSPHRASE: 'cli interchange passphrase', CORDON_DATA_DIR: join(dir, 'data') });
    const code = await runCli(argv, io);
    return { code, out: io.stdoutText(), err: io.stderrText() };
  };
}

describe('cordon import / export (DESIGN.md §8)', () => {
  it('import --mapping … --json prints {created, merged, skipped, entities, links, errors}; export writes the file', async () => {
    const dir = tempDir();
    const run = cli(dir);
    const file = join(dir, 'c.cordon');
    expect((await run('case', 'create', file, '--bureau', 'es')).code).toBe(0);
    const r = await run('import', file, '--format', 'csv', fixture('calls-semicolon-bom.csv'), '--mapping', fixture('calls.spec.json'), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ created: 4, merged: expect.any(Number), skipped: 3, entities: 4, links: 3 });
    expect(out.errors).toContain("row 5: date '31/02/2024 09:00' is not a date");
    const anx = await run('import', file, '--format', 'anx', fixture('chart-idref.anx'), '--json');
    expect(JSON.parse(anx.out)).toMatchObject({ created: 5, links: 5, skipped: 1 });
    const target = join(dir, 'out.anx');
    const ex = await run('export', file, '--format', 'anx', target, '--select', 'Karim', '--json');
    expect(ex.code).toBe(0);
    expect(JSON.parse(ex.out)).toMatchObject({ files: [target], entities: 1, links: 0 });
    expect(readFileSync(target, 'utf8')).toMatch(/<Chart IdReferenceLinking="true"/);
    expect(ex.err).toMatch(/warning: 1 value graded H2/);
    const whole = await run('export', file, '--format', 'ftm', join(dir, 'all.jsonl'));
    expect(whole.code).toBe(0);
    expect(whole.out).toMatch(/^exported 9 entities and 8 links/);
  });

  it('exit 4 for a file that is not what it claims, a bad mapping, or a file of which nothing could be read; 2 for usage', async () => {
    const dir = tempDir();
    const run = cli(dir);
    const file = join(dir, 'c.cordon');
    await run('case', 'create', file);
    const pdf = await run('import', file, '--format', 'csv', fixture('report.pdf.csv'), '--mapping', fixture('calls.spec.json'));
    expect(pdf.code).toBe(4);
    expect(pdf.err).toBe('cordon: INVALID_INPUT: report.pdf.csv is a PDF document, not a CSV file.\n');
    expect((await run('import', file, '--format', 'anx', fixture('billion-laughs.anx'))).code).toBe(4);
    const badSpec = join(dir, 'bad.json');
    writeFileSync(badSpec, JSON.stringify({ version: 1, entities: [{ key: 'x', schema: 'Spaceship', properties: {} }] }));
    const spec = await run('import', file, '--format', 'csv', fixture('people-utf8.csv'), '--mapping', badSpec);
    expect(spec.code).toBe(4);
    expect(spec.err).toMatch(/bad\.json is not a valid import specification: entities\.0\.schema/);
    const garbage = join(dir, 'garbage.jsonl');
    writeFileSync(garbage, '{"no": "id"}\n{"id": "x"}\n');
    expect((await run('import', file, '--format', 'ftm', garbage)).code).toBe(4);
    expect((await run('import', file, '--format', 'pdf', fixture('report.pdf.csv'))).code).toBe(2);
    expect((await run('export', file, '--format', 'svg', join(dir, 'x'))).code).toBe(2);
    const info = JSON.parse((await run('case', 'info', file, '--json')).out);
    expect(info.entities).toBe(0);
  });
});
