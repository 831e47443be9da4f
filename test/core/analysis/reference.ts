import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Graph } from '../../../electron/core/analysis/graph';

// The networkx reference values (test/reference/networkx.json, produced once by
// test/reference/networkx_reference.py with Debian's networkx 2.8.8) and the comparison rule.

export interface NetworkRef {
  nodes: number;
  edges: number;
  node_order: string[];
  degree: Record<string, number>;
  in_degree?: Record<string, number>;
  out_degree?: Record<string, number>;
  strength: Record<string, number>;
  betweenness: Record<string, number>;
  betweenness_unnormalized: Record<string, number>;
  betweenness_weighted?: Record<string, number>;
  closeness: Record<string, number>;
  closeness_weighted?: Record<string, number>;
  pagerank: Record<string, number>;
  pagerank_weighted?: Record<string, number>;
  eigenvector?: Record<string, number>;
  eigenvector_weighted?: Record<string, number>;
  kcore?: Record<string, number>;
  articulation_points?: string[];
  bridges?: string[][];
  louvain_networkx?: { communities: string[][]; modularity: number; modularity_weighted: number };
  components?: number[];
  paths_from: string;
  hops: Record<string, number>;
  path_counts: Record<string, number>;
}

export type RefName = 'caviar' | 'caviar_directed' | 'montagna_meetings' | 'montagna_phonecalls' | 'krebs911';

const all = JSON.parse(readFileSync(fileURLToPath(new URL('../../reference/networkx.json', import.meta.url)), 'utf8')) as Record<RefName, NetworkRef> & {
  generator: string;
};

export function reference(name: RefName): NetworkRef {
  return all[name];
}

/** Equal within `rel` relative (absolute near zero, where relative error means nothing). */
export function expectClose(ours: ArrayLike<number>, g: Graph, ref: Record<string, number>, rel: number, what: string): void {
  expect(Object.keys(ref).length, `${what}: node count`).toBe(g.n);
  let worst = 0;
  let worstId = '';
  for (let i = 0; i < g.n; i++) {
    const want = ref[g.ids[i]!];
    expect(want, `${what}: ${g.ids[i]} missing from the reference`).toBeDefined();
    const err = Math.abs(ours[i]! - want!) / Math.max(Math.abs(want!), 1e-12);
    if (Math.abs(ours[i]! - want!) > 1e-15 && err > worst) {
      worst = err;
      worstId = g.ids[i]!;
    }
  }
  expect(worst, `${what}: worst relative error at ${worstId}`).toBeLessThanOrEqual(rel);
}
