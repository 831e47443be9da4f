// `npm run bench:analysis`: our analysis measures against igraph (C) and networkx (Python) on the
// same random graphs, side by side in one process tree. Prints a table and one `BENCH {json}`
// line per measurement (DESIGN.md §9). Figures only: nothing here asserts a time.
//
// The references are Debian's python3-igraph and python3-networkx, run with /usr/bin/python3
// (not a pyenv interpreter on PATH); installed with apt when missing. networkx is skipped above
// 10,000 nodes, where its betweenness alone takes many minutes.
//
// Each figure is wall time and CPU time (all threads of the process: our worker threads, or the
// Python process). A measure that finishes in under a second is run up to three times on both
// sides and the fastest run is kept: the first run of ours includes V8 compiling the code, and the
// machine is shared, so one short run says little.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { betweenness, betweennessAuto } from '../../electron/core/analysis/betweenness';
import { closeness, degrees, eigenvector, pagerank } from '../../electron/core/analysis/centrality';
import { communities } from '../../electron/core/analysis/communities';
import { cuts } from '../../electron/core/analysis/cuts';
import { GraphBuilder, type Graph } from '../../electron/core/analysis/graph';
import { coreNumber } from '../../electron/core/analysis/kcore';
import { closePool, defaultThreads } from '../../electron/core/analysis/pool';
import { mulberry32 } from '../../electron/core/analysis/random';
import { undirected } from '../../electron/core/analysis/undirected';

const PYTHON = '/usr/bin/python3';
const DEFAULT_SIZES: Array<[number, number]> = [
  [1_000, 5_000],
  [10_000, 50_000],
  [50_000, 250_000],
];
/** `BENCH_ANALYSIS_SIZES=1000x5000,10000x50000` runs only those sizes. */
const SIZES: Array<[number, number]> = process.env.BENCH_ANALYSIS_SIZES
  ? process.env.BENCH_ANALYSIS_SIZES.split(',').map((s) => s.split('x').map(Number) as [number, number])
  : DEFAULT_SIZES;
/** `BENCH_ANALYSIS_NETWORKX_MAX=5000` keeps networkx to smaller graphs (its 10k run takes ~25 min). */
const NETWORKX_MAX_NODES = Number(process.env.BENCH_ANALYSIS_NETWORKX_MAX ?? 10_000);
const MEASURES = ['degree', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'kcore', 'louvain', 'cuts'] as const;
type Measure = (typeof MEASURES)[number];

/** G(n, m): m distinct edges drawn uniformly, seeded, so every run benches the same graphs. */
function randomGraph(n: number, m: number, seed: number): { g: Graph; edges: Int32Array } {
  const rng = mulberry32(seed);
  const b = new GraphBuilder(false, 'last');
  for (let i = 0; i < n; i++) b.node(String(i));
  const seen = new Set<number>();
  const edges = new Int32Array(2 * m);
  let k = 0;
  while (seen.size < m) {
    const u = Math.floor(rng() * n);
    const v = Math.floor(rng() * n);
    const key = Math.min(u, v) * n + Math.max(u, v);
    if (u === v || seen.has(key)) continue;
    seen.add(key);
    b.edge(String(u), String(v));
    edges[k++] = u;
    edges[k++] = v;
  }
  return { g: b.build(), edges };
}

