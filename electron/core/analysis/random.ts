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
