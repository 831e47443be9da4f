import type { Adjacency } from './undirected';

// Cut vertices (articulation points) and bridges: the people and the ties whose loss splits the
// network. Hopcroft–Tarjan low-link on the undirected view, iterative so that a long chain of
// 50,000 people does not overflow the stack.

export interface Cuts {
  /** 1 where the node is a cut vertex. */
  articulation: Uint8Array;
  /** Edge indices (graph.ts) of the bridges. */
  bridges: number[];
}

export function cuts(u: Adjacency): Cuts {
  const n = u.n;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parentEdge = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n).fill(-1);
  const next = new Int32Array(n); // next arc to look at, per node on the stack
  const stack = new Int32Array(n);
  const articulation = new Uint8Array(n);
  const bridges: number[] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    next[root] = u.ptr[root]!;
    let rootChildren = 0;
    while (top > 0) {
      const v = stack[top - 1]!;
      if (next[v]! < u.ptr[v + 1]!) {
        const a = next[v]!++;
        const w = u.adj[a]!;
        if (u.edge[a] === parentEdge[v]) continue; // the tie we came in by
        if (disc[w] === -1) {
          parent[w] = v;
          parentEdge[w] = u.edge[a]!;
          disc[w] = low[w] = time++;
          next[w] = u.ptr[w]!;
          stack[top++] = w;
          if (v === root) rootChildren++;
        } else if (disc[w]! < low[v]!) {
          low[v] = disc[w]!;
        }
        continue;
      }
      top--;
      const p = parent[v]!;
      if (p === -1) continue;
      if (low[v]! < low[p]!) low[p] = low[v]!;
      if (low[v]! > disc[p]!) bridges.push(parentEdge[v]!);
      if (p !== root && low[v]! >= disc[p]!) articulation[p] = 1;
    }
    if (rootChildren > 1) articulation[root] = 1;
  }
  return { articulation, bridges: bridges.sort((a, b) => a - b) };
}
