// npm run bench:map [-- --points 50000] [--cluster 1000000] [--shots DIR]
//
// The map benchmark of issue 19 (DESIGN.md §9): the product's map controller in headless Chromium
// (--disable-gpu, canvas 2D) on n located entities: data to the first complete frame; frame times
// (animation-frame intervals, and the map's own draw time) over 60 frames of real mouse drag and
// wheel, zoomed out (clusters) and zoomed in (single entities); supercluster's index over a million
// points. Prints `BENCH {json}` lines. Never asserts timings.

import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { securityHeaders } from '../../electron/main/headers';

const args = process.argv.slice(2);
const opt = (name: string, def: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : def);
const points = opt('--points', 50_000);
const clusterPoints = opt('--cluster', 1_000_000);
const shots = args.includes('--shots') ? args[args.indexOf('--shots') + 1]! : null;

type W = { benchMap: typeof import('./map/page').bench };

async function gestures(page: Page) {
  const nextFrame = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
  await page.mouse.move(640, 400);
  await page.evaluate(() => (window as unknown as W).benchMap.startFrames());
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(640 + 6 * i, 400 + 4 * i);
    await nextFrame();
  }
  await page.mouse.up();
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(0, i % 4 < 2 ? -80 : 80);
    await nextFrame();
  }
  return page.evaluate(() => (window as unknown as W).benchMap.stopFrames());
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-bench-map-'));
  try {
    await build({ entryPoints: { page: 'test/bench/map/page.ts' }, bundle: true, format: 'esm', target: 'es2022', outdir: dir, logLevel: 'warning', loader: { '.json': 'json' } });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>map bench</title><link rel="stylesheet" href="bench.css"></head><body><canvas id="map" tabindex="0"></canvas><script type="module" src="page.js"></script></body></html>');
    writeFileSync(join(dir, 'bench.css'), 'html,body{margin:0;background:#1c2127}#map{position:absolute;inset:0;width:100%;height:100%}');
    // Served with the app's own headers (CSP included: connect-src 'none'), so the page runs under the same policy.
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
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    });
    console.log(`map bench: ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; canvas 2D, --disable-gpu`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('crash', () => console.log('  the page crashed'));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url);
    await page.waitForFunction(() => 'benchMap' in window);
    const opened = await page.evaluate((n) => (window as unknown as W).benchMap.open(n), points);
    // The map projects its 1:50m basemap soon after opening (MapCanvas): measured frames come after.
    await page.waitForTimeout(3000);
    if (shots) await page.screenshot({ path: join(shots, `map-${points}-fit.png`) });
    const far = await gestures(page);
    const zoomed = await page.evaluate(() => (window as unknown as W).benchMap.zoomIn());
    if (shots) await page.screenshot({ path: join(shots, `map-${points}-zoomed.png`) });
    const near = await gestures(page);
    if (errors.length) console.log(`  page errors: ${errors.join(' | ')}`);
    const r = {
      bench: 'map',
      points,
      first_render_ms: opened.first_render_ms,
      frame_p95_ms: Math.max(far.p95, near.p95),
      frame_p50_ms: far.p50,
      frame_far_p95_ms: far.p95,
      frame_near_p95_ms: near.p95,
      draw_p95_ms: Math.max(far.draw_p95, near.draw_p95),
      draws: far.draws + near.draws,
      drawn_clusters_fit: opened.drawn_clusters,
      drawn_points_zoomed: zoomed.points,
      load1: Number(loadavg()[0]!.toFixed(2)),
    };
    console.log(`${points} located entities: first render ${r.first_render_ms} ms; drag/wheel frame p95 ${far.p95} ms zoomed out, ${near.p95} ms zoomed in (draw p95 ${r.draw_p95_ms} ms)`);
    console.log(`BENCH ${JSON.stringify(r)}`);
    const c = await page.evaluate((n) => (window as unknown as W).benchMap.cluster(n), clusterPoints);
    console.log(`clustering ${clusterPoints} points: ${c.ms} ms`);
    console.log(`BENCH ${JSON.stringify({ bench: 'map', case: 'cluster', points: clusterPoints, ms: c.ms, load1: Number(loadavg()[0]!.toFixed(2)) })}`);
    await browser.close();
    server.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
