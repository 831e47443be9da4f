import { CordonError } from '../../../shared/errors';

// The compact graph every analysis runs on: compressed sparse rows (CSR) in typed arrays, so that
// the hot loops (Brandes, BFS, Dijkstra) touch contiguous memory and the whole graph can be copied
// to worker threads in a few buffers.
//
// Conventions (stated once, relied on everywhere):
// - Nodes are numbered 0..n-1 in insertion order; `ids[i]` is the entity id.
// - Neighbours of a node are listed in the order their first edge was added. This is the order
//   networkx keeps in its adjacency dicts, so our traversals visit nodes in the same order and the
//   floating-point sums of betweenness come out bit-identical (which matters for tie-breaking in
//   the disruption simulator).
// - Parallel edges are merged into one: the builder's policy says whether their weights are summed
//   (links from a case: three Call links of 2 calls each are one tie of strength 6) or the last one
//   wins (edge-list files read the way networkx reads them).
// - Undirected graphs store each edge in both endpoints' rows; `m` counts it once.
// - Self-loops are dropped and counted in `selfLoops`: calling oneself carries no structure, and
//   networkx's core number refuses graphs that have them.
// - `w` is a strength (call count, tie strength; larger = closer). Path measures turn it into a
//   length 1/w (Newman 2001, Opsahl et al. 2010), so a strong tie is a short one.

export interface Graph {
  readonly n: number;
  /** Edges, each counted once (an undirected edge is one edge). */
  readonly m: number;
  readonly directed: boolean;
  /** Out-rows: neighbours of i are adj[ptr[i]..ptr[i+1]). */
  readonly outPtr: Int32Array;
  readonly outAdj: Int32Array;
  readonly outW: Float64Array;
  /** In-rows; the same arrays as the out-rows when undirected. */
  readonly inPtr: Int32Array;
  readonly inAdj: Int32Array;
  readonly inW: Float64Array;
  /** The edge (0..m-1, in insertion order) each arc belongs to. */
  readonly outEdge: Int32Array;
  readonly inEdge: Int32Array;
  /** Per edge: its endpoints as first seen. */
  readonly edgeU: Int32Array;
  readonly edgeV: Int32Array;
  /** Per edge: its strength (the same value as on its arcs). */
  readonly edgeW: Float64Array;
  /** Per edge: a routing length for "prefer well-sourced links" (grade.ts); absent = none. */
  readonly edgeCost?: Float64Array | undefined;
  /** Per edge: the case links merged into it (graphs built from a case). */
  readonly edgeLinks?: ReadonlyArray<readonly string[]> | undefined;
  readonly ids: readonly string[];
  readonly selfLoops: number;
}

export interface EdgeExtra {
  /** The case link this edge comes from. */
  link?: string;
  /** Routing length; parallel links keep the smallest (the best-sourced route). */
  cost?: number;
}

export type MergePolicy = 'sum' | 'last';

export class GraphBuilder {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly eu: number[] = [];
  private readonly ev: number[] = [];
  private readonly ew: number[] = [];
  private readonly edgeKey = new Map<number, number>();
  private readonly costs: number[] = [];
  private readonly links: string[][] = [];
  private hasCost = false;
  private hasLinks = false;
  private selfLoops = 0;

  constructor(
    readonly directed: boolean,
    private readonly merge: MergePolicy = 'sum',
  ) {}

  /** Adds a node if new; returns its index. */
  node(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      if (i >= 1 << 26) throw new CordonError('INVALID_INPUT', 'The graph has more than 67 million nodes.');
      this.index.set(id, i);
      this.ids.push(id);
    }
    return i;
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  edge(source: string, target: string, weight = 1, extra: EdgeExtra = {}): void {
    const u = this.node(source);
    const v = this.node(target);
    if (u === v) {
      this.selfLoops++;
      return;
    }
    // An undirected edge is keyed by its ordered pair so that both orientations meet.
    const [a, b] = this.directed || u < v ? [u, v] : [v, u];
    const key = a * (1 << 26) + b;
    const at = this.edgeKey.get(key);
    if (extra.cost !== undefined) this.hasCost = true;
    if (extra.link !== undefined) this.hasLinks = true;
    if (at !== undefined) {
      this.ew[at] = this.merge === 'sum' ? this.ew[at]! + weight : weight;
      if (extra.cost !== undefined) this.costs[at] = Math.min(this.costs[at]!, extra.cost);
      if (extra.link !== undefined) this.links[at]!.push(extra.link);
      return;
    }
    this.edgeKey.set(key, this.eu.length);
    this.eu.push(u);
    this.ev.push(v);
    this.ew.push(weight);
    this.costs.push(extra.cost ?? Infinity);
    this.links.push(extra.link !== undefined ? [extra.link] : []);
  }

