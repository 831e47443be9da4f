// npm run bench:comms [-- --rows N] [--phones N] [--cells N] [--events N] [--no-analyses] [--dir D] [--keep]
//
// The benchmark of issue 17 (DESIGN.md §9). A generated operator CDR (calling/called number,
// start, duration, type, IMEI, IMSI, cell; 10,000 phones, 500 cells by default) imported into an
// encrypted case through the product's importer: rows/s and peak RSS, with sqlite3's `.import` of
// the same file into a plain table as the reference. Then, on a case grown to --events events
// (10,000,000 by default; the extra events are written by SQL, the aggregated links rebuilt from
// them), the analyses' latencies: top (p95 over 200 phones), common of 5 phones, colocation, and
// the aggregated links the chart reads. Prints human lines and one `BENCH {json}` per figure;
// never asserts timings. On a shared machine the figures are noisy: read them with the load.

import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { colocation, common, top } from '../../electron/core/comms/analysis';
import { commsEdges } from '../../electron/core/comms/links';
import { runCdrImport } from '../../electron/core/comms/cdr/import';
import { setRegion } from '../../electron/core/comms/region';
import { luhnDigit } from '../../shared/comms/identifiers';
import { Jobs } from '../../electron/core/jobs';
import { Case } from '../../electron/core/store/case';
import { rng } from './data';
import { sqlite3Reference, writeCsv } from './csv-reference';