const REFERENCE_PY = String.raw`
import json, sys, time
path, with_nx = sys.argv[1], sys.argv[2] == '1'
with open(path) as f:
    n, m = map(int, f.readline().split())
    edges = [tuple(map(int, l.split())) for l in f]
out = {'igraph': {}, 'networkx': {}}
def clock(fn):
    best = None
    for _ in range(3):
        t, c = time.perf_counter(), time.process_time(); fn()
        run = ((time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000)
        best = run if best is None or run[0] < best[0] else best
        if run[0] >= 1000: break
    return best
import igraph as ig
g = ig.Graph(n=n, edges=edges)
ms = out['igraph']
ms['degree'] = clock(lambda: g.degree())
ms['betweenness'] = clock(lambda: g.betweenness(directed=False))
ms['closeness'] = clock(lambda: g.harmonic_centrality())
ms['eigenvector'] = clock(lambda: g.eigenvector_centrality())
ms['pagerank'] = clock(lambda: g.pagerank())
ms['kcore'] = clock(lambda: g.coreness())
ms['louvain'] = clock(lambda: g.community_multilevel())
ms['cuts'] = clock(lambda: (g.articulation_points(), g.bridges()))
if with_nx:
    import networkx as nx
    G = nx.Graph(); G.add_nodes_from(range(n)); G.add_edges_from(edges)
    ms = out['networkx']
    ms['degree'] = clock(lambda: dict(G.degree()))
    ms['betweenness'] = clock(lambda: nx.betweenness_centrality(G))
    ms['closeness'] = clock(lambda: nx.harmonic_centrality(G))
    ms['eigenvector'] = clock(lambda: nx.eigenvector_centrality_numpy(G))
    ms['pagerank'] = clock(lambda: nx.pagerank(G))
    ms['kcore'] = clock(lambda: nx.core_number(G))
    ms['louvain'] = clock(lambda: nx.community.louvain_communities(G, seed=1))
    ms['cuts'] = clock(lambda: (list(nx.articulation_points(G)), list(nx.bridges(G))))
json.dump(out, sys.stdout)
`;

function ensureReferences(): void {
  const probe = spawnSync(PYTHON, ['-c', 'import igraph, networkx'], { encoding: 'utf8' });
  if (probe.status === 0) return;
  console.log('installing python3-igraph and python3-networkx (apt)…');
  const apt = spawnSync('apt-get', ['install', '-y', 'python3-igraph', 'python3-networkx'], { stdio: 'inherit' });
  if (apt.status !== 0) throw new Error('could not install python3-igraph / python3-networkx with apt-get');
}

/** Wall and CPU milliseconds (CPU of every thread of this process, our workers included). */
interface Timing {
  ms: number;
  cpuMs: number;
}