  build(): Graph {
    const n = this.ids.length;
    const m = this.eu.length;
    const rows = (from: number[], to: number[], both: boolean) => {
      const ptr = new Int32Array(n + 1);
      for (let e = 0; e < m; e++) {
        ptr[from[e]! + 1]!++;
        if (both) ptr[to[e]! + 1]!++;
      }
      for (let i = 0; i < n; i++) ptr[i + 1]! += ptr[i]!;
      const fill = ptr.slice(0, n);
      const adj = new Int32Array(ptr[n]!);
      const w = new Float64Array(ptr[n]!);
      const edge = new Int32Array(ptr[n]!);
      // Edges in insertion order: each row lists neighbours in the order they were first linked.
      for (let e = 0; e < m; e++) {
        const a = from[e]!;
        const b = to[e]!;
        let k = fill[a]!++;
        adj[k] = b;
        w[k] = this.ew[e]!;
        edge[k] = e;
        if (both) {
          k = fill[b]!++;
          adj[k] = a;
          w[k] = this.ew[e]!;
          edge[k] = e;
        }
      }
      return { ptr, adj, w, edge };
    };
    const out = rows(this.eu, this.ev, !this.directed);
    const inn = this.directed ? rows(this.ev, this.eu, false) : out;
    return {
      n,
      m,
      directed: this.directed,
      outPtr: out.ptr,
      outAdj: out.adj,
      outW: out.w,
      inPtr: inn.ptr,
      inAdj: inn.adj,
      inW: inn.w,
      outEdge: out.edge,
      inEdge: inn.edge,
      edgeU: Int32Array.from(this.eu),
      edgeV: Int32Array.from(this.ev),
      edgeW: Float64Array.from(this.ew),
      edgeCost: this.hasCost ? Float64Array.from(this.costs) : undefined,
      edgeLinks: this.hasLinks ? this.links : undefined,
      ids: this.ids.slice(),
      selfLoops: this.selfLoops,
    };
  }
}

/** A graph from an edge list, for tests and tools: `[source, target, weight?]`. */
export function graphFromEdges(
  edges: ReadonlyArray<readonly [string, string, number?]>,
  opts: { directed?: boolean; merge?: MergePolicy; nodes?: readonly string[] } = {},
): Graph {
  const b = new GraphBuilder(opts.directed ?? false, opts.merge ?? 'sum');
  for (const id of opts.nodes ?? []) b.node(id);
  for (const [s, t, w] of edges) b.edge(s, t, w ?? 1);
  return b.build();
}

/** Refuses weights a path measure cannot take: a length 1/w needs w > 0 and finite. */
export function requirePositiveWeights(g: Graph, what: string): void {
  for (let k = 0; k < g.outW.length; k++) {
    const w = g.outW[k]!;
    if (!(w > 0) || !Number.isFinite(w)) {
      const u = upperBound(g.outPtr, k);
      throw new CordonError(
        'INVALID_INPUT',
        `${what} needs link strengths greater than zero; the link between ${g.ids[u]} and ${g.ids[g.outAdj[k]!]} has strength ${w}. Run unweighted, or correct the link.`,
      );
    }
  }
}

/** The row that holds arc k. */
function upperBound(ptr: Int32Array, k: number): number {
  let lo = 0;
  let hi = ptr.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ptr[mid]! <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Every node alive: the mask the kernels take when nothing has been removed. */
export function allAlive(n: number): Uint8Array {
  return new Uint8Array(n).fill(1);
}

export function countAlive(alive: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < alive.length; i++) c += alive[i]!;
  return c;
}

/** Node index by entity id. */
export function indexOf(g: Graph): Map<string, number> {
  const map = new Map<string, number>();
  g.ids.forEach((id, i) => map.set(id, i));
  return map;
}
