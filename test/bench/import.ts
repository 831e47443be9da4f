// npm run bench:import [-- --rows N] [--phones N] [--persons N] [--dir D] [--keep]
//
// The intake benchmark of issue 5 (DESIGN.md §9): a generated call-record CSV (caller, receiver,
// date, duration) imported into an encrypted case through the product's importer — streaming,
// one transaction, a Person per distinct phone number (identity rule: phone), a Call per row —
// with rows/s and peak RSS; the same file through sqlite3's `.import` into a plain table as the
// reference; and "find matching entities" over generated persons. Prints human lines and one
// `BENCH {json}` per measurement; never asserts timings.

import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCandidates } from '../../electron/core/interchange/match/candidates';
import { runImport } from '../../electron/core/interchange/run';
import { Jobs } from '../../electron/core/jobs';
import { Case } from '../../electron/core/store/case';
import { CALLS_SPEC as SPEC, FIRST_NAMES, LAST_NAMES, rng } from './data';
import { sqlite3Reference, writeCsv } from './csv-reference';

interface Options {
  rows: number;
  phones: number;
  persons: number;
  dir: string | null;
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { rows: 1_000_000, phones: 50_000, persons: 100_000, dir: null, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const int = () => {
      const n = Number((argv[++i] ?? '').replace(/_/g, ''));
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a positive integer`);
      return n;
    };
    if (a === '--rows') o.rows = int();
    else if (a === '--phones') o.phones = int();
    else if (a === '--persons') o.persons = int();
    else if (a === '--dir') o.dir = argv[++i] ?? null;
    else if (a === '--keep') o.keep = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

const PASSPHRASE = 'bench: correct horse battery staple';
const bench = (obj: Record<string, unknown>) => console.log(`BENCH ${JSON.stringify(obj)}`);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function writeCalls(path: string, o: Options): Promise<void> {
  const r = rng(911);
  const phone = () => `+34 6${String(Math.floor(r() * o.phones)).padStart(8, '0')}`;
  await writeCsv(path, 'caller,receiver,date,duration', o.rows, () => {
    const d = new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 365 * 86400) * 1000);
    return `${phone()},${phone()},${d.toISOString().slice(0, 19)},${Math.floor(r() * 3600)}`;
  });
}

const CALLS_TABLE = 'CREATE TABLE calls (caller TEXT, receiver TEXT, date TEXT, duration INTEGER)';

async function benchImport(o: Options, dir: string): Promise<void> {
  const csv = join(dir, 'calls.csv');
  console.log(`generating ${fmt(o.rows)} call records over ${fmt(o.phones)} numbers …`);
  await writeCalls(csv, o);
  console.log(`  ${(statSync(csv).size / 1048576).toFixed(1)} MiB`);
  const c = await Case.create(join(dir, 'bench.cordon'), PASSPHRASE, { name: 'bench', bureau: 'XX' });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const report = await runImport(c, new Jobs(() => undefined), { path: csv, format: 'csv', spec: SPEC }, { dryRun: false, limit: null });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const rowsPerS = o.rows / seconds;
  console.log(`import: ${fmt(o.rows)} rows in ${seconds.toFixed(1)} s = ${fmt(rowsPerS)} rows/s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s); ${fmt(report.created)} persons, ${fmt(report.links)} calls, ${fmt(report.merged)} merges, ${report.skipped} skipped`);
  console.log(`  RSS before ${(rssBefore / 1048576).toFixed(0)} MiB, peak ${(peak / 1048576).toFixed(0)} MiB`);
  c.close();
  const ref = sqlite3Reference(csv, dir, o.rows, 'calls', CALLS_TABLE);
  if (ref) console.log(`sqlite3 .import into a plain table: ${fmt(ref)} rows/s (ratio ${(ref / rowsPerS).toFixed(1)}×)`);
  bench({
    bench: 'import',
    rows: o.rows,
    rows_per_s: Math.round(rowsPerS),
    peak_rss_mb: Math.round(peak / 1048576),
    sqlite3_rows_per_s: ref === null ? null : Math.round(ref),
    seconds: round(seconds, 2),
    cpu_seconds: round((cpu.user + cpu.system) / 1e6, 2),
    persons: report.created,
    calls: report.links,
    encrypted: true,
    cores: cpus().length,
    load: round(loadavg()[0]!, 2),
  });
}

/** Persons with names from the store bench's lists, a few per thousand re-entered with a variant spelling. */
async function benchMatch(o: Options, dir: string): Promise<void> {
  const c = await Case.create(join(dir, 'match.cordon'), PASSPHRASE, { name: 'match bench', bureau: 'XX' });
  const r = rng(2002);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const inputs: Array<{ schema: string; properties: Record<string, string[]> }> = [];
  let variants = 0;
  for (let i = 0; inputs.length < o.persons; i++) {
    const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)} ${pick(LAST_NAMES)}`;
    const year = 1950 + Math.floor(r() * 50);
    const props: Record<string, string[]> = { name: [name], birthDate: [`${year}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`] };
    inputs.push({ schema: 'Person', properties: props });
    if (r() < 0.005 && inputs.length < o.persons) {
      variants++;
      inputs.push({ schema: 'Person', properties: { name: [name.toUpperCase().replace(/ /, '  ')], birthDate: props.birthDate! } });
    }
  }
  c.write(() => {
    for (let i = 0; i < inputs.length; i += 10_000) c.entities.createEntities(inputs.slice(i, i + 10_000), { audit: false });
  });
  const t0 = process.hrtime.bigint();
  const found = findCandidates(c.db, { minScore: 0.9, limit: 100_000 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`matching: ${fmt(o.persons)} persons in ${seconds.toFixed(1)} s; ${fmt(found.length)} candidate pairs ≥ 0.9 (${variants} planted variants)`);
  bench({ bench: 'match', entities: o.persons, seconds: round(seconds, 2), candidates: found.length, planted: variants });
  c.close();
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.dir) mkdirSync(o.dir, { recursive: true });
  const dir = o.dir ?? mkdtempSync(join(tmpdir(), 'cordon-bench-import-'));
  try {
    await benchImport(o, dir);
    await benchMatch(o, dir);
  } finally {
    if (!o.keep && !o.dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
