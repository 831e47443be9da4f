import { describe, expect, it } from 'vitest';
import { communities, LOUVAIN_SEED, modularity } from '../../../electron/core/analysis/communities';
import { graphFromEdges, type Graph } from '../../../electron/core/analysis/graph';
import { components, undirected } from '../../../electron/core/analysis/undirected';
import { caviarGraph, krebsGraph, montagnaGraph } from './fixtures';
import { reference, type RefName } from './reference';

// Our own Louvain (electron/core/analysis/louvain.ts): as good as networkx's on the real
// networks, a partition of every node, the same answer for the same seed, and sensible on the
// graphs an analyst can produce by accident.

/** Every node in exactly one community numbered 1..count, every number used. */
function expectPartition(g: Graph, of: Int32Array, count: number): void {
  expect(of.length).toBe(g.n);
  const used = new Set(of);
  expect([...used].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
}

/** Members per community, as sorted id lists, sorted. */
function groups(g: Graph, of: Int32Array): string[][] {
  const by = new Map<number, string[]>();
  of.forEach((c, v) => by.set(c, [...(by.get(c) ?? []), g.ids[v]!]));
  return [...by.values()].map((m) => m.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

const clique = (p: string, k: number): Array<[string, string]> => {
  const e: Array<[string, string]> = [];
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) e.push([`${p}${i}`, `${p}${j}`]);
  return e;
};

const networks: Array<[RefName, () => Graph]> = [
  ['caviar', () => caviarGraph()],
  ['montagna_meetings', () => montagnaGraph('meetings')],
  ['montagna_phonecalls', () => montagnaGraph('phonecalls')],
  ['krebs911', () => krebsGraph()],
];

describe.each(networks)('Louvain on %s', (name, load) => {
  const g = load();
  const ref = reference(name).louvain_networkx!;

  it('finds communities whose modularity is no worse than networkx’s (within 0.005)', () => {
    const ours = communities(g, false);
    expectPartition(g, ours.of, ours.count);
    expect(ours.modularity).toBe(modularity(g, ours.of, false));
    expect(ours.modularity).toBeGreaterThan(ref.modularity - 0.005);
  });

  it('is reproducible for a seed, and stays good whatever the seed', () => {
    expect(communities(g, false, 7).of).toEqual(communities(g, false, 7).of);
    for (const seed of [1, 2, 3, 4, 5]) expect(communities(g, false, seed).modularity).toBeGreaterThan(ref.modularity - 0.02);
  });

  it('weighted: a valid partition whose weighted modularity beats every node alone and networkx’s unweighted split', () => {
    const ours = communities(g, true);
    expectPartition(g, ours.of, ours.count);
    expect(ours.modularity).toBe(modularity(g, ours.of, true));
    const alone = Int32Array.from({ length: g.n }, (_, i) => i);
    expect(ours.modularity).toBeGreaterThan(modularity(g, alone, true));
    expect(ours.modularity).toBeGreaterThan(ref.modularity_weighted);
  });
});

describe('Louvain on small and awkward graphs', () => {
  it('an empty graph has no communities; a single node and nodes without links are each alone', () => {
    expect(communities(graphFromEdges([]), false)).toEqual({ of: new Int32Array(0), count: 0, modularity: 0 });
    expect(communities(graphFromEdges([], { nodes: ['a'] }), false)).toEqual({ of: Int32Array.from([1]), count: 1, modularity: 0 });
    const loops = graphFromEdges([['a', 'a'], ['b', 'b', 5]], { nodes: ['c'] });
    expect(Array.from(communities(loops, false).of).sort()).toEqual([1, 2, 3]);
  });

  it('self-loops are ignored: the same communities with and without them', () => {
    const plain = [...clique('a', 5), ...clique('b', 5), ['a0', 'b0']] as Array<[string, string]>;
    const looped = [...plain, ['a1', 'a1'], ['b2', 'b2']] as Array<[string, string]>;
    const g1 = graphFromEdges(plain);
    const g2 = graphFromEdges(looped);
    expect(g2.selfLoops).toBe(2);
    expect(communities(g2, false).of).toEqual(communities(g1, false).of);
  });

  it('two cells joined by one tie are two communities; a ring of six cells is six', () => {
    const two = graphFromEdges([...clique('a', 5), ...clique('b', 5), ['a0', 'b0']]);
    expect(groups(two, communities(two, false).of)).toEqual([
      ['a0', 'a1', 'a2', 'a3', 'a4'],
      ['b0', 'b1', 'b2', 'b3', 'b4'],
    ]);
    const cells = 'abcdef'.split('');
    const ring = graphFromEdges([...cells.flatMap((p) => clique(p, 5)), ...cells.map((p, i) => [`${p}0`, `${cells[(i + 1) % 6]}1`] as [string, string])]);
    const r = communities(ring, false);
    expect(r.count).toBe(6);
    expect(groups(ring, r.of)).toEqual(cells.map((p) => [0, 1, 2, 3, 4].map((i) => `${p}${i}`)));
  });

  it('disconnected graphs: no community spans two components', () => {
    const g = graphFromEdges([...clique('a', 4), ...clique('b', 3), ['x', 'y'], ['y', 'z']], { nodes: ['lone'] });
    const r = communities(g, false);
    expectPartition(g, r.of, r.count);
    const comp = components(undirected(g)).of;
    // No community spans two components.
    const spanning: Array<[number, number]> = [];
    for (let v = 0; v < g.n; v++) for (let u = 0; u < g.n; u++) if (r.of[u] === r.of[v] && comp[u] !== comp[v]) spanning.push([u, v]);
    expect(spanning).toEqual([]);
    expect(groups(g, r.of)).toEqual([['a0', 'a1', 'a2', 'a3'], ['b0', 'b1', 'b2'], ['lone'], ['x', 'y', 'z']]);
  });

  it('weights decide between two equally good splits of a square', () => {
    const square = (ab: number, bc: number) =>
      graphFromEdges([
        ['a', 'b', ab],
        ['b', 'c', bc],
        ['c', 'd', ab],
        ['d', 'a', bc],
      ]);
    expect(groups(square(10, 1), communities(square(10, 1), true).of)).toEqual([['a', 'b'], ['c', 'd']]);
    expect(groups(square(1, 10), communities(square(1, 10), true).of)).toEqual([['a', 'd'], ['b', 'c']]);
  });

  it('zero or negative strengths are refused when weighted, and ignored when not', () => {
    const zero = graphFromEdges([...clique('a', 4), ['a0', 'b', 0]]);
    const negative = graphFromEdges([...clique('a', 4), ['a0', 'b', -2]]);
    expect(() => communities(zero, true)).toThrow(/greater than zero; one link has strength 0/);
    expect(() => communities(negative, true)).toThrow(/strength -2/);
    expectPartition(zero, communities(zero, false).of, communities(zero, false).count);
  });

  it('directed: two call circles joined by one call are two communities, scored by directed modularity', () => {
    const circle = (p: string) => [0, 1, 2, 3].flatMap((i) => [[`${p}${i}`, `${p}${(i + 1) % 4}`] as [string, string], [`${p}${i}`, `${p}${(i + 2) % 4}`] as [string, string]]);
    const g = graphFromEdges([...circle('a'), ...circle('b'), ['a0', 'b0']], { directed: true });
    const r = communities(g, false);
    expect(groups(g, r.of)).toEqual([
      ['a0', 'a1', 'a2', 'a3'],
      ['b0', 'b1', 'b2', 'b3'],
    ]);
    expect(r.modularity).toBe(modularity(g, r.of, false));
    // Directed modularity Σ L_c/m − d⁺_c·d⁻_c/m²: 16 of 17 calls inside; out/in 9/8 and 8/9.
    expect(r.modularity).toBeCloseTo(16 / 17 - (9 * 8 + 8 * 9) / 17 ** 2, 15);
  });

  it('the default seed is the one recorded with each run', () => {
    const g = caviarGraph();
    expect(communities(g, false).of).toEqual(communities(g, false, LOUVAIN_SEED).of);
  });
});
