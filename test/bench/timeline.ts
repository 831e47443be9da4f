// npm run bench:timeline [-- --events N] [--lines N] [--draw-events N] [--no-core] [--no-draw]
//
// The benchmark of issue 18 (DESIGN.md §9). Core: an encrypted case grown by SQL to --events call
// records (10,000,000 by default) over two years; the histogram of the case per zoom step (month,
// week and day over the two years, hour over one week, and a day histogram of one phone), each
// the core's full answer (timeline.histogram's code path). Renderer: the product's timeline canvas
// in headless Chromium (--disable-gpu) with --draw-events events (100,000) on --lines theme lines
// (50): first render, then 60 frames of wheel zoom and pan, each frame's draw timed. Prints one
// `BENCH {json}` line per figure; never asserts timings. On a shared machine the figures are noisy:
// read them with the load average printed beside them.

import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCdrImport } from '../../electron/core/comms/cdr/import';
import { setRegion } from '../../electron/core/comms/region';
import { Jobs } from '../../electron/core/jobs';
import { Case } from '../../electron/core/store/case';
import { histogram } from '../../electron/core/timeline/service';

const args = process.argv.slice(2);
const opt = (name: string, d: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]!.replace(/_/g, '')) : d;
};
const EVENTS = opt('events', 10_000_000);
const LINES = opt('lines', 50);
const DRAW_EVENTS = opt('draw-events', 100_000);
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const bench = (obj: Record<string, unknown>) => console.log(`BENCH ${JSON.stringify({ ...obj, cores: cpus().length, load: round(loadavg()[0]!, 2) })}`);
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function benchCore(dir: string): Promise<void> {
  const c = await Case.create(join(dir, 'bench.cordon'), 'bench: timeline passphrase', { name: 'timeline bench', bureau: 'XX' });
  setRegion(c, 'FR', 'Europe/Paris');
  // 50 phones and a source by the product's importer, then the events by SQL.
  const csv = join(dir, 'seed.csv');
  const rows = ['calling_number,called_number,start_time,duration,call_type'];
  for (let i = 0; i < LINES; i++) rows.push(`336${10_000_000 + i},336${10_000_000 + ((i + 1) % LINES)},2023-01-01 00:00:00,10,voice`);
  writeFileSync(csv, rows.join('\n'));
  await runCdrImport(c, new Jobs(() => undefined), { path: csv, again: false, dryRun: false });
  const t0 = process.hrtime.bigint();
  const start = Date.UTC(2023, 0, 1) / 1000;
  c.bulk.write(
    () => {
      c.db.exec(`CREATE TEMP TABLE ph AS SELECT row_number() OVER (ORDER BY rid) - 1 AS k, rid FROM entities WHERE schema = 'Phone'`);
      const source = c.db.prepare('SELECT source FROM comms_events LIMIT 1').pluck().get() as number;
      c.db
        .prepare(
          `INSERT OR IGNORE INTO comms_events (kind, caller, callee, start, duration, source)
           WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
           SELECT 1 + (i % 3 = 0), a.rid, b.rid, @start + abs(random() % (2 * 365 * 86400)), i % 600, @source
             FROM n JOIN ph a ON a.k = i % @lines JOIN ph b ON b.k = (i * 7 + 1) % @lines`,
        )
        .run({ count: EVENTS - 1, start, source, lines: LINES });
    },
    { large: true },
  );
  const have = c.db.prepare('SELECT count(*) FROM comms_events').pluck().get() as number;
  console.log(`grew the case to ${have.toLocaleString('en-US')} events (${EVENTS.toLocaleString('en-US')} drawn, same-second duplicates ignored) in ${(ms(t0) / 1000).toFixed(1)} s`);
  const phone = c.db.prepare("SELECT id FROM entities WHERE schema = 'Phone' LIMIT 1").pluck().get() as string;
  const steps: Array<{ step: string; input: Parameters<typeof histogram>[1] }> = [
    { step: 'month', input: { bucket: 'month', from: '2023-01-01', to: '2024-12-31' } },
    { step: 'week', input: { bucket: 'week', from: '2023-01-01', to: '2024-12-31' } },
    { step: 'day', input: { bucket: 'day', from: '2023-01-01', to: '2024-12-31' } },
    { step: 'hour-of-a-week', input: { bucket: 'hour', from: '2024-03-04', to: '2024-03-10' } },
    { step: 'day-of-one-phone', input: { bucket: 'day', entities: [phone] } },
  ];
  for (const s of steps) {
    const t = process.hrtime.bigint();
    const h = histogram(c.db, s.input);
    const took = ms(t);
    console.log(`histogram ${s.step}: ${h.buckets.length} buckets, ${h.total.toLocaleString('en-US')} events in ${took.toFixed(0)} ms`);
    bench({ bench: 'timeline', case: 'histogram', step: s.step, events: have, counted: h.total, buckets: h.buckets.length, ms: Math.round(took) });
  }
  c.close();
}