interface Options {
  rows: number;
  phones: number;
  cells: number;
  events: number;
  analyses: boolean;
  dir: string | null;
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { rows: 1_000_000, phones: 10_000, cells: 500, events: 10_000_000, analyses: true, dir: null, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const int = () => {
      const n = Number((argv[++i] ?? '').replace(/_/g, ''));
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a positive integer`);
      return n;
    };
    if (a === '--rows') o.rows = int();
    else if (a === '--phones') o.phones = int();
    else if (a === '--cells') o.cells = int();
    else if (a === '--events') o.events = int();
    else if (a === '--no-analyses') o.analyses = false;
    else if (a === '--dir') o.dir = argv[++i] ?? null;
    else if (a === '--keep') o.keep = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

const PASSPHRASE = 'bench: correct horse battery staple';
const bench = (obj: Record<string, unknown>) => console.log(`BENCH ${JSON.stringify({ ...obj, cores: cpus().length, load: round(loadavg()[0]!, 2) })}`);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const msSince = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

/** French mobile numbers as operators write them: 33 6xxxxxxxx, no plus. */
const number = (i: number) => `336${String(10_000_000 + i).padStart(8, '0')}`;
const imei = (i: number) => {
  const body = `35${String(i).padStart(12, '0')}`;
  return body + luhnDigit(body);
};

async function writeCdr(path: string, o: Options): Promise<void> {
  const r = rng(17);
  // Operators' returns are in time order: a year of records, the start advancing row by row.
  let t = Date.UTC(2024, 0, 1) / 1000;
  const step = (365 * 86400) / o.rows;
  await writeCsv(path, 'calling_number,called_number,start_time,duration,call_type,imei,imsi,cell_id', o.rows, () => {
    t += step * 2 * r();
    const a = Math.floor(r() * o.phones);
    // Contacts cluster: most calls go to one of a phone's 20 usual contacts.
    const b = r() < 0.8 ? (a + 1 + Math.floor(r() * 20)) % o.phones : Math.floor(r() * o.phones);
    const d = new Date(Math.floor(t) * 1000).toISOString();
    const sms = r() < 0.3;
    return `${number(a)},${number(b)},${d.slice(0, 10)} ${d.slice(11, 19)},${sms ? 0 : Math.floor(r() * 600)},${sms ? 'SMS' : 'voice'},${imei(a)},20801${String(a).padStart(10, '0')},208-01-${1000 + Math.floor(r() * o.cells)}`;
  });
}

const CDR_TABLE = 'CREATE TABLE cdr (calling TEXT, called TEXT, start TEXT, duration INTEGER, type TEXT, imei TEXT, imsi TEXT, cell TEXT)';

async function benchImport(o: Options, dir: string): Promise<Case> {
  const csv = join(dir, 'cdr.csv');
  console.log(`generating ${fmt(o.rows)} call records over ${fmt(o.phones)} phones and ${fmt(o.cells)} cells …`);
  await writeCdr(csv, o);
  console.log(`  ${(statSync(csv).size / 1048576).toFixed(1)} MiB`);
  const c = await Case.create(join(dir, 'bench.cordon'), PASSPHRASE, { name: 'comms bench', bureau: 'XX' });
  setRegion(c, 'FR', 'Europe/Paris');
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const rssBefore = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const r = await runCdrImport(c, new Jobs(() => undefined), { path: csv, again: false, dryRun: false });
  const seconds = msSince(t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const rowsPerS = o.rows / seconds;
  console.log(`import: ${fmt(o.rows)} rows in ${seconds.toFixed(1)} s = ${fmt(rowsPerS)} rows/s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s); ${fmt(r.events)} events, ${fmt(r.duplicates)} duplicates, ${fmt(r.phones.created)} phones, ${fmt(r.links)} links, ${r.skipped} skipped`);
  console.log(`  RSS before ${(rssBefore / 1048576).toFixed(0)} MiB, peak ${(peak / 1048576).toFixed(0)} MiB`);
  const ref = sqlite3Reference(csv, dir, o.rows, 'cdr', CDR_TABLE);
  if (ref) console.log(`sqlite3 .import into a plain table: ${fmt(ref)} rows/s (ratio ${(ref / rowsPerS).toFixed(1)}×)`);
  bench({
    bench: 'comms',
    case: 'import',
    rows: o.rows,
    rows_per_s: Math.round(rowsPerS),
    peak_rss_mb: Math.round(peak / 1048576),
    sqlite3_rows_per_s: ref === null ? null : Math.round(ref),
    seconds: round(seconds, 2),
    cpu_seconds: round((cpu.user + cpu.system) / 1e6, 2),
    events: r.events,
    encrypted: true,
  });
  rmSync(csv, { force: true });
  return c;
}

/** Grows the case to `events` events by SQL (same phones, cells, source), and rebuilds the aggregates from them. */
function grow(c: Case, o: Options): void {
  const have = c.db.prepare('SELECT count(*) FROM comms_events').pluck().get() as number;
  if (have >= o.events) return;
  const t0 = process.hrtime.bigint();
  const phones = c.db.prepare("SELECT rid FROM entities WHERE schema = 'Phone' ORDER BY rid").pluck().all() as number[];
  const cells = c.db.prepare('SELECT rid FROM comms_cells ORDER BY rid').pluck().all() as number[];
  const source = c.db.prepare('SELECT source FROM comms_events LIMIT 1').pluck().get() as number;
  const r = rng(1717);
  const t = Date.UTC(2023, 0, 1) / 1000;
  c.bulk.write(() => {
    const ins = c.db.prepare('INSERT OR IGNORE INTO comms_events (kind, caller, callee, start, duration, caller_cell, source) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let i = have; i < o.events; i++) {
      const a = Math.floor(r() * phones.length);
      const b = r() < 0.8 ? (a + 1 + Math.floor(r() * 20)) % phones.length : Math.floor(r() * phones.length);
      const sms = r() < 0.3;
      ins.run(sms ? 2 : 1, phones[a], phones[b], t + Math.floor(r() * 2 * 365 * 86400), sms ? 0 : Math.floor(r() * 600), cells[Math.floor(r() * cells.length)], source);
    }
    c.db.exec(`DELETE FROM comms_links;
      INSERT INTO comms_links (caller, callee, calls, sms, other, duration, first, last)
        SELECT caller, callee, sum(kind = 1), sum(kind IN (2, 3)), sum(kind NOT IN (1, 2, 3)), sum(duration), min(start), max(start)
          FROM comms_events WHERE callee IS NOT NULL AND callee <> caller GROUP BY caller, callee;`);
  }, { large: true });
  console.log(`grew the case to ${fmt(o.events)} events in ${(msSince(t0) / 1000).toFixed(1)} s`);
}

function benchAnalyses(c: Case, o: Options): void {
  grow(c, o);
  const events = c.db.prepare('SELECT count(*) FROM comms_events').pluck().get() as number;
  const phones = c.db.prepare("SELECT id FROM entities WHERE schema = 'Phone' ORDER BY rid").pluck().all() as string[];
  const r = rng(5);
  const pick = () => phones[Math.floor(r() * phones.length)]!;
  const time = (n: number, f: () => void) => {
    const ms: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      f();
      ms.push(msSince(t0));
    }
    return { p95: round(p95(ms), 2), median: round([...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!, 2) };
  };
  const t = time(200, () => top(c.db, { phone: pick(), top: 20 }));
  console.log(`top: p95 ${t.p95} ms (median ${t.median} ms) over 200 phones`);
  bench({ bench: 'comms', case: 'top', events, p95_ms: t.p95, median_ms: t.median });
  const tr = time(50, () => top(c.db, { phone: pick(), top: 20, from: '2024-03-01', to: '2024-05-31' }));
  console.log(`top over three months (from the events): p95 ${tr.p95} ms`);
  bench({ bench: 'comms', case: 'top-range', events, p95_ms: tr.p95, median_ms: tr.median });
  const cm = time(20, () => common(c.db, { phones: [pick(), pick(), pick(), pick(), pick()], min: 2 }));
  console.log(`common of 5 phones: p95 ${cm.p95} ms`);
  bench({ bench: 'comms', case: 'common', events, phones: 5, p95_ms: cm.p95, median_ms: cm.median });
  const co = time(20, () => colocation(c.db, { phones: [pick(), pick()], windowS: 900 }));
  console.log(`colocation of 2 phones (15 min): p95 ${co.p95} ms`);
  bench({ bench: 'comms', case: 'colocation', events, p95_ms: co.p95, median_ms: co.median });
  for (const n of [1000, phones.length]) {
    const ids = phones.slice(0, n);
    let edges = 0;
    const l = time(5, () => (edges = commsEdges(c.db, ids, ids).length));
    console.log(`aggregated links among ${fmt(n)} phones (the chart's read): ${fmt(edges)} links, p95 ${l.p95} ms`);
    bench({ bench: 'comms', case: 'links', events, phones: n, links: edges, p95_ms: l.p95, median_ms: l.median });
  }
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (o.dir) mkdirSync(o.dir, { recursive: true });
  const dir = o.dir ?? mkdtempSync(join(tmpdir(), 'cordon-bench-comms-'));
  let c: Case | null = null;
  try {
    c = await benchImport(o, dir);
    if (o.analyses) benchAnalyses(c, o);
  } finally {
    c?.close();
    if (!o.keep && !o.dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
