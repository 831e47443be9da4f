import { describe, expect, it } from 'vitest';
import { betweenness, betweennessAuto, betweennessSync, samplingEpsilon } from '../../../electron/core/analysis/betweenness';
import { closeness, degrees, eigenvector, pagerank } from '../../../electron/core/analysis/centrality';
import { communities } from '../../../electron/core/analysis/communities';
import { cuts } from '../../../electron/core/analysis/cuts';
import { simulateStrategy } from '../../../electron/core/analysis/disrupt';
import { graphFromEdges, GraphBuilder, type Graph } from '../../../electron/core/analysis/graph';
import { coreNumber } from '../../../electron/core/analysis/kcore';
import { shortestPaths } from '../../../electron/core/analysis/paths';
import { randomEdges } from '../../../electron/core/analysis/random';
import { runMeasures } from '../../../electron/core/analysis/run';
import { undirected } from '../../../electron/core/analysis/undirected';
import { asCase, caviarGraph, krebsGraph, montagnaGraph } from './fixtures';

// Inputs that break naive implementations: nothing, one node, self-loops, duplicate edges,
// disconnected graphs, weights a measure cannot take, and a run cancelled half-way.

const ALL = ['degree', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'kcore', 'louvain', 'cuts'] as const;


/** A random graph with n nodes and m distinct edges (seeded). */
export function randomGraph(n: number, m: number, seed = 7): Graph {
  const b = new GraphBuilder(false, 'last');
  for (let i = 0; i < n; i++) b.node(`v${i}`);
  const edges = randomEdges(n, m, seed);
  for (let k = 0; k < edges.length; k += 2) b.edge(`v${edges[k]}`, `v${edges[k + 1]}`);
  return b.build();
}