/** The fastest of up to three runs (one when a run takes a second or more). */
async function time(fn: () => unknown): Promise<Timing> {
  let best: Timing | null = null;
  for (let i = 0; i < 3; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    const ms = performance.now() - t;
    const cpu = process.cpuUsage(c);
    if (!best || ms < best.ms) best = { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
    if (ms >= 1000) break;
  }
  return best!;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

async function ours(g: Graph): Promise<{ times: Record<Measure, Timing>; exact: Float64Array }> {
  const u = undirected(g);
  let exact: Float64Array = new Float64Array(0);
  const times = {
    degree: await time(() => degrees(g)),
    betweenness: await time(async () => (exact = await betweenness(g))),
    closeness: await time(() => closeness(g, false)),
    eigenvector: await time(() => eigenvector(g, false)),
    pagerank: await time(() => pagerank(g, false)),
    kcore: await time(() => coreNumber(u)),
    louvain: await time(() => communities(g, false)),
    cuts: await time(() => cuts(u)),
  };
  return { times, exact };
}

type Pair = [number, number];
const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
/** "wall (cpu)" */
const fmt = (t: Pair | null | undefined) => (t ? `${fmtMs(t[0])} (${fmtMs(t[1])})` : '—');
const ratio = (ref: Pair | null | undefined, mine: Timing) => (ref ? `${(ref[0] / mine.ms).toFixed(1)}×` : '—');
const round = (ms: number) => Math.round(ms * 10) / 10;

async function main(): Promise<void> {
  ensureReferences();
  const dir = mkdtempSync(join(tmpdir(), 'cordon-bench-'));
  console.log(`analysis bench · ${defaultThreads()} worker threads for betweenness/closeness · igraph and networkx single-threaded`);
  console.log('each cell: wall (CPU of all threads), fastest of up to 3 runs; ratio = reference wall / our wall (above 1: we are faster)\n');
  try {
    for (const [n, m] of SIZES) {
      const rows: string[] = [];
      const { g, edges } = randomGraph(n, m, n + m);
      peakRss = process.memoryUsage().rss;
      const { times: mine, exact } = await ours(g);
      const oursRss = peakRss;
      // Sampled betweenness on the same graph: its top 20 against the exact top 20.
      const approx = await time(() => betweennessAuto(g, { samples: Math.min(2000, n), seed: 1 }));
      const est = await betweennessAuto(g, { samples: Math.min(2000, n), seed: 1 });
      const top = (v: Float64Array) => [...v.keys()].sort((a, b) => v[b]! - v[a]! || a - b).slice(0, 20);
      const exactTop = new Set(top(exact));
      const overlap = top(est.values).filter((v) => exactTop.has(v)).length;

      const file = join(dir, `g${n}.txt`);
      const lines = [`${n} ${m}`];
      for (let k = 0; k < edges.length; k += 2) lines.push(`${edges[k]} ${edges[k + 1]}`);
      writeFileSync(file, lines.join('\n'));
      const withNx = n <= NETWORKX_MAX_NODES;
      const py = spawnSync(PYTHON, ['-c', REFERENCE_PY, file, withNx ? '1' : '0'], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (py.status !== 0) throw new Error(`reference run failed: ${py.stderr}`);
      const ref = JSON.parse(py.stdout) as { igraph: Record<Measure, Pair>; networkx: Partial<Record<Measure, Pair>> };

      rows.push(`\n${n.toLocaleString('en')} nodes / ${m.toLocaleString('en')} edges   (peak RSS ${Math.round(oursRss / 2 ** 20)} MB)`);
      rows.push('wall (cpu)');
      rows.push(`${'measure'.padEnd(12)}${'ours'.padStart(22)}${'igraph'.padStart(22)}${'networkx'.padStart(22)}${'vs igraph'.padStart(11)}${'vs nx'.padStart(9)}`);
      for (const measure of MEASURES) {
        const nx = withNx ? (ref.networkx[measure] ?? null) : null;
        rows.push(
          `${measure.padEnd(12)}${fmt([mine[measure].ms, mine[measure].cpuMs]).padStart(22)}${fmt(ref.igraph[measure]).padStart(22)}${fmt(nx).padStart(22)}${ratio(ref.igraph[measure], mine[measure]).padStart(11)}${ratio(nx, mine[measure]).padStart(9)}`,
        );
        console.log(
          `BENCH ${JSON.stringify({
            bench: 'analysis',
            measure,
            nodes: n,
            edges: m,
            ours_ms: round(mine[measure].ms),
            igraph_ms: round(ref.igraph[measure][0]),
            networkx_ms: nx === null ? null : round(nx[0]),
            ours_cpu_ms: round(mine[measure].cpuMs),
            igraph_cpu_ms: round(ref.igraph[measure][1]),
            networkx_cpu_ms: nx === null ? null : round(nx[1]),
            rss_mb: Math.round(oursRss / 2 ** 20),
          })}`,
        );
      }
      rows.push(
        `${'approx-btw'.padEnd(12)}${fmt([approx.ms, approx.cpuMs]).padStart(22)}   ${est.samples} sampled sources, ±${est.epsilon.toFixed(4)} (p ≥ ${1 - est.delta}); top-20 overlap with exact ${overlap}/20`,
      );
      console.log(
        `BENCH ${JSON.stringify({ bench: 'analysis', measure: 'betweenness-approx', nodes: n, edges: m, ours_ms: round(approx.ms), ours_cpu_ms: round(approx.cpuMs), samples: est.samples, epsilon: est.epsilon, top20_overlap: overlap })}`,
      );
      // Each size's table as soon as it is done, so a long run shows what it has.
      console.log(rows.join('\n'));
    }
  } finally {
    clearInterval(sampler);
    await closePool();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
