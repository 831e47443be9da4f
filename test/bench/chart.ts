// npm run bench:chart [-- --sizes 1000,5000,10000,20000] [--no-layout]
//
// The chart benchmark of issue #3 (DESIGN.md §9): the product's chart stylesheet, renderer
// options and ForceAtlas2 worker in headless Chromium (--disable-gpu, canvas renderer), on charts
// of n entities and 2n links: time to the first complete render, frame times over 60 frames of
// panning and zooming, the worker layout's time and the longest UI-thread gap while it runs, and
// the renderer process's memory. Prints one `BENCH {json}` line per size. Never asserts timings.

import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { securityHeaders } from '../../electron/main/headers';

const args = process.argv.slice(2);
const sizesArg = args.indexOf('--sizes');
const sizes = sizesArg >= 0 ? args[sizesArg + 1]!.split(',').map(Number) : [1000, 5000, 10_000, 20_000];
const withLayout = !args.includes('--no-layout');

/** Resident memory of this run's renderer processes (Chromium's --type=renderer children). */
function rendererRssMb(profile: string): number {
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer') || !cmd.includes(profile)) continue;
      const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
      if (m) kb += Number(m[1]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return Math.round(kb / 102.4) / 10;
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
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html><head><meta charset="utf-8"><title>chart bench</title><link rel="stylesheet" href="bench.css"></head><body><div id="cy"></div><script type="module" src="page.js"></script></body></html>',
    );
    writeFileSync(join(dir, 'bench.css'), 'html,body{margin:0;background:#1c2127}#cy{position:absolute;inset:0}');
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
      // A fresh page per size: memory and caches from the previous chart do not carry over.
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      await page.waitForFunction(() => 'benchChart' in window);
      const r = await page.evaluate(
        ([size, layout]) => (window as unknown as { benchChart(n: number, l: boolean): Promise<Record<string, number>> }).benchChart(size, layout),
        [n, withLayout] as const,
      );
      const rss = rendererRssMb(profile);
      if (errors.length) console.log(`  page errors: ${errors.join(' | ')}`);
      console.log(
        `${n} nodes / ${2 * n} edges: first render ${r.first_render_ms} ms; pan/zoom frame p50 ${r.frame_p50_ms} ms, p95 ${r.frame_p95_ms} ms; ` +
          `FA2 layout ${r.layout_ms} ms (${r.layout_iterations} it., worst UI gap ${r.layout_max_blocked_ms} ms); renderer RSS ${rss} MB`,
      );
      console.log(`BENCH ${JSON.stringify({ bench: 'chart', nodes: n, edges: 2 * n, ...r, renderer_rss_mb: rss })}`);
      await page.close();
    }
    await context.close();
    server.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