async function benchDraw(dir: string): Promise<void> {
  const entry = join(dir, 'page.ts');
  writeFileSync(
    entry,
    `import { TimelineCanvas } from ${JSON.stringify(join(process.cwd(), 'renderer/src/features/timeline/TimelineCanvas.ts'))};
     (window as any).run = (events: number, lines: number) => {
       const canvas = document.querySelector('canvas')!;
       const tl = new TimelineCanvas(canvas, 'Europe/Paris', 'en-GB', { onView() {}, onBrush() {}, onPick() {} });
       const ids = Array.from({ length: lines }, (_, i) => 'E' + i);
       const t0 = Date.UTC(2023, 0, 1), span = 2 * 365 * 86400000;
       const kinds = ['call', 'sms', 'link', 'event', 'meeting'] as const;
       const evs = [];
       for (let i = 0; i < events; i++) {
         const t = t0 + Math.floor(((i * 2654435761) % 1000003) / 1000003 * span);
         evs.push({ id: 'e' + i, kind: kinds[i % 5], time: new Date(t).toISOString(), end: null, precision: 'time', entities: i % 4 ? [ids[i % lines]] : [ids[i % lines], ids[(i * 7 + 3) % lines]], label: '' });
       }
       evs.sort((a, b) => (a.time < b.time ? -1 : 1));
       const lineList = ids.map((id) => ({ entity: id, caption: id, events: 0, first: null, last: null, gaps: [], bursts: [] }));
       const began = performance.now();
       tl.setLines(lineList, evs as any);
       tl.fit();
       tl.draw();
       const first = performance.now() - began;
       const frames: number[] = [];
       for (let f = 0; f < 60; f++) {
         if (f % 3 === 2) tl.pan(0.02); else tl.zoom(f < 30 ? 0.93 : 1 / 0.93, t0 + span / 2);
         tl.draw();
         frames.push(tl.drawn.ms);
       }
       return { first, frames, drawn: tl.drawn };
     };`,
  );
  const out = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', target: 'chrome120', logLevel: 'warning' });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.setContent(`<canvas style="width:1400px;height:${Math.max(400, 60 + LINES * 38)}px;display:block;color:#1c2127"></canvas>`);
    await page.addScriptTag({ content: out.outputFiles[0]!.text });
    const r = (await page.evaluate(([e, l]) => (window as unknown as { run(e: number, l: number): unknown }).run(e!, l!), [DRAW_EVENTS, LINES])) as { first: number; frames: number[]; drawn: { events: number; connectors: number } };
    console.log(`draw: ${DRAW_EVENTS.toLocaleString('en-US')} events on ${LINES} lines: first render ${r.first.toFixed(0)} ms, frame p95 ${p95(r.frames).toFixed(1)} ms (${r.drawn.events} events, ${r.drawn.connectors} connectors in the last frame)`);
    bench({ bench: 'timeline', events: DRAW_EVENTS, lines: LINES, first_render_ms: Math.round(r.first), frame_p95_ms: round(p95(r.frames), 1), frame_max_ms: round(Math.max(...r.frames), 1) });
  } finally {
    await browser.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'cordon-bench-timeline-'));
try {
  if (!args.includes('--no-draw')) await benchDraw(dir);
  if (!args.includes('--no-core')) await benchCore(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
