// npm run bench:export [-- --rows N] [--phones N]
//
// Export as a job (issue 5): a case of generated call records (a Person per phone number, a Call
// per row) exported to ANX, CSV and FtM through the product's exporter, with items/s, CPU-seconds
// and the number of progress reports; then how long a cancel takes to land mid-export, and that it
// leaves no file. Prints human lines and one `BENCH {json}` per measurement; never asserts timings.

import { createWriteStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExport, runImport } from '../../electron/core/interchange/run';
import { Jobs } from '../../electron/core/jobs';
import { Case } from '../../electron/core/store/case';
import type { EventPayload } from '../../shared/api';
import type { ExportFormat } from '../../shared/interchange/api';
import { CALLS_SPEC as SPEC, rng } from './data';

const PASSPHRASE = 'bench: correct horse battery staple';
const bench = (obj: Record<string, unknown>) => console.log(`BENCH ${JSON.stringify(obj)}`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const load = () => Math.round(loadavg()[0]! * 10) / 10;

function parseArgs(argv: string[]): { rows: number; phones: number } {
  const o = { rows: 200_000, phones: 20_000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const n = Number((argv[++i] ?? '').replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`${a} needs a positive integer`);
    if (a === '--rows') o.rows = n;
    else if (a === '--phones') o.phones = n;
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}


async function writeCalls(path: string, rows: number, phones: number): Promise<void> {
  const r = rng(5);
  const out = createWriteStream(path);
  const phone = () => `+34 6${String(Math.floor(r() * phones)).padStart(8, '0')}`;
  out.write('caller,receiver,date,duration\n');
  for (let i = 0; i < rows; i++) out.write(`${phone()},${phone()},2024-0${1 + (i % 9)}-1${i % 10},${Math.floor(r() * 600)}\n`);
  await new Promise<void>((ok) => out.end(ok));
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'cordon-bench-export-'));
  try {
    const csv = join(dir, 'calls.csv');
    await writeCalls(csv, o.rows, o.phones);
    const c = await Case.create(join(dir, 'bench.cordon'), PASSPHRASE, { name: 'bench', bureau: 'XX' });
    const imported = await runImport(c, new Jobs(() => undefined), { path: csv, format: 'csv', spec: SPEC }, { dryRun: false, limit: null });
    console.log(`case: ${fmt(imported.created)} persons, ${fmt(imported.links)} calls (load ${load()})`);

    for (const format of ['anx', 'csv', 'ftm'] as ExportFormat[]) {
      let events = 0;
      const jobs = new Jobs(() => void events++);
      const path = join(dir, `out.${format}`);
      const cpu0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      const r = await runExport(c, jobs, { path, format, includeRestricted: false, overwrite: false });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const cpu = process.cpuUsage(cpu0);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const items = r.entities + r.links;
      const bytes = r.files.reduce((n, f) => n + statSync(f).size, 0);
      console.log(`export ${format}: ${fmt(items)} items in ${seconds.toFixed(2)} s = ${fmt(items / seconds)} items/s (CPU ${cpuSeconds.toFixed(2)} s), ${(bytes / 1048576).toFixed(1)} MiB, ${events} progress events (load ${load()})`);
      bench({ bench: 'export', format, entities: r.entities, links: r.links, seconds: Math.round(seconds * 100) / 100, cpu_seconds: Math.round(cpuSeconds * 100) / 100, items_per_s: Math.round(items / seconds), progress_events: events, mib: Math.round((bytes / 1048576) * 10) / 10, load: load() });
    }

    // A cancel sent as soon as the export has reported progress past its start.
    let cancelledAt = 0n;
    const jobs: Jobs = new Jobs((_event, payload) => {
      const p = payload as EventPayload<'progress'>;
      if (cancelledAt === 0n && p.state === 'running' && p.done > 0) {
        cancelledAt = process.hrtime.bigint();
        jobs.cancel(p.job);
      }
    });
    const before = readdirSync(dir).length;
    const outcome = await runExport(c, jobs, { path: join(dir, 'cancelled.anx'), format: 'anx', includeRestricted: false, overwrite: false }).then(
      () => 'finished',
      (err: { code?: string }) => err.code ?? 'error',
    );
    const latencyMs = Number(process.hrtime.bigint() - cancelledAt) / 1e6;
    const left = readdirSync(dir).length - before;
    console.log(`cancel mid-export: ${outcome} after ${latencyMs.toFixed(1)} ms; files left behind: ${left} (load ${load()})`);
    bench({ bench: 'export_cancel', outcome, latency_ms: Math.round(latencyMs * 10) / 10, files_left: left, load: load() });
    c.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
