import type { Adjacency } from './undirected';

// k-core number of every node (Batagelj & Zaversnik 2003, O(m)): the largest k such that the node
// belongs to a subgraph where everyone has at least k ties. Computed on the undirected simple view
// (who is in touch with whom); networkx's core_number gives the same on undirected graphs. Typed
// arrays only: the rows of the graph, and four arrays of n (or max degree) integers.

export function coreNumber(u: Adjacency): Int32Array {
  const { n, ptr, adj } = u;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    deg[v] = ptr[v + 1]! - ptr[v]!;
    if (deg[v]! > maxDeg) maxDeg = deg[v]!;
  }
  // Bucket sort by degree: vert is the order, pos the place of each node in it, bin the start of
  // each degree's bucket.
  const bin = new Int32Array(maxDeg + 2);
  for (let v = 0; v < n; v++) bin[deg[v]!]!++;
  let start = 0;
  for (let d = 0; d <= maxDeg; d++) {
    const c = bin[d]!;
    bin[d] = start;
    start += c;
  }
  const vert = new Int32Array(n);
  const pos = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    pos[v] = bin[deg[v]!]!++;
    vert[pos[v]!] = v;
  }
  for (let d = maxDeg; d > 0; d--) bin[d] = bin[d - 1]!;
  bin[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    const dv = deg[v]!;
    for (let a = ptr[v]!, end = ptr[v + 1]!; a < end; a++) {
      const w = adj[a]!;
      if (deg[w]! > dv) {
        const dw = deg[w]!;
        const pw = pos[w]!;
        const ps = bin[dw]!;
        const s = vert[ps]!;
        if (s !== w) {
          pos[w] = ps;
          vert[pw] = s;
          pos[s] = pw;
          vert[ps] = w;
        }
        bin[dw]!++;
        deg[w]!--;
      }
    }
  }
  return deg;
}
