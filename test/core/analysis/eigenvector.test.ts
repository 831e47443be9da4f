import { describe, expect, it } from 'vitest';
import { eigenvector } from '../../../electron/core/analysis/centrality';
import { estimateSpectrum } from '../../../electron/core/analysis/chebyshev';
import { GraphBuilder, type Graph } from '../../../electron/core/analysis/graph';
import { mulberry32, randomEdges } from '../../../electron/core/analysis/random';

// Eigenvector centrality on undirected graphs goes through the Chebyshev iteration (chebyshev.ts);
// directed graphs through the power iteration. The reference tests (measures.test.ts) hold both to
// networkx on the real networks; these hold the Chebyshev path to closed forms on the shapes where
// iterations go wrong (bipartite, regular, disconnected, weighted), and to the power iteration on
// random graphs (the same matrix given as a directed graph with both arcs).

function graph(directed: boolean, edges: Array<[string, string, number?]>, nodes: string[] = []): Graph {
  const b = new GraphBuilder(directed);
  for (const n of nodes) b.node(n);
  for (const [u, v, w] of edges) {
    b.edge(u, v, w ?? 1);
    if (directed) b.edge(v, u, w ?? 1);
  }
  return b.build();
}

function random(n: number, m: number, seed: number, directed: boolean, weighted = false): Graph {
  const rng = mulberry32(seed);
  const pairs = randomEdges(n, m, seed);
  const edges: Array<[string, string, number]> = [];
  for (let k = 0; k < pairs.length; k += 2) edges.push([String(pairs[k]), String(pairs[k + 1]), weighted ? 1 + Math.floor(rng() * 9) : 1]);
  return graph(directed, edges, Array.from({ length: n }, (_, i) => String(i)));
}

const byId = (g: Graph, x: Float64Array) => Object.fromEntries(g.ids.map((id, i) => [id, x[i]!]));

describe('eigenvector centrality (undirected: Chebyshev iteration)', () => {
  it('a star (bipartite: power iteration without a shift would oscillate): centre 1/√2, each of n leaves 1/√(2n)', () => {
    const g = graph(false, ['a', 'b', 'c', 'd', 'e', 'f'].map((l) => ['hub', l] as [string, string]));
    const x = byId(g, eigenvector(g, false));
    expect(x.hub).toBeCloseTo(Math.SQRT1_2, 14);
    for (const l of ['a', 'b', 'c', 'd', 'e', 'f']) expect(x[l]).toBeCloseTo(1 / Math.sqrt(12), 14);
  });

  it('a ring (regular: the start is already the eigenvector) is uniform', () => {
    const ids = Array.from({ length: 9 }, (_, i) => `r${i}`);
    const g = graph(false, ids.map((id, i) => [id, ids[(i + 1) % ids.length]!] as [string, string]));
    for (const v of eigenvector(g, false)) expect(v).toBeCloseTo(1 / 3, 14);
  });

  it('two components: all of the weight on the one with the larger λ₁, none on the other', () => {
    const g = graph(false, [
      ['t1', 't2'],
      ['t2', 't3'],
      ['t3', 't1'],
      ['p1', 'p2'],
    ]);
    const x = byId(g, eigenvector(g, false));
    for (const t of ['t1', 't2', 't3']) expect(x[t]).toBeCloseTo(1 / Math.sqrt(3), 14);
    expect(x.p1).toBeLessThan(1e-12);
    expect(x.p2).toBeLessThan(1e-12);
  });

  it('weighted: a path a–b–c with strengths 3 and 4 (λ₁ = 5): b 1/√2, a 3/(5√2), c 4/(5√2)', () => {
    const g = graph(false, [
      ['a', 'b', 3],
      ['b', 'c', 4],
    ]);
    const x = byId(g, eigenvector(g, true));
    expect(x.b).toBeCloseTo(Math.SQRT1_2, 14);
    expect(x.a).toBeCloseTo(3 / (5 * Math.SQRT2), 14);
    expect(x.c).toBeCloseTo(4 / (5 * Math.SQRT2), 14);
  });

  it.each([
    [1000, 5000, false],
    [1000, 5000, true],
    [3000, 4500, false],
    [500, 20_000, false],
  ])('random %i / %i (weighted %s): the power iteration on the same matrix, to 1e-10 relative (networkx is held to 1e-9)', (n, m, weighted) => {
    const seed = n + m;
    const u = random(n, m, seed, false, weighted);
    // The iteration did take the Chebyshev road (a spectrum was estimated) …
    expect(estimateSpectrum(u.inPtr, u.inAdj, weighted ? u.inW : null, new Float64Array(n).fill(1 / n))).not.toBeNull();
    const cheb = eigenvector(u, weighted);
    const power = eigenvector(random(n, m, seed, true, weighted), weighted);
    const max = Math.max(...power);
    const nodes = [...power.keys()];
    const tiny = nodes.filter((v) => power[v]! < max * 1e-6);
    for (const v of tiny) expect(cheb[v]!).toBeLessThan(max * 1e-6);
    for (const v of nodes.filter((v) => !tiny.includes(v))) expect(Math.abs(cheb[v]! - power[v]!) / power[v]!).toBeLessThan(1e-10);
    expect(Math.hypot(...cheb)).toBeCloseTo(1, 14);
  });
});
