// npm run bench:exchange [-- --entities N] [--keep]
//
// The exchange benchmark of issue 6: a case of N entities (60 % people with 3 statements each,
// 40 % links with 2 endpoint statements + 1 property: 300,000 statements at N = 100,000) is
// exported as one package to a partner workstation, verified there, then imported, through the
// product's own functions on real encrypted case files. Prints seconds, package size and peak
// memory, and one `BENCH {json}` line (DESIGN.md §9). It never asserts timings.

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCard, initIdentity, myCard } from '../../electron/core/exchange/directory';
import { exportPackage } from '../../electron/core/exchange/export-package';
import { importPackage, verifyPackage } from '../../electron/core/exchange/service';
import { Case } from '../../electron/core/store/case';
import type { EntityInput, LinkInput } from '../../electron/core/store/entity-values';
import { createSource } from '../../electron/core/store/sources';
import { link, person, rng } from './data';

function parseArgs(argv: string[]) {
  const o = { entities: 100_000, keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--entities') o.entities = Number(String(argv[++i]).replace(/_/g, ''));
    else if (argv[i] === '--keep') o.keep = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!Number.isInteger(o.entities) || o.entities < 10) throw new Error('--entities must be a whole number ≥ 10');
  return o;
}

const PASS = 'bench: exchange passphrase';
const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
const secs = (t0: bigint) => Math.round(Number(process.hrtime.bigint() - t0) / 1e7) / 100;

/** Samples RSS every 20 ms while `fn` runs: the peak is what "memory flat" is judged by. */
async function measured<T>(label: string, fn: () => Promise<T>): Promise<{ value: T; s: number; peakRss: number; rssBefore: number }> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const t0 = process.hrtime.bigint();
  try {
    const value = await fn();
    const s = secs(t0);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    console.log(`${label.padEnd(8)} ${s.toFixed(2)} s   RSS ${mb(rssBefore)} → peak ${mb(peakRss)} MiB`);
    return { value, s, peakRss, rssBefore };
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'cordon-bench-exchange-'));
  try {
    const a = await Case.create(join(dir, 'es.cordon'), PASS, { name: 'ES', bureau: 'ES' });
    const b = await Case.create(join(dir, 'fr.cordon'), PASS, { name: 'FR', bureau: 'FR' });
    await initIdentity(a, { bureau: 'ES', name: 'Ana García' });
    await initIdentity(b, { bureau: 'FR', name: 'Benoît Martin' });
    const frInEs = importCard(a, JSON.stringify(myCard(b.db)), { verified: true }).id;
    importCard(b, JSON.stringify(myCard(a.db)), { verified: true });

    const people = Math.round(o.entities * 0.6);
    const links = o.entities - people;
    const r = rng(20240611);
    const t0 = process.hrtime.bigint();
    const sources = a.write(() =>
      Array.from({ length: 50 }, (_, i) =>
        createSource(a, { title: `Report ${i}`, scheme: 'eu4x4', grade: ['A1', 'B2', 'C3'][i % 3]!, handling: i % 2 ? 'H1' : 'H0', tlp: (['GREEN', 'AMBER', 'CLEAR'] as const)[i % 3], restrictedTo: [] }),
      ),
    );
    const ids: string[] = [];
    for (let start = 0; start < people; start += 10_000) {
      const batch: EntityInput[] = [];
      for (let i = start; i < Math.min(people, start + 10_000); i++) {
        const p = person(r, i);
        batch.push({ schema: 'Person', properties: { name: [p.name], [p.second[0]]: [p.second[1]], idNumber: [p.idNumber] }, sourceId: sources[i % sources.length]! });
      }
      for (const c of a.write(() => a.entities.createEntities(batch, { audit: false }))) ids.push(c.id);
    }
    for (let start = 0; start < links; start += 10_000) {
      const batch: LinkInput[] = [];
      for (let i = start; i < Math.min(links, start + 10_000); i++) {
        const l = link(r, people);
        batch.push({ schema: l.schema, from: ids[l.from]!, to: ids[l.to]!, properties: l.properties, sourceId: sources[i % sources.length]! });
      }
      a.write(() => a.entities.createLinks(batch, { audit: false }));
    }
    const entities = a.db.prepare('SELECT count(*) FROM entities').pluck().get() as number;
    const statements = a.db.prepare('SELECT count(*) FROM statements').pluck().get() as number;
    console.log(`case     ${entities.toLocaleString('en-US')} entities (${links.toLocaleString('en-US')} of them links), ${statements.toLocaleString('en-US')} statements, built in ${secs(t0)} s`);

    const pkg = join(dir, 'to-fr.cordonpkg');
    const exp = await measured('export', () => exportPackage(a, { path: pkg, to: [frInEs], scope: { kind: 'all' } }));
    const bytes = statSync(pkg).size;
    console.log(`package  ${bytes.toLocaleString('en-US')} bytes (${mb(bytes)} MiB); withheld ${exp.value.review.withheld.items.length}`);
    const ver = await measured('verify', () => verifyPackage(b, join(dir, 'data-fr'), pkg));
    const imp = await measured('import', () => importPackage(b, join(dir, 'data-fr'), { path: pkg, accept: 'all' }));
    const got = b.db.prepare('SELECT count(*) FROM statements').pluck().get() as number;
    if (got !== statements || imp.value.statementsAdded !== statements) throw new Error(`imported ${got} statements, expected ${statements}`);
    console.log(`imported ${imp.value.entitiesCreated + imp.value.linksCreated} entities, ${imp.value.statementsAdded} statements; verify previewed ${ver.value.counts.statements}`);
    const peak = Math.max(exp.peakRss, ver.peakRss, imp.peakRss);
    console.log(
      `BENCH ${JSON.stringify({
        bench: 'exchange',
        entities,
        statements,
        export_s: exp.s,
        verify_s: ver.s,
        import_s: imp.s,
        package_bytes: bytes,
        peak_rss_mb: mb(peak),
        export_peak_rss_mb: mb(exp.peakRss),
        import_peak_rss_mb: mb(imp.peakRss),
        rss_before_export_mb: mb(exp.rssBefore),
      })}`,
    );
    a.close();
    b.close();
  } finally {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
