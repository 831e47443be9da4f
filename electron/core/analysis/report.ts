import type { AnalysisColumn, AnalysisRow, KeyPlayerFinding, RankedEntity } from '../../../shared/analysis/dto';
import type { NodeInfo } from './case-graph';
import type { Graph } from './graph';
import { components, type Adjacency } from './undirected';

// The key-players report: the top entities by each measure side by side, and the structural
// facts an analyst acts on, in plain words ("N12 is the only link between community 2 and
// community 5"). Each finding also carries the entity ids and community numbers it is about, so
// the UI can translate the sentence and highlight the entities.

const RANKED: AnalysisColumn[] = ['degree', 'inDegree', 'outDegree', 'strength', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'kcore'];
/** Cut vertices examined for the sentence "removing X splits the network into k parts". */
const MAX_CUT_FINDINGS = 20;
const MAX_BROKER_FINDINGS = 10;

export function topBy(rows: AnalysisRow[], top: number): Partial<Record<AnalysisColumn, RankedEntity[]>> {
  const out: Partial<Record<AnalysisColumn, RankedEntity[]>> = {};
  for (const col of RANKED) {
    if (rows.length === 0 || rows[0]![col as keyof AnalysisRow] === undefined) continue;
    out[col] = rows
      .map((r, i) => ({ r, i, v: r[col as keyof AnalysisRow] as number }))
      .sort((a, b) => b.v - a.v || a.i - b.i)
      .slice(0, top)
      .map(({ r, v }) => ({ id: r.id, caption: r.caption, value: v }));
  }
  return out;
}

const name = (n: NodeInfo) => n.caption || n.id;

export function findings(g: Graph, u: Adjacency, nodes: NodeInfo[], rows: AnalysisRow[], bridges: number[]): KeyPlayerFinding[] {
  const out: KeyPlayerFinding[] = [];
  const leader = (col: 'degree' | 'betweenness', key: 'mostTies' | 'mainBroker', phrase: (n: NodeInfo, v: number) => string) => {
    if (rows.length === 0 || rows[0]![col] === undefined) return;
    let best = 0;
    rows.forEach((r, i) => {
      if (r[col]! > rows[best]![col]!) best = i;
    });
    const n = nodes[best]!;
    const v = rows[best]![col]!;
    if (v > 0) out.push({ kind: 'leader', text: phrase(n, v), message: { key, params: { name: name(n), value: col === 'degree' ? v : v.toFixed(3) } }, entities: [n.id] });
  };
  leader('degree', 'mostTies', (n, v) => `${name(n)} has the most direct ties (${v}).`);
  leader('betweenness', 'mainBroker', (n, v) => `${name(n)} lies on the most shortest paths between others (betweenness ${v.toFixed(3)}): the main broker.`);

  const community = rows.length > 0 && rows[0]!.community !== undefined ? rows.map((r) => r.community!) : null;
  if (community) {
    // For each pair of communities: the ties between them, and whether one entity holds them all.
    const between = new Map<string, Array<[number, number]>>();
    for (let e = 0; e < g.m; e++) {
      const a = g.edgeU[e]!;
      const b = g.edgeV[e]!;
      const [ca, cb] = [community[a]!, community[b]!];
      if (ca === cb) continue;
      const key = ca < cb ? `${ca}-${cb}` : `${cb}-${ca}`;
      let list = between.get(key);
      if (!list) between.set(key, (list = []));
      list.push([a, b]);
    }
    for (const [key, ties] of [...between.entries()].sort()) {
      const [c1, c2] = key.split('-').map(Number) as [number, number];
      const common = ties.reduce<number[]>((acc, [a, b]) => acc.filter((x) => x === a || x === b), [...ties[0]!]);
      if (common.length !== 1) continue;
      const x = common[0]!;
      out.push({
        kind: 'sole-link',
        text: `${name(nodes[x]!)} is the only link between community ${c1} and community ${c2}${ties.length > 1 ? ` (${ties.length} ties, all through ${name(nodes[x]!)})` : ''}.`,
        message: { key: ties.length > 1 ? 'soleLinkTies' : 'soleLink', params: { name: name(nodes[x]!), c1, c2, ties: ties.length } },
        entities: [nodes[x]!.id],
        communities: [c1, c2],
      });
    }
    // Brokers: entities tied into several other communities, strongest betweenness first.
    const reach = nodes.map((_, v) => {
      const set = new Set<number>();
      for (let a = u.ptr[v]!; a < u.ptr[v + 1]!; a++) {
        const c = community[u.adj[a]!]!;
        if (c !== community[v]) set.add(c);
      }
      return set;
    });
    const score = (v: number) => rows[v]!.betweenness ?? reach[v]!.size;
    nodes
      .map((_, v) => v)
      .filter((v) => reach[v]!.size >= 2)
      .sort((a, b) => score(b) - score(a) || a - b)
      .slice(0, MAX_BROKER_FINDINGS)
      .forEach((v) => {
        const others = [...reach[v]!].sort((a, b) => a - b);
        out.push({
          kind: 'broker',
          text: `${name(nodes[v]!)} (community ${community[v]}) has ties into communities ${others.join(', ')}.`,
          message: { key: 'broker', params: { name: name(nodes[v]!), community: community[v]!, others: others.join(', ') } },
          entities: [nodes[v]!.id],
          communities: [community[v]!, ...others],
        });
      });
  }

  if (rows.length > 0 && rows[0]!.articulation !== undefined) {
    const before = components(u);
    const cutVertices = rows
      .map((r, v) => ({ v, b: r.betweenness ?? r.degree ?? 0, cut: r.articulation }))
      .filter((x) => x.cut)
      .sort((a, b) => b.b - a.b || a.v - b.v)
      .slice(0, MAX_CUT_FINDINGS);
    for (const { v } of cutVertices) {
      const alive = new Uint8Array(g.n).fill(1);
      alive[v] = 0;
      const own = before.sizes[before.of[v]!]!;
      const after = components(u, alive);
      // The pieces the entity's own component falls into.
      const pieces = new Map<number, number>();
      for (let a = u.ptr[v]!; a < u.ptr[v + 1]!; a++) {
        const c = after.of[u.adj[a]!]!;
        pieces.set(c, after.sizes[c]!);
      }
      const sizes = [...pieces.values()].sort((a, b) => b - a);
      out.push({
        kind: 'cut-vertex',
        text: `Removing ${name(nodes[v]!)} splits their group of ${own} into ${sizes.length} parts (${sizes.join(', ')}).`,
        message: { key: 'cutVertex', params: { name: name(nodes[v]!), size: own, count: sizes.length, sizes: sizes.join(', ') } },
        entities: [nodes[v]!.id],
      });
    }
  }

  for (const e of bridges.slice(0, MAX_CUT_FINDINGS)) {
    const a = g.edgeU[e]!;
    const b = g.edgeV[e]!;
    const degA = u.ptr[a + 1]! - u.ptr[a]!;
    const degB = u.ptr[b + 1]! - u.ptr[b]!;
    if (degA < 2 || degB < 2) continue; // a lone contact hanging off someone: not worth a sentence
    out.push({
      kind: 'bridge',
      text: `The tie between ${name(nodes[a]!)} and ${name(nodes[b]!)} is the only connection between two parts of the network.`,
      message: { key: 'bridge', params: { a: name(nodes[a]!), b: name(nodes[b]!) } },
      entities: [nodes[a]!.id, nodes[b]!.id],
    });
  }
  return out;
}
