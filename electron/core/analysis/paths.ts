import { CordonError } from '../../../shared/errors';
import { requirePositiveWeights, type Graph } from './graph';
import { MinHeap } from './heap';
import { undirected } from './undirected';

// Paths between entities: one shortest path, all shortest paths, the connecting network among a
// set (i2's "Find Connecting Network": everyone on a shortest path between two of them), and the
// N-hop neighbourhood. Lengths:
//   hops      every link counts 1;
//   strength  1/strength, so frequent callers are close (graph.ts conventions);
//   grading   the link's grading cost (grade.ts): well-sourced links are preferred.
// On a directed graph paths follow the links' direction; neighbourhoods never do.

export type PathWeighting = 'hops' | 'strength' | 'grading';

/** Relative slack when comparing summed lengths: two routes of 1/3 + 1/6 and 1/2 are equal. */
const EPS = 1e-9;

interface Search {
  dist: Float64Array;
  /** Nodes reached, in settling order. */
  order: Int32Array;
  reached: number;
}

function arcLengths(g: Graph, weighting: PathWeighting, reverse: boolean): Float64Array | null {
  if (weighting === 'hops') return null;
  const edges = reverse ? g.inEdge : g.outEdge;
  if (weighting === 'strength') {
    requirePositiveWeights(g, 'A path weighted by strength');
    const w = reverse ? g.inW : g.outW;
    return w.map((x) => 1 / x);
  }
  if (!g.edgeCost) throw new CordonError('INVALID_INPUT', 'This graph carries no grading, so a path cannot prefer well-sourced links.');
  const cost = g.edgeCost;
  return Float64Array.from(edges, (e) => cost[e]!);
}

function search(g: Graph, s: number, len: Float64Array | null, reverse: boolean): Search {
  const ptr = reverse ? g.inPtr : g.outPtr;
  const adj = reverse ? g.inAdj : g.outAdj;
  const dist = new Float64Array(g.n).fill(Infinity);
  const order = new Int32Array(g.n);
  let reached = 0;
  dist[s] = 0;
  if (!len) {
    order[reached++] = s;
    for (let head = 0; head < reached; head++) {
      const v = order[head]!;
      for (let a = ptr[v]!; a < ptr[v + 1]!; a++) {
        const w = adj[a]!;
        if (dist[w] !== Infinity) continue;
        dist[w] = dist[v]! + 1;
        order[reached++] = w;
      }
    }
    return { dist, order, reached };
  }
  const heap = new MinHeap(g.n + adj.length);
  const done = new Uint8Array(g.n);
  heap.push(0, s);
  while (heap.size > 0) {
    const d = heap.topKey();
    const v = heap.pop();
    if (done[v]) continue;
    done[v] = 1;
    order[reached++] = v;
    for (let a = ptr[v]!; a < ptr[v + 1]!; a++) {
      const w = adj[a]!;
      const dw = d + len[a]!;
      if (dw < dist[w]!) {
        dist[w] = dw;
        heap.push(dw, w);
      }
    }
  }
  return { dist, order, reached };
}

const same = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));

/** Predecessors of w on shortest paths from the search's source. */
function preds(g: Graph, sr: Search, inLen: Float64Array | null, w: number): number[] {
  const out: number[] = [];
  for (let a = g.inPtr[w]!; a < g.inPtr[w + 1]!; a++) {
    const v = g.inAdj[a]!;
    if (sr.dist[v] === Infinity || v === w) continue;
    if (same(sr.dist[v]! + (inLen ? inLen[a]! : 1), sr.dist[w]!) && sr.dist[v]! < sr.dist[w]!) out.push(v);
  }
  return out;
}

export interface PathResult {
  length: number;
  /** Hops along the path(s). */
  hops: number;
  paths: number[][];
  /** How many shortest paths exist (may exceed the paths listed). */
  count: number;
}

/** All shortest paths from s to t (up to `limit` listed, all counted); null if t is unreachable. */
export function shortestPaths(g: Graph, s: number, t: number, weighting: PathWeighting, limit = 1): PathResult | null {
  const sr = search(g, s, arcLengths(g, weighting, false), false);
  if (sr.dist[t] === Infinity) return null;
  const inLen = arcLengths(g, weighting, true);
  // Count paths in settling order (the DAG of shortest paths is acyclic in that order).
  const sigma = new Float64Array(g.n);
  sigma[s] = 1;
  for (let i = 1; i < sr.reached; i++) {
    const w = sr.order[i]!;
    for (const v of preds(g, sr, inLen, w)) sigma[w]! += sigma[v]!;
  }
  const paths: number[][] = [];
  // Depth-first from t back to s, predecessors in row order: the first path is deterministic.
  const walk = (v: number, suffix: number[]) => {
    if (paths.length >= limit) return;
    if (v === s) {
      paths.push([s, ...suffix]);
      return;
    }
    for (const p of preds(g, sr, inLen, v)) walk(p, [v, ...suffix]);
  };
  walk(t, []);
  return { length: sr.dist[t]!, hops: paths[0]!.length - 1, paths, count: sigma[t]! };
}

/** The connecting network of a set: every node and edge on some shortest path between two
 * members (in either direction on a directed graph). Members no path reaches are listed apart. */
export function connectingNetwork(g: Graph, members: number[], weighting: PathWeighting): { nodes: number[]; edges: number[]; unreached: number[] } {
  const outLen = arcLengths(g, weighting, false);
  const inLen = arcLengths(g, weighting, true);
  const from = members.map((s) => search(g, s, outLen, false));
  const to = members.map((t) => search(g, t, inLen, true));
  const onNode = new Uint8Array(g.n);
  const onEdge = new Uint8Array(g.m);
  const connected = new Uint8Array(members.length);
  members.forEach((_, i) => {
    members.forEach((t, j) => {
      if (i === j) return;
      const total = from[i]!.dist[t]!;
      if (total === Infinity) return;
      connected[i] = connected[j] = 1;
      const ds = from[i]!.dist;
      const dt = to[j]!.dist;
      for (let k = 0; k < from[i]!.reached; k++) {
        const v = from[i]!.order[k]!;
        if (!same(ds[v]! + dt[v]!, total)) continue;
        onNode[v] = 1;
        for (let a = g.outPtr[v]!; a < g.outPtr[v + 1]!; a++) {
          const w = g.outAdj[a]!;
          if (same(ds[v]! + (outLen ? outLen[a]! : 1) + dt[w]!, total)) onEdge[g.outEdge[a]!] = 1;
        }
      }
    });
  });
  const nodes: number[] = [];
  for (let v = 0; v < g.n; v++) if (onNode[v]) nodes.push(v);
  const edges: number[] = [];
  for (let e = 0; e < g.m; e++) if (onEdge[e]) edges.push(e);
  return { nodes, edges, unreached: members.filter((_, i) => !connected[i]) };
}

/** Everyone within `hops` links of the members (direction ignored), with their distance. */
export function neighbourhood(g: Graph, members: number[], hops: number): Map<number, number> {
  const u = undirected(g);
  const dist = new Map<number, number>();
  let frontier = [...new Set(members)];
  for (const m of frontier) dist.set(m, 0);
  for (let h = 1; h <= hops && frontier.length > 0; h++) {
    const next: number[] = [];
    for (const v of frontier) {
      for (let a = u.ptr[v]!; a < u.ptr[v + 1]!; a++) {
        const w = u.adj[a]!;
        if (dist.has(w)) continue;
        dist.set(w, h);
        next.push(w);
      }
    }
    frontier = next;
  }
  return dist;
}
