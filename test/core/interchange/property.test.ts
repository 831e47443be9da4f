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
        const outcome = await runImport(c, jobs, { path: file, format: 'csv', spec: { ...SPEC, format: { header } } }, { dryRun: false, limit: null }).then(
          (r) => ({ r }),
          (err: unknown) => ({ err }),
        );
        const after = counts(c.db);
        // Either imported, with the counts it reports, or refused as invalid input with nothing written.
        const seen =
          'r' in outcome
            ? {
                imports: after.imports - before.imports,
                entities: after.entities - before.entities - (outcome.r.created + outcome.r.links),
                links: after.links - before.links - outcome.r.links,
                recordsCover: outcome.r.records >= outcome.r.skipped - (outcome.r.errors.filter((e) => /unreadable CSV record/.test(e.message)).length + outcome.r.moreErrors),
              }
            : { refused: outcome.err instanceof CordonError ? outcome.err.code : String(outcome.err), unchanged: JSON.stringify(after) === JSON.stringify(before) };
        expect(seen).toEqual('r' in outcome ? { imports: 1, entities: 0, links: 0, recordsCover: true } : { refused: 'INVALID_INPUT', unchanged: true });
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
    // A job whose checkpoint fails at a chosen point (null: never): what a crash, a full disk or a
    // cancel does mid-import. Returns how many checkpoints the import reached.
    const importFailingAt = async (failAt: number | null) => {
      let ticks = 0;
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
      await runImport(c, jobs, { path: file, format: 'csv', spec: SPEC }, { dryRun: false, limit: null });
      return ticks;
    };
    // 12,000 rows: a checkpoint every 2,000 rows and more at the end of the import, eight in all.
    // Every one of them is tried in turn, until the import gets past the last and commits.
    let failAt = 1;
    for (; ; failAt++) {
      const before = counts(c.db);
      const outcome = await importFailingAt(failAt).then(
        () => 'imported',
        (err: Error) => err.message,
      );
      if (outcome === 'imported') break;
      expect(outcome, `failure at checkpoint ${failAt}`).toBe('disk full');
      expect(counts(c.db), `failure at checkpoint ${failAt}`).toEqual(before);
      expect(c.db.inTransaction).toBe(false);
    }
    // Exhaustive: the import that committed passed all eight checkpoints, each tried as a failure.
    expect(failAt - 1).toBe(8);
  });
});
