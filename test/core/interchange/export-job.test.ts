import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/api';
import { loadSpec } from '../../../electron/core/interchange/handlers';
import { fixture, openCase, type OpenCase } from './support';

// Export as a job (issue 5): a big case reports progress while it is read and written, can be
// cancelled from the bottom panel or the dialog, and a cancelled or failed export leaves no file.

/** A case of about 2,500 phones and 3,000 calls, imported from a generated call-record CSV. */
async function bigCase(): Promise<OpenCase> {
  const c = await openCase();
  const rows = ['caller,receiver,date,duration'];
  for (let i = 0; i < 3000; i++) rows.push(`+4470${String(i % 1500).padStart(7, '0')},+4471${String(i % 1000).padStart(7, '0')},2024-01-01,${i % 100}`);
  const file = join(c.dir, 'calls.csv');
  writeFileSync(file, rows.join('\n'));
  const spec = loadSpec(fixture('calls.spec.json'));
  spec.sourceColumns = undefined;
  spec.entities[0]!.properties = { phone: { column: 'caller' } };
  spec.links[0]!.properties = { date: { column: 'date' }, duration: { column: 'duration' } };
  await c.core.ok('import.run', { path: file, format: 'csv', spec });
  c.core.events.length = 0;
  return c;
}

const progressOf = (c: OpenCase, label: string) =>
  c.core.events.filter((e) => e.event === 'progress' && (e.payload as EventPayload<'progress'>).label === label).map((e) => e.payload as EventPayload<'progress'>);

const exportRows = (c: OpenCase) => c.db().prepare("SELECT count(*) FROM audit WHERE action = 'export'").pluck().get() as number;

describe('export as a job', () => {
  it('reports progress through the whole export and ends done, with done = total', async () => {
    const c = await bigCase();
    const out = join(c.dir, 'big.anx');
    const r = await c.core.ok('export.run', { path: out, format: 'anx' });
    expect(r).toMatchObject({ entities: 2500, links: 3000 });
    const events = progressOf(c, 'Export of big.anx');
    const running = events.filter((e) => e.state === 'running' && e.done > 0);
    // Reading and writing 5,500 items each: several reports on the way, never going backwards.
    expect(running.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < running.length; i++) {
      expect(running[i]!.done).toBeGreaterThan(running[i - 1]!.done);
      // The bar never runs backwards: the total is planned from the start, never raised later.
      expect(running[i]!.done / running[i]!.total).toBeGreaterThanOrEqual(running[i - 1]!.done / running[i - 1]!.total);
    }
    expect(running[0]!.total).toBe(11_000);
    expect(running[0]!.done).toBeLessThan(running[0]!.total / 2);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ state: 'done', total: 11_000, done: 11_000 });
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(c.dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it.each(['anx', 'csv'] as const)('a cancelled %s export leaves no file, no partial file and no audit row', async (format) => {
    const c = await bigCase();
    const before = readdirSync(c.dir).sort();
    const audits = exportRows(c);
    const out = join(c.dir, `cancelled.${format}`);
    const running = c.core.call('export.run', { path: out, format });
    let job: string | undefined;
    while (!job) {
      // setImmediate, not a timer: the poll runs between the export's own turns.
      await new Promise((r) => setImmediate(r));
      job = progressOf(c, `Export of cancelled.${format}`).find((e) => e.done > 0)?.job;
    }
    // Mid-way: a partial file is being written beside the target.
    expect(readdirSync(c.dir).some((f) => f.endsWith('.partial'))).toBe(true);
    expect(await c.core.ok('job.cancel', { job })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(progressOf(c, `Export of cancelled.${format}`).at(-1)).toMatchObject({ job, state: 'cancelled', done: 0 });
    expect(readdirSync(c.dir).sort()).toEqual(before);
    expect(exportRows(c)).toBe(audits);
  });

  it('errors cross as codes, the job ends failed, and nothing is left behind', async () => {
    const { core, dir, db } = await openCase();
    // An empty case: nothing to export.
    expect(await core.fail('export.run', { path: join(dir, 'empty.ftm'), format: 'ftm' })).toMatchObject({ code: 'NOT_FOUND', message: 'The case has nothing to export.' });
    expect(progressOf({ core, dir, db }, 'Export of empty.ftm').at(-1)).toMatchObject({ state: 'failed' });
    await core.ok('entity.create', { schema: 'Person', properties: { name: ['Ana Ruiz'] } });
    // A name already taken is refused before anything is read, and the file is untouched.
    const taken = join(dir, 'taken.graphml');
    writeFileSync(taken, 'keep me');
    expect((await core.fail('export.run', { path: taken, format: 'graphml' })).code).toBe('FILE_EXISTS');
    // CSV: the links table's name is taken; the entities table must not appear either.
    writeFileSync(join(dir, 'people-links.csv'), 'keep me');
    expect((await core.fail('export.run', { path: join(dir, 'people.csv'), format: 'csv' })).code).toBe('FILE_EXISTS');
    expect(existsSync(join(dir, 'people.csv'))).toBe(false);
    // A folder that does not exist.
    expect(await core.fail('export.run', { path: join(dir, 'no', 'such', 'folder', 'x.gexf'), format: 'gexf' })).toEqual({ code: 'FILE_NOT_FOUND', message: 'The folder does not exist.' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(db().prepare("SELECT count(*) FROM audit WHERE action = 'export'").pluck().get()).toBe(0);
  });
});
