// Brandes' betweenness (Brandes 2001) over a range of sources, on the CSR arrays alone so that the
// same function runs in the calling thread and in worker threads.
//
// Written by hand because it is the one measure where speed decides whether an analyst can use it
// (graphology's takes ~76 s on 10,000 nodes / 50,000 edges here). Two choices keep it fast:
// typed arrays reset only where the last search went, and predecessor lists kept in one flat array
// (each node's slice is its in-row's span), so the accumulation touches predecessors only.
//
// It also follows networkx's arithmetic operation for operation: the same visiting order (rows
// keep insertion order, see graph.ts), sigma summed in the same order, delta[v] += sigma[v] *
// ((1 + delta[w]) / sigma[w]) in reverse settling order, and per-source sums added in source
// order. Run over all sources in one thread the result is bit-identical to networkx's
// betweenness_centrality, which lets the disruption simulator reproduce published runs whose
// choices between tied scores came down to floating-point noise.

export interface BrandesGraph {
  n: number;
  outPtr: Int32Array;
  outAdj: Int32Array;
  inPtr: Int32Array;
  inAdj: Int32Array;
  /** Edge lengths (1/strength) per arc; absent = unweighted (BFS). */
  outLen?: Float64Array | undefined;
  inLen?: Float64Array | undefined;
  /** 1 = present; removed nodes (disruption) are 0. Absent = all present. */
  alive?: Uint8Array | undefined;
}

/** Which sources to run: a contiguous range, or an explicit list (sampling). */
export type SourceSet = { from: number; to: number } | { list: Int32Array };

/**
 * Adds each source's dependencies into `out` (raw, unnormalised: an undirected pair counts twice,
 * as in networkx before rescaling). `tick` is called every 32 sources with the number done and may
 * return false to stop early (the partial sums are then incomplete and must be discarded).
 */
export function brandes(g: BrandesGraph, sources: SourceSet, out: Float64Array, tick?: (done: number) => boolean | void): boolean {
  const n = g.n;
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const list = 'list' in sources ? sources.list : null;
  const from = list ? 0 : (sources as { from: number }).from;
  const count = list ? list.length : Math.max(0, (sources as { to: number }).to - from);
  const weighted = g.outLen !== undefined;
  // Unweighted: integer hop counts and predecessor lists. Weighted: lengths, and predecessors
  // found again by scanning in-rows (networkx resets them when a shorter path turns up).
  const hops = weighted ? null : new Int32Array(n).fill(-1);
  const preds = weighted ? null : new Int32Array(g.inAdj.length);
  const npred = weighted ? null : new Int32Array(n);
  const dist = weighted ? new Float64Array(n).fill(-1) : null;
  const heap = weighted ? new DijkstraHeap(g.outAdj.length + 1) : null;
  const settled = weighted ? new Uint8Array(n) : null;
  for (let k = 0; k < count; k++) {
    const s = list ? list[k]! : from + k;
    if (g.alive && !g.alive[s]) continue;
    let reached: number;
    if (hops) {
      reached = settleBfs(g, s, hops, sigma, order, preds!, npred!);
      accumulateBfs(g, reached, sigma, delta, order, preds!, npred!, out);
      for (let i = 0; i < reached; i++) {
        const x = order[i]!;
        hops[x] = -1;
        npred![x] = 0;
        sigma[x] = 0;
        delta[x] = 0;
      }
    } else {
      reached = settleDijkstra(g, s, dist!, sigma, order, heap!, settled!);
      accumulate(g, reached, dist!, sigma, delta, order, out);
      for (let i = 0; i < reached; i++) {
        const x = order[i]!;
        dist![x] = -1;
        sigma[x] = 0;
        delta[x] = 0;
      }
    }
    if (tick && (k & 31) === 31 && tick(k + 1) === false) return false;
  }
  tick?.(count);
  return true;
}

/** Breadth-first search from s; fills order with the nodes in the order reached, and each node's
 * predecessors into its own slice of `preds` (its in-row's span: a node has at most as many
 * predecessors as in-neighbours). */
function settleBfs(g: BrandesGraph, s: number, dist: Int32Array, sigma: Float64Array, order: Int32Array, preds: Int32Array, npred: Int32Array): number {
  const { outPtr, outAdj, inPtr, alive } = g;
  let head = 0;
  let tail = 0;
  order[tail++] = s;
  dist[s] = 0;
  sigma[s] = 1;
  while (head < tail) {
    const v = order[head++]!;
    const dv1 = dist[v]! + 1;
    const sv = sigma[v]!;
    for (let a = outPtr[v]!, end = outPtr[v + 1]!; a < end; a++) {
      const w = outAdj[a]!;
      if (alive !== undefined && alive[w] === 0) continue;
      let dw = dist[w]!;
      if (dw < 0) {
        dist[w] = dw = dv1;
        order[tail++] = w;
      }
      if (dw === dv1) {
        sigma[w]! += sv;
        preds[inPtr[w]! + npred[w]!++] = v;
      }
    }
  }
  return tail;
}

