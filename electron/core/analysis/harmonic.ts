import type { BrandesGraph, SourceSet } from './brandes';
import { MinHeap } from './heap';

// Harmonic closeness over a range of nodes: for each v, Σ 1/d(u, v) over the nodes u that reach
// it (networkx sums distances *to* v, so the search runs along in-rows), divided by n - 1.
// Same CSR view and worker protocol as Brandes; each node writes only its own entry.

export function harmonic(g: BrandesGraph, sources: SourceSet, out: Float64Array, tick?: (done: number) => boolean | void): boolean {
  const n = g.n;
  const { inPtr: ptr, inAdj: adj, inLen: len } = g;
  const dist = new Float64Array(n).fill(-1);
  const order = new Int32Array(n);
  const heap = len ? new MinHeap(n + adj.length) : null;
  const count = 'list' in sources ? sources.list.length : Math.max(0, sources.to - sources.from);
  for (let k = 0; k < count; k++) {
    const v = 'list' in sources ? sources.list[k]! : sources.from + k;
    let reached = 0;
    let sum = 0;
    dist[v] = 0;
    if (!heap) {
      let head = 0;
      order[reached++] = v;
      while (head < reached) {
        const x = order[head++]!;
        const dx = dist[x]! + 1;
        for (let a = ptr[x]!; a < ptr[x + 1]!; a++) {
          const y = adj[a]!;
          if (dist[y]! >= 0) continue;
          dist[y] = dx;
          sum += 1 / dx;
          order[reached++] = y;
        }
      }
    } else {
      heap.clear();
      heap.push(0, v);
      while (heap.size > 0) {
        const d = heap.topKey();
        const x = heap.pop();
        if (d > dist[x]!) continue;
        order[reached++] = x;
        if (x !== v) sum += 1 / d;
        for (let a = ptr[x]!; a < ptr[x + 1]!; a++) {
          const y = adj[a]!;
          const dy = d + len![a]!;
          if (dist[y]! < 0 || dy < dist[y]!) {
            dist[y] = dy;
            heap.push(dy, y);
          }
        }
      }
    }
    out[v] = n > 1 ? sum / (n - 1) : 0;
    for (let i = 0; i < reached; i++) dist[order[i]!] = -1;
    if (tick && (k & 63) === 63 && tick(k + 1) === false) return false;
  }
  tick?.(count);
  return true;
}