describe('degenerate graphs', () => {
  it('an empty graph: every measure runs and returns nothing', async () => {
    const g = graphFromEdges([]);
    const r = await runMeasures(asCase(g), { measures: [...ALL], weighted: false, top: 5 });
    expect(r.rows).toEqual([]);
    expect(r.graph).toMatchObject({ nodes: 0, edges: 0, components: 0, largestComponent: 0 });
    expect(r.communities).toMatchObject({ count: 0, modularity: 0 });
    expect((await simulateStrategy(g, { strategy: 'degree', mode: 'sequential' })).steps).toEqual([]);
  });

  it('a single node: zeros, its own community, no cut vertex', async () => {
    const g = graphFromEdges([], { nodes: ['alone'] });
    const r = await runMeasures(asCase(g), { measures: [...ALL], weighted: false, top: 5 });
    expect(r.rows).toEqual([
      { id: 'alone', caption: 'alone', schema: 'Person', degree: 0, inDegree: 0, outDegree: 0, strength: 0, betweenness: 0, closeness: 0, eigenvector: 1, pagerank: 1, kcore: 0, community: 1, articulation: false },
    ]);
  });

  it('self-loops are dropped and counted; duplicate edges merge (strengths summed, or last wins)', () => {
    const g = graphFromEdges([['a', 'a', 3], ['a', 'b', 1], ['b', 'a', 2], ['a', 'b', 4], ['b', 'c', 1]]);
    expect([g.n, g.m, g.selfLoops]).toEqual([3, 2, 1]);
    expect(Array.from(degrees(g).degree)).toEqual([1, 2, 1]);
    expect(Array.from(degrees(g).strength)).toEqual([7, 8, 1]);
    const last = graphFromEdges([['a', 'b', 1], ['b', 'a', 2]], { merge: 'last' });
    expect(Array.from(last.edgeW)).toEqual([2]);
    expect(Array.from(coreNumber(undirected(g)))).toEqual([1, 1, 1]);
    const directed = graphFromEdges([['a', 'b'], ['b', 'a'], ['a', 'b']], { directed: true });
    expect(directed.m).toBe(2);
  });

  it('disconnected graphs: closeness is harmonic (no infinities), betweenness stays within components', async () => {
    const g = graphFromEdges([['a', 'b'], ['b', 'c'], ['x', 'y']], { nodes: ['lone'] });
    const c = await closeness(g, false);
    expect(Array.from(c).every(Number.isFinite)).toBe(true);
    // b reaches a and c at 1: (1 + 1)/(n − 1) with n = 6.
    expect(c[g.ids.indexOf('b')]).toBeCloseTo(2 / 5, 15);
    expect(c[g.ids.indexOf('lone')]).toBe(0);
    const b = betweennessSync(g);
    expect(b[g.ids.indexOf('b')]).toBeCloseTo(2 / (5 * 4), 15); // pair (a,c) both ways / ((n−1)(n−2))
    expect(shortestPaths(g, g.ids.indexOf('a'), g.ids.indexOf('x'), 'hops')).toBeNull();
    expect(g.ids.filter((_, i) => cuts(undirected(g)).articulation[i])).toEqual(['b']);
    // PageRank of a graph with an isolated node: dangling rank spread uniformly, sums to 1.
    expect(pagerank(g, false).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(eigenvector(g, false).every((v) => v >= 0)).toBe(true);
  });
});

describe('weights a measure cannot take', () => {
  const zero = graphFromEdges([['a', 'b', 0], ['b', 'c', 2]]);
  const negative = graphFromEdges([['a', 'b', -1], ['b', 'c', 2]]);

  it('weighted path measures refuse zero and negative strengths with a clear message', async () => {
    expect(() => betweennessSync(zero, { weighted: true })).toThrow(/greater than zero; the link between a and b has strength 0/);
    await expect(closeness(negative, true)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/strength -1/) });
    expect(() => shortestPaths(zero, 0, 2, 'strength')).toThrow(/greater than zero/);
    expect(() => communities(zero, true)).toThrow(/greater than zero/);
    expect(() => pagerank(negative, true)).toThrow(/zero or more/);
  });

  it('unweighted measures ignore strengths, so the same graphs still run', async () => {
    expect(Array.from(betweennessSync(zero))).toEqual([0, 1, 0]);
    expect(shortestPaths(negative, 0, 2, 'hops')!.hops).toBe(2);
    // A zero strength is a valid weight for PageRank (the link is simply not followed).
    expect(pagerank(zero, true).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('the case path refuses grading-weighted paths on a graph without grading', () => {
    expect(() => shortestPaths(graphFromEdges([['a', 'b']]), 0, 1, 'grading')).toThrow(/no grading/);
  });
});

describe('cancellation and sampling', () => {
  it('a cancelled parallel run rejects with CANCELLED and yields no values', async () => {
    const g = randomGraph(3000, 12000);
    const controller = new AbortController();
    let progressed = 0;
    const run = betweenness(g, { threads: 2 }, {
      signal: controller.signal,
      progress: (done) => {
        progressed = done;
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(progressed).toBeLessThan(3000);
    // A run cancelled before it starts never starts.
    await expect(betweenness(g, {}, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(simulateStrategy(montagnaGraph('meetings'), { strategy: 'degree', mode: 'sequential' }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('threads kept between runs: same bits run after run, and a cancel leaves the next run whole', async () => {
    const g = randomGraph(1500, 6000, 5);
    const sync = betweennessSync(g);
    const first = await betweenness(g, { threads: 2 });
    const again = await betweenness(g, { threads: 2 });
    expect(Array.from(again)).toEqual(Array.from(first));
    first.forEach((v, i) => expect(Math.abs(v - sync[i]!)).toBeLessThanOrEqual(1e-9 * Math.abs(sync[i]!)));
    const controller = new AbortController();
    const stopped = betweenness(g, { threads: 2 }, { signal: controller.signal, progress: () => controller.abort() });
    await expect(stopped).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(Array.from(await betweenness(g, { threads: 2 }))).toEqual(Array.from(first));
    const harmonicTwice = [await closeness(g, false, {}, 2), await closeness(g, false, {}, 1)];
    expect(Array.from(harmonicTwice[0]!)).toEqual(Array.from(harmonicTwice[1]!));
  });

  it('sampled betweenness: reproducible for a seed, within its stated bound, top 20 as exact', async () => {
    const g = randomGraph(2000, 8000, 11);
    const exact = betweennessSync(g);
    const est = await betweennessAuto(g, { samples: 1000, seed: 3, threads: 1 });
    expect(est).toMatchObject({ exact: false, samples: 1000, delta: 0.05 });
    expect(est.epsilon).toBeCloseTo(samplingEpsilon(2000, 1000), 15);
    const worst = est.values.reduce((m, v, i) => Math.max(m, Math.abs(v - exact[i]!)), 0);
    expect(worst).toBeLessThan(est.epsilon);
    expect(Array.from((await betweennessAuto(g, { samples: 1000, seed: 3, threads: 1 })).values)).toEqual(Array.from(est.values));
    // The top 20 by the estimate agrees with the exact top 20 up to the bound: a node can only
    // trade places across rank 20 with one whose exact value is within 2ε of it.
    const ranked = (v: Float64Array) => [...v.keys()].sort((a, b) => v[b]! - v[a]! || a - b);
    const checkTop = (ex: Float64Array, approx: Float64Array, eps: number) => {
      const exTop = ranked(ex).slice(0, 20);
      const v20 = ex[exTop[19]!]!;
      const outsiders = ranked(approx).slice(0, 20).filter((v) => !exTop.includes(v));
      for (const v of outsiders) expect(ex[v]!, `node ${v}`).toBeGreaterThanOrEqual(v20 - 2 * eps);
      return ranked(approx).slice(0, 20).filter((v) => exTop.includes(v)).length;
    };
    expect(checkTop(exact, est.values, est.epsilon)).toBeGreaterThanOrEqual(10);
    // On the real networks, with clear brokers: half the sources find the same main broker, and a
    // top 20 that differs only where the bound allows (at most two swaps).
    for (const g2 of [montagnaGraph('meetings'), montagnaGraph('phonecalls'), caviarGraph(), krebsGraph()]) {
      const ex = betweennessSync(g2);
      const e = await betweennessAuto(g2, { samples: Math.ceil(g2.n / 2), seed: 1, threads: 1 });
      expect(ranked(e.values)[0]).toBe(ranked(ex)[0]);
      expect(checkTop(ex, e.values, e.epsilon)).toBeGreaterThanOrEqual(18);
    }
  });
});
