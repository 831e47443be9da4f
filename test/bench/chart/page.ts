import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { edgeDefinition, nodeDefinition } from '../../../renderer/src/features/chart/elements';
import { fa2Iterations } from '../../../renderer/src/features/chart/fa2';
import type { Fa2Message } from '../../../renderer/src/features/chart/fa2.worker';
import { prepareIcons } from '../../../renderer/src/features/chart/icons';
import { BIG, performanceOptions, stylesheet, suppressInjectedStyle } from '../../../renderer/src/features/chart/style';

// The benchmark page: the product's own chart stylesheet, renderer options and element builders,
// on a generated chart of n entities and 2n links, in headless Chromium with the canvas renderer.

interface Result {
  first_render_ms: number;
  /** Of which: creating the elements (before the first draw). */
  build_ms: number;
  frame_p50_ms: number;
  frame_p95_ms: number;
  frame_max_ms: number;
  layout_ms: number;
  layout_iterations: number;
  layout_max_blocked_ms: number;
  layout_progress_events: number;
  js_heap_mb: number;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A criminal-network-like graph: a few hubs (preferential attachment) and local clusters. */
function generate(n: number): { nodes: ElementDefinition[]; edges: ElementDefinition[]; pairs: Uint32Array } {
  const r = rng(42);
  const side = Math.sqrt(n) * 70;
  const types = ['Person', 'Person', 'Person', 'Company', 'Organization', 'BankAccount', 'Vehicle', 'Address'];
  const nodes = Array.from({ length: n }, (_, i) =>
    nodeDefinition(
      { id: `n${i}`, schema: types[i % types.length]!, caption: `Entity ${i}`, handling: null, tlp: null, x: null, y: null, pinned: false, hidden: false, style: {}, group: null },
      { x: r() * side, y: r() * side },
    ),
  );
  const pairs = new Uint32Array(4 * n);
  const ends: number[] = [];
  const edges: ElementDefinition[] = [];
  for (let e = 0; e < 2 * n; e++) {
    const s = Math.floor(r() * n);
    const t = ends.length > 0 && r() < 0.5 ? ends[Math.floor(r() * ends.length)]! : (s + 1 + Math.floor(r() * 50)) % n;
    ends.push(s, t);
    pairs[2 * e] = s;
    pairs[2 * e + 1] = t;
    edges.push(
      edgeDefinition({
        id: `e${e}`,
        schema: e % 3 === 0 ? 'Call' : 'Associate',
        source: `n${s}`,
        target: `n${t}`,
        label: '',
        grade: null,
        strong: e % 2 === 0,
        strength: 1 + (e % 7),
        start: null,
        end: null,
        handling: null,
        tlp: null,
        directed: e % 3 === 0,
      }),
    );
  }
  return { nodes, edges, pairs };
}

const frame = () => new Promise<number>((ok) => requestAnimationFrame(ok));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(n: number, layout: boolean): Promise<Result> {
  const container = document.getElementById('cy')!;
  suppressInjectedStyle();
  await prepareIcons();
  const g = generate(n);
  const big = n * 3 > BIG;
  const t0 = performance.now();
  const cy: Core = cytoscape({ container, style: stylesheet(big), layout: { name: 'preset' }, elements: [...g.nodes, ...g.edges], ...performanceOptions(big) });
  const built = performance.now() - t0;
  await new Promise<void>((ok) => cy.one('render', () => ok()));
  await frame();
  await frame();
  const first = performance.now() - t0;
  cy.fit(undefined, 20);
  await frame();
  await frame();

  // 60 frames of panning and zooming, each change applied in its own animation frame.
  const deltas: number[] = [];
  let last = await frame();
  for (let i = 0; i < 60; i++) {
    if (i % 2 === 0) cy.panBy({ x: 15, y: -10 });
    else cy.zoom({ level: cy.zoom() * (i % 4 === 1 ? 1.05 : 0.96), renderedPosition: { x: 400, y: 300 } });
    const now = await frame();
    deltas.push(now - last);
    last = now;
  }
  // One more frame after panning stops: edges and labels come back (the viewport texture ends).
  await new Promise((ok) => setTimeout(ok, 300));
  await frame();
  deltas.sort((a, b) => a - b);

  let layoutMs = 0;
  let maxBlocked = 0;
  let progressEvents = 0;
  const iterations = fa2Iterations(n);
  if (layout) {
    const positions = new Float64Array(2 * n);
    cy.nodes().forEach((node, i) => {
      positions[2 * i] = node.position().x;
      positions[2 * i + 1] = node.position().y;
    });
    const worker = new Worker(new URL('./worker.js', location.href), { type: 'module' });
    const t1 = performance.now();
    let watching = true;
    // Meanwhile the UI thread keeps drawing frames: the longest gap is the worst block.
    void (async () => {
      let prev = await frame();
      while (watching) {
        const now = await frame();
        maxBlocked = Math.max(maxBlocked, now - prev);
        prev = now;
      }
    })();
    const out = await new Promise<Float64Array>((ok) => {
      worker.onmessage = (e: MessageEvent<Fa2Message>) => {
        if (e.data.kind === 'progress') progressEvents++;
        else ok(e.data.positions);
      };
      worker.postMessage(
        { positions, fixed: new Uint8Array(n), edges: g.pairs, weights: new Float64Array(2 * n).fill(1), iterations },
        [positions.buffer],
      );
    });
    // Applying the result is part of the layout's cost on the UI thread.
    cy.batch(() => cy.nodes().forEach((node, i) => void node.position({ x: out[2 * i]!, y: out[2 * i + 1]! })));
    await frame();
    layoutMs = performance.now() - t1;
    watching = false;
    worker.terminate();
  }
  const heap = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  cy.destroy();
  return {
    first_render_ms: Math.round(first),
    build_ms: Math.round(built),
    frame_p50_ms: Math.round(percentile(deltas, 50) * 10) / 10,
    frame_p95_ms: Math.round(percentile(deltas, 95) * 10) / 10,
    frame_max_ms: Math.round(deltas.at(-1)! * 10) / 10,
    layout_ms: Math.round(layoutMs),
    layout_iterations: layout ? iterations : 0,
    layout_max_blocked_ms: Math.round(maxBlocked),
    layout_progress_events: progressEvents,
    js_heap_mb: Math.round(heap / 1e5) / 10,
  };
}

(window as unknown as { benchChart: typeof run }).benchChart = run;
