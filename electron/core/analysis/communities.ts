import { CordonError } from '../../../shared/errors';
import type { Graph } from './graph';
import { louvain } from './louvain';

// Louvain communities (Blondel et al. 2008), by our own implementation on the CSR arrays
// (louvain.ts says why), seeded so that the same graph always gives the same communities.
// Modularity is recomputed here by networkx's formula, so that what we show is checked against
// networkx.

export interface Communities {
  /** Community number per node, 1 = the largest community; ties in size by first member. */
  of: Int32Array;
  count: number;
  modularity: number;
}

export const LOUVAIN_SEED = 20_200_801;

export function communities(g: Graph, weighted: boolean, seed = LOUVAIN_SEED): Communities {
  if (g.n === 0) return { of: new Int32Array(0), count: 0, modularity: 0 };
  if (weighted) {
    for (let k = 0; k < g.outW.length; k++) {
      if (!(g.outW[k]! > 0)) throw new CordonError('INVALID_INPUT', `Weighted communities need link strengths greater than zero; one link has strength ${g.outW[k]}.`);
    }
  }
  const raw = louvain(g, weighted, seed);
  const of = renumber(raw);
  let count = 0;
  for (let v = 0; v < g.n; v++) count = Math.max(count, of[v]!);
  return { of, count, modularity: modularity(g, of, weighted) };
}

/** Renumbers communities 1..k by size, largest first; equal sizes by their first member. */
function renumber(raw: Int32Array): Int32Array {
  const n = raw.length;
  const size = new Int32Array(n);
  const first = new Int32Array(n).fill(-1);
  const seen: number[] = [];
  for (let v = 0; v < n; v++) {
    const c = raw[v]!;
    if (first[c] === -1) {
      first[c] = v;
      seen.push(c);
    }
    size[c]!++;
  }
  seen.sort((a, b) => size[b]! - size[a]! || first[a]! - first[b]!);
  const number = new Int32Array(n);
  seen.forEach((c, i) => (number[c] = i + 1));
  return raw.map((c) => number[c]!);
}

/** Modularity of a partition (community numbers ≥ 0), networkx's formula: undirected
 * Σ_c [L_c/m − (d_c/2m)²]; directed Σ_c [L_c/m − d⁺_c·d⁻_c/m²]; weighted with strengths when asked. */
export function modularity(g: Graph, of: ArrayLike<number>, weighted: boolean): number {
  let k = 0;
  for (let v = 0; v < g.n; v++) k = Math.max(k, of[v]! + 1);
  const inside = new Float64Array(k);
  const outDeg = new Float64Array(k);
  const inDeg = new Float64Array(k);
  let m = 0;
  for (let u = 0; u < g.n; u++) {
    const cu = of[u]!;
    for (let a = g.outPtr[u]!; a < g.outPtr[u + 1]!; a++) {
      const v = g.outAdj[a]!;
      if (!g.directed && v < u) continue; // each undirected edge once
      const w = weighted ? g.outW[a]! : 1;
      const cv = of[v]!;
      m += w;
      if (cu === cv) inside[cu]! += w;
      outDeg[cu]! += w;
      inDeg[cv]! += w;
    }
  }
  if (m === 0) return 0;
  let q = 0;
  for (let c = 0; c < k; c++) {
    q += g.directed ? inside[c]! / m - (outDeg[c]! * inDeg[c]!) / (m * m) : inside[c]! / m - ((outDeg[c]! + inDeg[c]!) / (2 * m)) ** 2;
  }
  return q;
}