/** Dependencies in reverse BFS order from the recorded predecessors. */
function accumulateBfs(g: BrandesGraph, reached: number, sigma: Float64Array, delta: Float64Array, order: Int32Array, preds: Int32Array, npred: Int32Array, out: Float64Array): void {
  const { inPtr } = g;
  for (let i = reached - 1; i > 0; i--) {
    const w = order[i]!;
    const coeff = (1 + delta[w]!) / sigma[w]!;
    for (let a = inPtr[w]!, end = a + npred[w]!; a < end; a++) {
      const v = preds[a]!;
      delta[v]! += sigma[v]! * coeff;
    }
    out[w]! += delta[w]!;
  }
}

/** Dijkstra from s with lazy deletion; ties in length pop in push order, as with networkx's
 * counter. sigma is counted the way networkx counts it (equal paths when relaxed, the path of
 * record when popped) so that the sums round the same way. `dist` doubles as networkx's `seen`
 * (best tentative length); every node seen is settled by the time the heap is empty. */
function settleDijkstra(
  g: BrandesGraph,
  s: number,
  dist: Float64Array,
  sigma: Float64Array,
  order: Int32Array,
  heap: DijkstraHeap,
  settled: Uint8Array,
): number {
  const { outPtr, outAdj, alive } = g;
  const len = g.outLen!;
  let tail = 0;
  heap.clear();
  dist[s] = 0;
  sigma[s] = 1;
  heap.push(0, s, s);
  while (heap.size > 0) {
    const d = heap.topKey();
    const p = heap.topPred();
    const v = heap.pop();
    if (settled[v]) continue;
    // networkx adds sigma[s] to itself here (doubling every count); ×2 is exact, so skipping it
    // changes no ratio and no bit.
    if (v !== s) sigma[v]! += sigma[p]!;
    settled[v] = 1;
    order[tail++] = v;
    const sv = sigma[v]!;
    for (let a = outPtr[v]!, end = outPtr[v + 1]!; a < end; a++) {
      const w = outAdj[a]!;
      if (alive && !alive[w]) continue;
      const vw = d + len[a]!;
      if (!settled[w] && (dist[w]! < 0 || vw < dist[w]!)) {
        dist[w] = vw;
        heap.push(vw, w, v);
        sigma[w] = 0;
      } else if (vw === dist[w]) {
        sigma[w]! += sv;
      }
    }
  }
  for (let i = 0; i < tail; i++) settled[order[i]!] = 0;
  return tail;
}

/** Weighted dependencies in reverse settling order; order[0] is the source, which gets no credit. */
function accumulate(g: BrandesGraph, reached: number, dist: Float64Array, sigma: Float64Array, delta: Float64Array, order: Int32Array, out: Float64Array): void {
  const { inPtr, inAdj, alive } = g;
  const inLen = g.inLen;
  for (let i = reached - 1; i > 0; i--) {
    const w = order[i]!;
    const coeff = (1 + delta[w]!) / sigma[w]!;
    const dw = dist[w]!;
    for (let a = inPtr[w]!, end = inPtr[w + 1]!; a < end; a++) {
      const v = inAdj[a]!;
      if (alive && !alive[v]) continue;
      const dv = dist[v]!;
      if (dv < 0) continue;
      if (dv + inLen![a]! === dw) delta[v]! += sigma[v]! * coeff;
    }
    out[w]! += delta[w]!;
  }
}

/** A binary min-heap keyed by (length, push number), with the pushing node carried along. */
class DijkstraHeap {
  private readonly key: Float64Array;
  private readonly seq: Float64Array;
  private readonly node: Int32Array;
  private readonly from: Int32Array;
  size = 0;
  private counter = 0;

  constructor(capacity: number) {
    this.key = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.node = new Int32Array(capacity);
    this.from = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
    this.counter = 0;
  }

  topKey(): number {
    return this.key[0]!;
  }

  topPred(): number {
    return this.from[0]!;
  }

  private less(i: number, j: number): boolean {
    const a = this.key[i]!;
    const b = this.key[j]!;
    return a < b || (a === b && this.seq[i]! < this.seq[j]!);
  }

  private swap(i: number, j: number): void {
    let t = this.key[i]!;
    this.key[i] = this.key[j]!;
    this.key[j] = t;
    t = this.seq[i]!;
    this.seq[i] = this.seq[j]!;
    this.seq[j] = t;
    let u = this.node[i]!;
    this.node[i] = this.node[j]!;
    this.node[j] = u;
    u = this.from[i]!;
    this.from[i] = this.from[j]!;
    this.from[j] = u;
  }

  push(key: number, node: number, from: number): void {
    let i = this.size++;
    this.key[i] = key;
    this.seq[i] = this.counter++;
    this.node[i] = node;
    this.from[i] = from;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): number {
    const top = this.node[0]!;
    const last = --this.size;
    if (last > 0) {
      this.swap(0, last);
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < last && this.less(l, m)) m = l;
        if (r < last && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
}
