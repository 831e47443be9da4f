// npm run bench:chart [-- --sizes 1000,5000,10000,20000] [--no-layout] [--shots DIR] [--profile DIR]
//
// The chart benchmark of issue #3 (DESIGN.md §9): the product's chart core, controller (load,
// filters, rules) and ForceAtlas2 worker in headless Chromium (--disable-gpu, canvas renderer),
// on charts of n entities and 2n links: time to the first complete render; frame times over 60
// frames of real mouse drag and wheel (frame_*) and over 60 frames of API pan/zoom (frame_api_*);
// the worker layout's time, the longest UI-thread gap and longtask while it runs; the renderer
// processes' memory and CPU time. Beside ours, the floor (issue #20): a bare cytoscape with its
// default style on the same elements in the same run (floor_*, first_render_vs_floor). Prints one `BENCH {json}` line per size. Never asserts timings.

import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { securityHeaders } from '../../electron/main/headers';

const args = process.argv.slice(2);
const sizesArg = args.indexOf('--sizes');
const sizes = sizesArg >= 0 ? args[sizesArg + 1]!.split(',').map(Number) : [1000, 5000, 10_000, 20_000];
const withLayout = !args.includes('--no-layout');
// Screenshots of each chart as opened and zoomed in on its centre, to look at (not compared).
const shotsArg = args.indexOf('--shots');
const shots = shotsArg >= 0 ? args[shotsArg + 1]! : null;
// CPU profiles (Chrome DevTools protocol) of the first render and of the zoomed-in frames, saved
// as .cpuprofile files (open in DevTools) and summarised by self time.
const profileArg = args.indexOf('--profile');
const profileDir = profileArg >= 0 ? args[profileArg + 1]! : null;

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }>;
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** Runs `work` under the V8 sampling profiler, saves the profile and prints the top self times. */
async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  if (!profileDir) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const out = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  writeFileSync(join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
  const self = new Map<number, number>();
  profile.samples?.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  console.log(`  profile ${name}: ${Math.round(total)} ms; top self time:`);
  for (const [key, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`    ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
  return out;
}

/** Sums one figure over this run's renderer processes (Chromium's --type=renderer children). */
function overRenderers(profile: string, figure: (pid: string) => number): number {
  let sum = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('--type=renderer') && cmd.includes(profile)) sum += figure(pid);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return sum;
}

/** Resident memory of the renderer processes, in MB. */
function rendererRssMb(profile: string): number {
  const kb = overRenderers(profile, (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0));
  return Math.round(kb / 102.4) / 10;
}

/** CPU time (ms, user + system, clock ticks of 10 ms) used so far by the renderer processes: on a
 * machine shared with other work, wall times swing several-fold between runs; CPU time shows what
 * the chart itself costs. */
function rendererCpuMs(profile: string): number {
  return 10 * overRenderers(profile, (pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  });
}

type BenchPage = typeof import('./chart/page').bench;
/** Page functions run in the browser: each reaches the bench through window (no closures). */
type W = { benchChart: BenchPage };

/** 60 frames of real input: 30 of dragging the background (panning), 30 of wheel zooming. */
async function gestures(page: Page): Promise<{ p50: number; p95: number; max: number }> {
  const at = await page.evaluate(() => (window as unknown as W).benchChart.emptySpot());
  const nextFrame = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
  await page.mouse.move(at.x, at.y);
  await page.evaluate(() => (window as unknown as W).benchChart.startFrames());
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(at.x + 6 * i, at.y + 4 * i);
    await nextFrame();
  }
  await page.mouse.up();
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(0, i % 4 < 2 ? -80 : 80);
    await nextFrame();
  }
  const r = await page.evaluate(() => (window as unknown as W).benchChart.stopFrames());
  // Let the view settle (edges and labels come back) before the next measurement.
  await page.waitForTimeout(400);
  return r;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-bench-chart-'));
  const profile = join(dir, 'profile');
  try {
    await build({
      entryPoints: { page: 'test/bench/chart/page.ts', worker: 'test/bench/chart/worker.ts' },
      bundle: true,
      format: 'esm',
      target: 'es2022',
      outdir: dir,
      logLevel: 'warning',
      // The page builds the worker URL itself; nothing to rewrite.
      define: { 'import.meta.url': 'location.href' },
    });
    // The profiles' line numbers point into this bundle: keep it beside them.
    if (profileDir) copyFileSync(join(dir, 'page.js'), join(profileDir, 'page.js'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html><head><meta charset="utf-8"><title>chart bench</title><link rel="stylesheet" href="bench.css"></head><body><div id="cy"></div><canvas id="icons"></canvas><script type="module" src="page.js"></script></body></html>',
    );
    writeFileSync(join(dir, 'bench.css'), 'html,body{margin:0;background:#1c2127}#cy{position:absolute;inset:0}#icons{position:absolute;inset:0;width:100%;height:100%;pointer-events:none}');
    // Served with the app's own headers (CSP included), so the page runs under the same policy.
    const server = createServer((req, res) => {
      const name = (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').slice(1).split('?')[0]!;
      if (name === 'favicon.ico') return void res.writeHead(204).end();
      if (!/^[\w.-]+$/.test(name)) return void res.writeHead(404).end();
      try {
        const body = readFileSync(join(dir, name));
        const type = name.endsWith('.html') ? 'text/html' : name.endsWith('.css') ? 'text/css' : 'text/javascript';
        res.writeHead(200, securityHeaders(type)).end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--enable-precise-memory-info'],
    });
    console.log(`chart bench: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; canvas renderer, --disable-gpu`);
    for (const n of sizes) {
      // The bare-cytoscape floor first, on a page of its own (nothing of it carries over to ours).
      const floorPage = await context.newPage();
      await floorPage.goto(url);
      await floorPage.waitForFunction(() => 'benchChart' in window);
      const f0 = rendererCpuMs(profile);
      const floorOpen = await floorPage.evaluate((size) => (window as unknown as W).benchChart.floor(size), n);
      const f1 = rendererCpuMs(profile);
      const floorZoomed = await floorPage.evaluate(() => (window as unknown as W).benchChart.floorZoomed());
      const floor = { ...floorOpen, ...floorZoomed, floor_cpu_first_render_ms: f1 - f0, floor_cpu_zoomed_ms: rendererCpuMs(profile) - f1 };
      await floorPage.evaluate(() => (window as unknown as W).benchChart.close());
      await floorPage.close();
      // A fresh page per size: memory and caches from the previous chart do not carry over.
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await page.waitForFunction(() => 'benchChart' in window);
      const c0 = rendererCpuMs(profile);
      const opened = await profiled(page, `open-${n}`, () => page.evaluate((size) => (window as unknown as W).benchChart.open(size), n));
      const cOpen = rendererCpuMs(profile);
      if (shots) {
        await page.screenshot({ path: join(shots, `chart-${n}-fit.png`) });
        await page.evaluate(() => {
          const c = (window as unknown as W).benchChart.core()!;
          c.zoom({ level: 1.5, renderedPosition: { x: c.width() / 2, y: c.height() / 2 } });
        });
        await page.waitForTimeout(1500);
        await page.screenshot({ path: join(shots, `chart-${n}-zoomed.png`) });
        await page.evaluate(() => (window as unknown as W).benchChart.chartController()!.fit());
        await page.waitForTimeout(1500);
      }
      const cOpen2 = rendererCpuMs(profile);
      const api = await page.evaluate(() => (window as unknown as W).benchChart.apiFrames());
      const c1 = rendererCpuMs(profile);
      const gesture = await gestures(page);
      const c2 = rendererCpuMs(profile);
      const zoomed = await profiled(page, `zoomed-${n}`, () => page.evaluate(() => (window as unknown as W).benchChart.zoomedFrames()));
      const c2b = rendererCpuMs(profile);
      const laid = withLayout ? await page.evaluate(() => (window as unknown as W).benchChart.layout()) : null;
      const c3 = rendererCpuMs(profile);
      await page.evaluate(() => (window as unknown as W).benchChart.close());
      const rss = rendererRssMb(profile);
      if (errors.length) console.log(`  page errors: ${errors.join(' | ')}`);
      const r = {
        ...opened,
        ...floor,
        first_render_vs_floor: Math.round((100 * opened.first_render_ms) / floor.floor_first_render_ms) / 100,
        cpu_first_render_vs_floor: Math.round((100 * (cOpen - c0)) / Math.max(1, floor.floor_cpu_first_render_ms)) / 100,
        ...api,
        frame_p50_ms: gesture.p50,
        frame_p95_ms: gesture.p95,
        frame_max_ms: gesture.max,
        ...zoomed,
        ...(laid ?? { layout_ms: null }),
        // Renderer CPU (all its threads, the layout worker included) for: opening to the first
        // complete render; opening and the API pan/zoom frames; the 60 gesture frames; the layout.
        cpu_first_render_ms: cOpen - c0,
        cpu_open_ms: c1 - cOpen2 + (cOpen - c0),
        cpu_gestures_ms: c2 - c1,
        cpu_zoomed_ms: c2b - c2,
        cpu_layout_ms: laid ? c3 - c2b : null,
      };
      console.log(
        `${n} nodes / ${2 * n} edges: first render ${r.first_render_ms} ms (floor ${r.floor_first_render_ms} ms, ×${r.first_render_vs_floor}, CPU ×${r.cpu_first_render_vs_floor}; build ${r.build_ms}, renderer CPU ${r.cpu_first_render_ms} ms; interactive at ${r.interactive_ms} ms); drag/wheel frame p50 ${r.frame_p50_ms} ms, p95 ${r.frame_p95_ms} ms, max ${r.frame_max_ms} ms; ` +
          `API pan/zoom frame p50 ${r.frame_api_p50_ms}, p95 ${r.frame_api_p95_ms} ms; zoomed in (${r.zoomed_icons} icons drawn) p50 ${r.frame_zoomed_p50_ms}, p95 ${r.frame_zoomed_p95_ms} ms (floor p95 ${r.floor_frame_zoomed_p95_ms} ms; renderer CPU ${r.cpu_zoomed_ms} ms, floor ${r.floor_cpu_zoomed_ms} ms); settle ${r.settle_ms} ms; ` +
          (laid
            ? `FA2 layout ${laid.layout_ms} ms (${laid.layout_iterations} it., apply ${laid.layout_apply_ms} ms, worst UI gap ${laid.layout_max_blocked_ms} ms, longest task ${laid.layout_longest_task_ms} ms); `
            : '') +
          `renderer RSS ${rss} MB`,
      );
      console.log(`BENCH ${JSON.stringify({ bench: 'chart', nodes: n, edges: 2 * n, ...r, renderer_rss_mb: rss, load1: Number(loadavg()[0]!.toFixed(2)) })}`);
      await page.close();
    }
    await context.close();
    server.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
