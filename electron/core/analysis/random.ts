// A small seeded generator: analyses that draw at random (sampled betweenness, Louvain's node
// order) must give the same answer for the same input and seed, so a run can be reproduced.

/** mulberry32: 32-bit state, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** k distinct integers from [0, n), in increasing order (partial Fisher–Yates). */
export function sampleWithoutReplacement(n: number, k: number, rng: () => number): Int32Array {
  const take = Math.min(k, n);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, take).sort();
}

/** G(n, m): m distinct edges drawn uniformly (no self-loops), seeded, as pairs u₀ v₀ u₁ v₁ …:
 * the random graphs of the analysis bench and tests. */
export function randomEdges(n: number, m: number, seed: number): Int32Array {
  const rng = mulberry32(seed);
  const seen = new Set<number>();
  const edges = new Int32Array(2 * m);
  let k = 0;
  while (seen.size < m) {
    const u = Math.floor(rng() * n);
    const v = Math.floor(rng() * n);
    const key = Math.min(u, v) * n + Math.max(u, v);
    if (u === v || seen.has(key)) continue;
    seen.add(key);
    edges[k++] = u;
    edges[k++] = v;
  }
  return edges;
}
