import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { graphHash, type CaseGraph } from '../../../electron/core/analysis/case-graph';
import { graphFromEdges, type Graph } from '../../../electron/core/analysis/graph';

// The real networks of test/fixtures (see PROVENANCE.md), read into the analysis graph exactly as
// test/reference/networkx_reference.py reads them into networkx: same nodes, same edges, same
// insertion order.

const fixture = (rel: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/${rel}`, import.meta.url)), 'utf8');

export type Edge = [string, string, number];

/** CAVIAR: the union of the 11 phase matrices (or of the phases given), undirected; weight =
 * calls summed over phases and both directions. Node ids "n1".."n110". */
export function caviarEdges(phases: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]): Edge[] {
  const edges: Edge[] = [];
  for (const phase of phases) {
    const lines = fixture(`caviar/phase${phase}.csv`).trim().split(/\r?\n/);
    const header = lines[0]!.split(',').map((s) => s.replace(/"/g, ''));
    for (const line of lines.slice(1)) {
      const cells = line.split(',').map((s) => s.replace(/"/g, ''));
      cells.slice(1).forEach((cell, j) => {
        const count = Number(cell);
        if (count > 0) edges.push([`n${cells[0]}`, `n${header[j + 1]}`, count]);
      });
    }
  }
  return edges;
}

export function caviarGraph(opts: { directed?: boolean } = {}): Graph {
  return graphFromEdges(caviarEdges(), { directed: opts.directed ?? false, merge: 'sum' });
}

/** Montagna: `u<TAB>v<TAB>w`, 0-based; both orientations of a pair are one edge whose weight is
 * the last one read (networkx's add_edge). */
export function montagnaEdges(which: 'meetings' | 'phonecalls'): Edge[] {
  return fixture(`montagna/Montagna_${which}_edgelist.csv`)
    .trim()
    .split(/\r?\n/)
    .map((line) => {
      const [u, v, w] = line.trim().split(/\s+/);
      return [u!, v!, Number(w)] as Edge;
    });
}

export function montagnaGraph(which: 'meetings' | 'phonecalls'): Graph {
  return graphFromEdges(montagnaEdges(which), { merge: 'last' });
}

/** Krebs 9/11 after intake: names trimmed, "Nabil Almarabh" merged into "Nabil al-Marabh",
 * the giant component kept (62 nodes, 153 edges). */
export function krebsEdges(): Edge[] {
  const alias = (s: string) => (s.trim() === 'Nabil Almarabh' ? 'Nabil al-Marabh' : s.trim());
  const all = fixture('krebs911/9_11_edgelist.txt')
    .split(/\r?\n/)
    .filter((l) => l.includes(','))
    .map((l) => {
      const [a, b] = l.split(',');
      return [alias(a!), alias(b!), 1] as Edge;
    })
    .filter(([a, b]) => a !== b);
  // Giant component by union-find over the names.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of all) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(a), find(b));
  }
  const size = new Map<string, number>();
  for (const x of parent.keys()) size.set(find(x), (size.get(find(x)) ?? 0) + 1);
  const giant = [...size.entries()].sort((p, q) => q[1] - p[1])[0]![0];
  return all.filter(([a]) => find(a) === giant);
}

export function krebsGraph(): Graph {
  return graphFromEdges(krebsEdges(), { merge: 'last' });
}

/** A fixture graph as the analysis service sees a case's graph (captions = ids). */
export function asCase(g: Graph): CaseGraph {
  return {
    graph: g,
    nodes: g.ids.map((id) => ({ id, caption: id, schema: 'Person' })),
    links: { counted: g.m, byType: 0, byGrade: 0, byDate: 0, outsideScope: 0 },
    hash: graphHash(g),
    nodeOf: (id) => g.ids.indexOf(id),
  };
}
