import type { Graph } from './graph';

// Connectivity questions (components, cut vertices, bridges, k-cores, neighbourhoods, disruption)
// ignore direction: whoever calls whom, the two are in touch. This is the undirected simple view
// of a graph: rows list each neighbour once, in the order the graph first met it (out-row first).

export interface Adjacency {
  n: number;
  ptr: Int32Array;
  adj: Int32Array;
  /** The edge of the graph each arc stands for (for bridges). */
  edge: Int32Array;
}

export function undirected(g: Graph): Adjacency {
  if (!g.directed) return { n: g.n, ptr: g.outPtr, adj: g.outAdj, edge: g.outEdge };
  const ptr = new Int32Array(g.n + 1);
  const adj: number[] = [];
  const edge: number[] = [];
  const seen = new Int32Array(g.n).fill(-1);
  for (let v = 0; v < g.n; v++) {
    const add = (rowPtr: Int32Array, rowAdj: Int32Array, rowEdge: Int32Array) => {
      for (let a = rowPtr[v]!; a < rowPtr[v + 1]!; a++) {
        const w = rowAdj[a]!;
        if (seen[w] === v) continue;
        seen[w] = v;
        adj.push(w);
        edge.push(rowEdge[a]!);
      }
    };
    add(g.outPtr, g.outAdj, g.outEdge);
    add(g.inPtr, g.inAdj, g.inEdge);
    ptr[v + 1] = adj.length;
  }
  return { n: g.n, ptr, adj: Int32Array.from(adj), edge: Int32Array.from(edge) };
}

/** Connected components of the nodes present: component index per node (-1 if absent), and sizes. */
export function components(u: Adjacency, alive?: Uint8Array): { of: Int32Array; sizes: number[] } {
  const of = new Int32Array(u.n).fill(-1);
  const sizes: number[] = [];
  const stack = new Int32Array(u.n);
  for (let s = 0; s < u.n; s++) {
    if (of[s] !== -1 || (alive && !alive[s])) continue;
    const c = sizes.length;
    let top = 0;
    let size = 0;
    stack[top++] = s;
    of[s] = c;
    while (top > 0) {
      const v = stack[--top]!;
      size++;
      for (let a = u.ptr[v]!; a < u.ptr[v + 1]!; a++) {
        const w = u.adj[a]!;
        if (of[w] !== -1 || (alive && !alive[w])) continue;
        of[w] = c;
        stack[top++] = w;
      }
    }
    sizes.push(size);
  }
  return { of, sizes };
}

export function largestComponent(u: Adjacency, alive?: Uint8Array): number {
  return components(u, alive).sizes.reduce((a, b) => Math.max(a, b), 0);
}
