import { betweenness, betweennessSync } from './betweenness';
import { checkpoint, type RunControl } from './control';
import { allAlive, countAlive, GraphBuilder, type Graph } from './graph';
import { components, undirected, type Adjacency } from './undirected';

// The disruption simulator: what is left of the network when people are taken out, measured by
// the size of its largest connected component (LCC), the measure of Cavallaro et al. 2020 (PLoS
// ONE 15(8): e0236476). Connectivity ignores direction, so a directed graph is simulated on its
// undirected view.
//
// Strategies remove the highest-scoring node(s) present: betweenness (networkx-normalised),
// degree, or collective influence CI_l(i) = (k_i − 1) · Σ_{j at distance l} (k_j − 1) (Morone &
// Makse 2015; l = 1 as in Cavallaro et al.'s code). "sequential" recomputes the scores after every
// removal; "block" removes the top k at once, then recomputes.
//
// Ties. Scores within `tieTolerance` (relative) of the best are tied, and a tie goes to the node
// that comes *last* in the graph's order. That is what Cavallaro et al.'s code does — Python's
// stable ascending sort, then taking from the end — so with tieTolerance 0 and a graph read in
// their file order the runs coincide step by step. The default tolerance (1e-9) treats as tied
// scores that differ only by floating-point rounding (for example two brokers with the same
// betweenness computed through different sums), which makes a run independent of summation order
// and thread count; test/core/analysis/disruption.test.ts shows where the two differ on Montagna.

export type Strategy = 'betweenness' | 'degree' | 'ci';

export interface StrategyOptions {
  strategy: Strategy;
  mode: 'sequential' | 'block';
  /** Nodes removed per step in block mode (default 5, as in Cavallaro et al.). */
  blockSize?: number | undefined;
  /** Stop after this many steps. */
  maxSteps?: number | undefined;
  /** Stop once no more than this many nodes are left (Cavallaro et al.: 5). */
  minRemaining?: number | undefined;
  /** Stop once the LCC is this small (default 1: the network is fully broken up). */
  stopAtLcc?: number | undefined;
  weighted?: boolean | undefined;
  tieTolerance?: number | undefined;
  /** Rank for breaking ties, higher wins (default: position in the graph's order). */
  tieRank?: ArrayLike<number> | undefined;
  ciRadius?: number | undefined;
}

export interface SimStep {
  removed: number[];
  /** Per removed node: the other nodes that had the same score (the tie rule chose). */
  tied: number[][];
  /** Nodes removed so far. */
  total: number;
  lcc: number;
  components: number;
}

export interface Simulation {
  initialLcc: number;
  initialComponents: number;
  steps: SimStep[];
}

export const DEFAULT_TIE_TOLERANCE = 1e-9;

/** The undirected simple graph the simulator works on (node order kept). */
export function simulationGraph(g: Graph): Graph {
  if (!g.directed) return g;
  const b = new GraphBuilder(false, 'sum');
  for (const id of g.ids) b.node(id);
  for (let e = 0; e < g.m; e++) b.edge(g.ids[g.edgeU[e]!]!, g.ids[g.edgeV[e]!]!, g.edgeW[e]!);
  return b.build();
}

/** Scores of the nodes present under a strategy (absent nodes score -Infinity). */
export async function strategyScores(g: Graph, u: Adjacency, alive: Uint8Array, opts: StrategyOptions, ctl: RunControl = {}): Promise<Float64Array> {
  let s: Float64Array;
  if (opts.strategy === 'betweenness') {
    // Small graphs in this thread, in networkx's exact arithmetic; big ones across threads.
    s = g.n <= 5_000 ? betweennessSync(g, { weighted: opts.weighted, alive }) : await betweenness(g, { weighted: opts.weighted, alive }, { signal: ctl.signal });
  } else {
    const k = presentDegree(g, u, alive, !!opts.weighted);
    s = opts.strategy === 'degree' ? k : collectiveInfluence(u, alive, k, opts.ciRadius ?? 1);
  }
  for (let v = 0; v < g.n; v++) if (!alive[v]) s[v] = -Infinity;
  return s;
}

function presentDegree(g: Graph, u: Adjacency, alive: Uint8Array, weighted: boolean): Float64Array {
  const k = new Float64Array(g.n);
  for (let v = 0; v < g.n; v++) {
    if (!alive[v]) continue;
    for (let a = u.ptr[v]!; a < u.ptr[v + 1]!; a++) if (alive[u.adj[a]!]) k[v]! += weighted ? g.edgeW[u.edge[a]!]! : 1;
  }
  return k;
}

/** CI_l: (k_i − 1) times the sum of (k_j − 1) over the nodes j exactly l steps away. */
function collectiveInfluence(u: Adjacency, alive: Uint8Array, k: Float64Array, radius: number): Float64Array {
  const ci = new Float64Array(u.n);
  const dist = new Int32Array(u.n).fill(-1);
  const queue = new Int32Array(u.n);
  for (let i = 0; i < u.n; i++) {
    if (!alive[i]) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = i;
    dist[i] = 0;
    let sum = 0;
    while (head < tail) {
      const v = queue[head++]!;
      if (dist[v] === radius) {
        sum += k[v]! - 1;
        continue;
      }
      for (let a = u.ptr[v]!; a < u.ptr[v + 1]!; a++) {
        const w = u.adj[a]!;
        if (!alive[w] || dist[w] !== -1) continue;
        dist[w] = dist[v]! + 1;
        queue[tail++] = w;
      }
    }
    for (let j = 0; j < tail; j++) dist[queue[j]!] = -1;
    ci[i] = (k[i]! - 1) * sum;
  }
  return ci;
}

