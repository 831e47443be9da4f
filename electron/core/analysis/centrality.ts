import { CordonError } from '../../../shared/errors';
import { brandesView } from './betweenness';
import type { RunControl } from './control';
import { runParallel } from './pool';
import type { Graph } from './graph';

// Degree, harmonic closeness, eigenvector centrality and PageRank, each defined as networkx
// defines it so the reference tests can hold them to it. Written here rather than taken from
// graphology-metrics because they are a few lines each on the CSR arrays, while going through
// graphology would mean building a second, object-based copy of a graph of 50,000 nodes.

export interface Degrees {
  degree: Float64Array;
  inDegree: Float64Array;
  outDegree: Float64Array;
  /** Sum of link strengths (networkx: degree(weight='weight')). */
  strength: Float64Array;
}

/** Degrees straight from the row offsets and strengths from the row weights: one pass over the
 * arcs. Undirected, in = out = degree, and the three are one array (read-only for callers). */
export function degrees(g: Graph): Degrees {
  const n = g.n;
  const outDegree = new Float64Array(n);
  const strength = new Float64Array(n);
  countRows(g.outPtr, g.outW, outDegree, strength);
  if (!g.directed) return { degree: outDegree, inDegree: outDegree, outDegree, strength };
  // Directed: degree = in + out, strength over both directions (networkx).
  const inDegree = new Float64Array(n);
  countRows(g.inPtr, g.inW, inDegree, strength);
  const degree = new Float64Array(n);
  for (let v = 0; v < n; v++) degree[v] = outDegree[v]! + inDegree[v]!;
  return { degree, inDegree, outDegree, strength };
}

/** Each row's length into `count`, and its weights added to `sum`. */
function countRows(ptr: Int32Array, w: Float64Array, count: Float64Array, sum: Float64Array): void {
  for (let v = 0; v < count.length; v++) {
    const from = ptr[v]!;
    const to = ptr[v + 1]!;
    count[v] = to - from;
    let s = 0;
    for (let a = from; a < to; a++) s += w[a]!;
    sum[v]! += s;
  }
}

/** Harmonic closeness Σ_{u≠v} 1/d(u, v) over the nodes that reach v, divided by n - 1 so that it
 * lies in [0, 1]. Harmonic, not classic, so that disconnected charts work (unreachable = 0).
 * Weighted: lengths 1/strength. One search per node, spread over worker threads. */
export async function closeness(g: Graph, weighted: boolean, ctl: RunControl = {}, threads?: number): Promise<Float64Array> {
  return runParallel('harmonic', brandesView(g, weighted), { from: 0, to: g.n }, ctl, threads);
}

const MAX_ITER = 100_000;

/** Eigenvector centrality: the principal eigenvector of the adjacency matrix (in-links for
 * directed graphs, as networkx), by power iteration on A + I — the shift keeps bipartite graphs
 * from oscillating and changes no eigenvector — normalised to unit length, entries ≥ 0. Iterates
 * to machine precision, so it agrees with networkx's exact eigenvector_centrality_numpy. */
export function eigenvector(g: Graph, weighted: boolean): Float64Array {
  const n = g.n;
  if (n === 0) return new Float64Array(0);
  if (g.m === 0) return new Float64Array(n).fill(1 / Math.sqrt(n));
  if (weighted) requireNonNegative(g, 'Weighted eigenvector centrality');
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let it = 0; it < MAX_ITER; it++) {
    for (let v = 0; v < n; v++) {
      let s = x[v]!;
      for (let a = g.inPtr[v]!; a < g.inPtr[v + 1]!; a++) s += (weighted ? g.inW[a]! : 1) * x[g.inAdj[a]!]!;
      next[v] = s;
    }
    let norm = 0;
    for (let v = 0; v < n; v++) norm += next[v]! * next[v]!;
    norm = Math.sqrt(norm) || 1;
    let change = 0;
    for (let v = 0; v < n; v++) {
      next[v]! /= norm;
      change += Math.abs(next[v]! - x[v]!);
    }
    [x, next] = [next, x];
    if (change < n * 1e-15) break;
  }
  return x;
}

/** PageRank as networkx computes it: damping 0.85, dangling nodes' rank spread uniformly, an
 * undirected edge followed both ways, weighted by strength when asked. */
export function pagerank(g: Graph, weighted: boolean, alpha = 0.85): Float64Array {
  const n = g.n;
  if (n === 0) return new Float64Array(0);
  if (weighted) requireNonNegative(g, 'Weighted PageRank');
  const outSum = new Float64Array(n);
  for (let v = 0; v < n; v++) for (let a = g.outPtr[v]!; a < g.outPtr[v + 1]!; a++) outSum[v]! += weighted ? g.outW[a]! : 1;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let it = 0; it < MAX_ITER; it++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (!(outSum[v]! > 0)) dangling += x[v]!;
    const base = (alpha * dangling) / n + (1 - alpha) / n;
    for (let v = 0; v < n; v++) {
      let s = 0;
      for (let a = g.inPtr[v]!; a < g.inPtr[v + 1]!; a++) {
        const u = g.inAdj[a]!;
        // A node whose links all have strength 0 leads nowhere: it is dangling (handled above).
        if (outSum[u]! > 0) s += (x[u]! * (weighted ? g.inW[a]! : 1)) / outSum[u]!;
      }
      next[v] = alpha * s + base;
    }
    let change = 0;
    for (let v = 0; v < n; v++) change += Math.abs(next[v]! - x[v]!);
    [x, next] = [next, x];
    if (change < n * 1e-15) break;
  }
  let total = 0;
  for (let v = 0; v < n; v++) total += x[v]!;
  for (let v = 0; v < n; v++) x[v]! /= total;
  return x;
}

function requireNonNegative(g: Graph, what: string): void {
  for (let k = 0; k < g.outW.length; k++) {
    if (!(g.outW[k]! >= 0) || !Number.isFinite(g.outW[k]!)) {
      throw new CordonError('INVALID_INPUT', `${what} needs link strengths of zero or more; one link has strength ${g.outW[k]}. Run unweighted, or correct the link.`);
    }
  }
}
