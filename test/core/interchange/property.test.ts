import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../electron/core/interchange/run';
import { Jobs } from '../../../electron/core/jobs';
import type { ImportSpec } from '../../../shared/interchange/api';
import { CordonError } from '../../../shared/errors';
import { counts, openCase } from './support';

// Property-based: whatever the bytes of a "CSV" file, an import either refuses it cleanly
// (a CordonError, nothing written) or commits exactly what its report says — never a crash, never
// a partial import. And a failure at any point inside the transaction leaves nothing.

const SPEC: ImportSpec = {
  version: 1,
  format: { header: true },
  entities: [
    { key: 'a', schema: 'Person', properties: { name: { column: 0 }, phone: { column: 1 } }, identity: ['phone'] },
    { key: 'b', schema: 'Person', properties: { phone: { column: 2 }, birthDate: { column: 3, dateFormat: 'DD/MM/YYYY' } }, identity: ['phone'] },
  ],
  links: [{ schema: 'Call', from: 'a', to: 'b', properties: { duration: { column: 4 } } }],
};

const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '"', '""', '"a,b"', ';', '\t', '|', '\r\n', '\n', '+34 600 000 001', '+34 600 000 002', '31/02/2024', '01/01/2000', '12', 'x,y', 'Ñoño', '\u0000', '\uFEFF'),
);
const csvText = fc.array(fc.array(cell, { minLength: 0, maxLength: 7 }), { minLength: 0, maxLength: 25 }).map((rows) => rows.map((r) => r.join(',')).join('\n'));
const bytes = fc.oneof(
  csvText.map((t) => Buffer.from(t, 'utf8')),
  csvText.map((t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])),
  fc.uint8Array({ minLength: 1, maxLength: 300 }).map((a) => Buffer.from(a)),
);

describe('random CSV content (fast-check)', () => {
  it('never crashes an import and never writes a partial one', async () => {
    const { core, dir } = await openCase();
    const c = core.session.case;
    const jobs = new Jobs(() => undefined);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(bytes, fc.boolean(), async (content, header) => {
        const file = join(dir, `r${n++}.csv`);
        writeFileSync(file, content);
        const before = counts(c.db);
        try {
          const r = await runImport(c, jobs, { path: file, format: 'csv', spec: { ...SPEC, format: { header } } }, { dryRun: false, limit: null });
          const after = counts(c.db);
          expect(after.imports).toBe(before.imports + 1);
          expect(after.entities - before.entities).toBe(r.created + r.links);
          expect(after.links - before.links).toBe(r.links);
          expect(r.records).toBeGreaterThanOrEqual(r.skipped - (r.errors.filter((e) => /unreadable CSV record/.test(e.message)).length + r.moreErrors));
        } catch (err) {
          expect(err).toBeInstanceOf(CordonError);
          expect((err as CordonError).code).toBe('INVALID_INPUT');
          expect(counts(c.db)).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a failure anywhere inside the transaction leaves the case as it was', async () => {
    const { core, dir } = await openCase();
    const c = core.session.case;
    const rows = ['name,a,b,dob,dur'];
    for (let i = 0; i < 12_000; i++) rows.push(`P${i},+3460000${String(i % 700).padStart(4, '0')},+3461000${String(i % 500).padStart(4, '0')},01/01/1980,${i}`);
    const file = join(dir, 'big.csv');
    writeFileSync(file, rows.join('\n'));
    await fc.assert(
      // 12,000 rows: a checkpoint every 2,000, so six places to fail.
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), async (failAt) => {
        const before = counts(c.db);
        let ticks = 0;
        // A job whose checkpoint fails at a chosen point: what a crash, a full disk or a cancel does mid-import.
        const jobs = new Jobs(() => undefined);
        const run = jobs.run.bind(jobs);
        jobs.run = (label, total, work) =>
          run(label, total, (job) =>
            work({
              ...job,
              progress: job.progress,
              check: job.check,
              checkpoint: async () => {
                if (++ticks === failAt) throw new Error('disk full');
                await job.checkpoint();
              },
            }),
          );
        await expect(runImport(c, jobs, { path: file, format: 'csv', spec: SPEC }, { dryRun: false, limit: null })).rejects.toThrow('disk full');
        expect(counts(c.db)).toEqual(before);
        expect(c.db.inTransaction).toBe(false);
      }),
      { numRuns: 6 },
    );
  });
});
