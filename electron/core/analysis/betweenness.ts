import { brandes, type BrandesGraph } from './brandes';
import type { RunControl } from './control';
import { countAlive, requirePositiveWeights, type Graph } from './graph';
import { brandesParallel } from './pool';
import { mulberry32, sampleWithoutReplacement } from './random';

// Betweenness, normalised as networkx does (1/((n-1)(n-2)) for directed and undirected graphs
// alike, n = nodes present), exact or estimated from sampled sources.

/** Above this many nodes the default is the sampled estimate (exact stays available). */
export const EXACT_LIMIT = 50_000;
export const DEFAULT_SAMPLES = 2_000;
export const DEFAULT_DELTA = 0.05;

export interface BetweennessOptions {
  weighted?: boolean | undefined;
  alive?: Uint8Array | undefined;
  threads?: number | undefined;
}

export interface BetweennessEstimate {
  values: Float64Array;
  /** Sources used; equal to the node count when exact. */
  samples: number;
  exact: boolean;
  /** With probability at least 1 - delta, every node's estimate is within epsilon of its exact
   * normalised betweenness (0 when exact). */
  epsilon: number;
  delta: number;
}

/** The CSR view Brandes runs on; lengths 1/w when weighted (graph.ts conventions). */
export function brandesView(g: Graph, weighted: boolean, alive?: Uint8Array): BrandesGraph {
  if (weighted) requirePositiveWeights(g, 'Weighted betweenness');
  const inv = (w: Float64Array) => {
    const len = new Float64Array(w.length);
    for (let i = 0; i < w.length; i++) len[i] = 1 / w[i]!;
    return len;
  };
  const outLen = weighted ? inv(g.outW) : undefined;
  return {
    n: g.n,
    outPtr: g.outPtr,
    outAdj: g.outAdj,
    inPtr: g.inPtr,
    inAdj: g.inAdj,
    outLen,
    inLen: weighted ? (g.directed ? inv(g.inW) : outLen) : undefined,
    alive,
  };
}

/** networkx's rescaling: multiply by 1/((n-1)(n-2)) (n > 2), times n/k when k sources were sampled. */
export function rescale(raw: Float64Array, present: number, sampled?: number): Float64Array {
  let scale = present > 2 ? 1 / ((present - 1) * (present - 2)) : 1;
  if (sampled !== undefined && present > 2) scale = (scale * present) / sampled;
  if (scale !== 1) for (let i = 0; i < raw.length; i++) raw[i]! *= scale;
  return raw;
}

/** Exact normalised betweenness in the calling thread: bit-identical to networkx (see brandes.ts). */
export function betweennessSync(g: Graph, opts: BetweennessOptions = {}): Float64Array {
  const raw = new Float64Array(g.n);
  brandes(brandesView(g, !!opts.weighted, opts.alive), { from: 0, to: g.n }, raw);
  return rescale(raw, opts.alive ? countAlive(opts.alive) : g.n);
}

/** Exact normalised betweenness across worker threads. */
export async function betweenness(g: Graph, opts: BetweennessOptions = {}, ctl: RunControl = {}): Promise<Float64Array> {
  const raw = await brandesParallel(brandesView(g, !!opts.weighted, opts.alive), { from: 0, to: g.n }, ctl, opts.threads);
  return rescale(raw, opts.alive ? countAlive(opts.alive) : g.n);
}

/** The Hoeffding bound, union over all n nodes: a sampled source contributes
 * n·δ_s(v)/((n-1)(n-2)) ∈ [0, n/(n-1)], the estimate is the mean of k such terms drawn without
 * replacement (Hoeffding 1963, §6), so P(max_v |est - exact| ≥ ε) ≤ 2n·exp(-2kε²/R²), R = n/(n-1). */
export function samplingEpsilon(n: number, k: number, delta = DEFAULT_DELTA): number {
  if (k >= n || n < 3) return 0;
  const range = n / (n - 1);
  return range * Math.sqrt(Math.log((2 * n) / delta) / (2 * k));
}

/** Exact up to EXACT_LIMIT nodes (or when samples ≥ n), else estimated from `samples` sources
 * drawn with a seeded generator (the same seed gives the same estimate). */
export async function betweennessAuto(
  g: Graph,
  opts: BetweennessOptions & { samples?: number | undefined; seed?: number | undefined; exact?: boolean | undefined },
  ctl: RunControl = {},
): Promise<BetweennessEstimate> {
  const k = opts.samples ?? (g.n > EXACT_LIMIT && !opts.exact ? DEFAULT_SAMPLES : g.n);
  if (opts.exact || k >= g.n) {
    return { values: await betweenness(g, opts, ctl), samples: g.n, exact: true, epsilon: 0, delta: 0 };
  }
  const list = sampleWithoutReplacement(g.n, k, mulberry32(opts.seed ?? 1));
  const raw = await brandesParallel(brandesView(g, !!opts.weighted), { list }, ctl, opts.threads);
  return {
    values: rescale(raw, g.n, k),
    samples: k,
    exact: false,
    epsilon: samplingEpsilon(g.n, k),
    delta: DEFAULT_DELTA,
  };
}