/** The next target: the best score; scores within the tolerance of the best are tied, and the
 * tie goes to the highest tie rank (by default the node latest in graph order). */
export function pickTarget(scores: Float64Array, tolerance: number, tieRank?: ArrayLike<number>): { node: number; tied: number[] } | null {
  let best = -Infinity;
  for (let v = 0; v < scores.length; v++) if (scores[v]! > best) best = scores[v]!;
  if (best === -Infinity) return null;
  const floor = best - tolerance * Math.abs(best);
  const candidates: number[] = [];
  for (let v = 0; v < scores.length; v++) if (scores[v]! >= floor) candidates.push(v);
  const rank = (v: number) => (tieRank ? tieRank[v]! : v);
  const node = candidates.reduce((a, b) => (rank(b) > rank(a) ? b : a));
  return { node, tied: candidates.filter((v) => v !== node) };
}

export async function simulateStrategy(graph: Graph, opts: StrategyOptions, ctl: RunControl = {}): Promise<Simulation> {
  const g = simulationGraph(graph);
  const u = undirected(g);
  const alive = allAlive(g.n);
  const first = components(u, alive);
  const initialLcc = maxOf(first.sizes);
  const per = opts.mode === 'block' ? Math.max(1, opts.blockSize ?? 5) : 1;
  const tolerance = opts.tieTolerance ?? DEFAULT_TIE_TOLERANCE;
  const minRemaining = opts.minRemaining ?? 0;
  const stopAtLcc = opts.stopAtLcc ?? 1;
  const maxSteps = opts.maxSteps ?? Infinity;
  const steps: SimStep[] = [];
  let present = g.n;
  let lcc = initialLcc;
  let total = 0;
  const estimate = Math.min(maxSteps, Math.ceil(Math.max(0, g.n - minRemaining) / per));
  while (steps.length < maxSteps && present > minRemaining && present > 0 && lcc > stopAtLcc) {
    await checkpoint(ctl);
    const removed: number[] = [];
    const tied: number[][] = [];
    let scores = await strategyScores(g, u, alive, opts, ctl);
    for (let i = 0; i < per && present > minRemaining; i++) {
      // Sequential: fresh scores before every removal. Block: the top `per` of one scoring.
      if (opts.mode === 'sequential' && i > 0) scores = await strategyScores(g, u, alive, opts, ctl);
      const pick = pickTarget(scores, tolerance, opts.tieRank);
      if (!pick) break;
      const v = pick.node;
      tied.push(pick.tied);
      alive[v] = 0;
      scores[v] = -Infinity;
      removed.push(v);
      present--;
    }
    total += removed.length;
    const after = components(u, alive);
    lcc = maxOf(after.sizes);
    steps.push({ removed, tied, total, lcc, components: after.sizes.length });
    ctl.progress?.(steps.length, Math.max(estimate, steps.length));
  }
  return { initialLcc, initialComponents: first.sizes.length, steps };
}

export interface TargetImpact {
  before: { lcc: number; components: number };
  after: { lcc: number; components: number; sizes: number[] };
  /** Nodes that had ties before and have none once the targets are gone. */
  isolated: number[];
  /** Who takes over as broker: the top nodes by betweenness afterwards, with their rank before. */
  brokers: Array<{ node: number; before: number; after: number; rankBefore: number; rankAfter: number }>;
}

/** Removes the given targets at once and compares the network before and after. */
export async function removeTargets(graph: Graph, targets: number[], opts: { weighted?: boolean; top?: number } = {}, ctl: RunControl = {}): Promise<TargetImpact> {
  const g = simulationGraph(graph);
  const u = undirected(g);
  const alive = allAlive(g.n);
  const c0 = components(u, alive);
  const b0 = await betweenness(g, { weighted: opts.weighted }, ctl);
  const hadTies = presentDegree(g, u, alive, false);
  for (const t of targets) alive[t] = 0;
  await checkpoint(ctl);
  const c1 = components(u, alive);
  const b1 = countAlive(alive) > 0 ? await betweenness(g, { weighted: opts.weighted, alive }, ctl) : new Float64Array(g.n);
  const nowTies = presentDegree(g, u, alive, false);
  const isolated: number[] = [];
  for (let v = 0; v < g.n; v++) if (alive[v] && hadTies[v]! > 0 && nowTies[v] === 0) isolated.push(v);
  const rank = (b: Float64Array, mask?: Uint8Array) => {
    const order = [...b.keys()].filter((v) => !mask || mask[v]).sort((x, y) => b[y]! - b[x]! || x - y);
    const r = new Int32Array(g.n).fill(-1);
    order.forEach((v, i) => (r[v] = i + 1));
    return { order, r };
  };
  const before = rank(b0);
  const after = rank(b1, alive);
  const brokers = after.order
    .slice(0, opts.top ?? 5)
    .filter((v) => b1[v]! > 0)
    .map((v) => ({ node: v, before: b0[v]!, after: b1[v]!, rankBefore: before.r[v]!, rankAfter: after.r[v]! }));
  return {
    before: { lcc: maxOf(c0.sizes), components: c0.sizes.length },
    after: { lcc: maxOf(c1.sizes), components: c1.sizes.length, sizes: c1.sizes.slice().sort((a, b) => b - a) },
    isolated,
    brokers,
  };
}

function maxOf(values: number[]): number {
  let m = 0;
  for (const v of values) if (v > m) m = v;
  return m;
}
