import type { AnalysisColumnInfo, AnalysisGraphInfo, AnalysisMeasure, AnalysisResult, AnalysisRow } from '../../../shared/analysis/dto';
import { betweennessAuto } from './betweenness';
import type { CaseGraph } from './case-graph';
import { closeness, degrees, eigenvector, pagerank } from './centrality';
import { communities, LOUVAIN_SEED } from './communities';
import { throwIfCancelled, type RunControl } from './control';
import { cuts } from './cuts';
import { coreNumber } from './kcore';
import { findings, topBy } from './report';
import { components, undirected } from './undirected';

// One analysis run: the measures asked for, on one graph, into one table with a row per entity.
// Degrees are always included (they cost nothing and every report starts from them).

export interface RunOptions {
  measures: AnalysisMeasure[];
  weighted: boolean;
  top: number;
  betweennessSamples?: number | undefined;
  exactBetweenness?: boolean | undefined;
  threads?: number | undefined;
}

const COLUMNS: Record<AnalysisMeasure, AnalysisColumnInfo[]> = {
  degree: [
    { key: 'degree', kind: 'count' },
    { key: 'inDegree', kind: 'count' },
    { key: 'outDegree', kind: 'count' },
    { key: 'strength', kind: 'count' },
  ],
  betweenness: [{ key: 'betweenness', kind: 'score' }],
  closeness: [{ key: 'closeness', kind: 'score' }],
  eigenvector: [{ key: 'eigenvector', kind: 'score' }],
  pagerank: [{ key: 'pagerank', kind: 'score' }],
  kcore: [{ key: 'kcore', kind: 'count' }],
  louvain: [{ key: 'community', kind: 'category' }],
  cuts: [{ key: 'articulation', kind: 'flag' }],
};

/** Relative cost of each measure, to turn stage progress into one progress bar. */
const COST: Record<AnalysisMeasure, number> = { degree: 1, betweenness: 60, closeness: 20, eigenvector: 3, pagerank: 3, kcore: 1, louvain: 5, cuts: 2 };

export function graphInfo(cg: CaseGraph, weighted: boolean): AnalysisGraphInfo {
  const c = components(undirected(cg.graph));
  return {
    nodes: cg.graph.n,
    edges: cg.graph.m,
    directed: cg.graph.directed,
    weighted,
    components: c.sizes.length,
    largestComponent: c.sizes.reduce((a, b) => Math.max(a, b), 0),
    selfLoopsDropped: cg.graph.selfLoops,
    links: cg.links,
    sha256: cg.hash,
  };
}

export async function runMeasures(cg: CaseGraph, opts: RunOptions, ctl: RunControl = {}): Promise<Omit<AnalysisResult, 'auditSeq'>> {
  const g = cg.graph;
  const measures = (['degree', ...opts.measures] as AnalysisMeasure[]).filter((m, i, all) => all.indexOf(m) === i);
  const totalCost = measures.reduce((s, m) => s + COST[m], 0);
  let doneCost = 0;
  const stage = (m: AnalysisMeasure): RunControl => ({
    signal: ctl.signal,
    progress: (done, total) => ctl.progress?.(Math.round((1000 * (doneCost + (COST[m] * done) / Math.max(1, total))) / totalCost), 1000),
  });
  const finish = (m: AnalysisMeasure) => {
    doneCost += COST[m];
    ctl.progress?.(Math.round((1000 * doneCost) / totalCost), 1000);
    throwIfCancelled(ctl);
  };
  const rows: AnalysisRow[] = cg.nodes.map((n) => ({ id: n.id, caption: n.caption, schema: n.schema }));
  const set = (key: keyof AnalysisRow, values: ArrayLike<number>) => rows.forEach((r, i) => ((r as Record<string, unknown>)[key] = values[i]));
  const u = undirected(g);
  let bridges: number[] = [];
  let comm: AnalysisResult['communities'] = null;
  let betw: AnalysisResult['betweenness'] = null;

  for (const m of measures) {
    throwIfCancelled(ctl);
    switch (m) {
      case 'degree': {
        const d = degrees(g);
        set('degree', d.degree);
        set('inDegree', d.inDegree);
        set('outDegree', d.outDegree);
        set('strength', d.strength);
        break;
      }
      case 'betweenness': {
        const b = await betweennessAuto(g, { weighted: opts.weighted, samples: opts.betweennessSamples, exact: opts.exactBetweenness, threads: opts.threads }, stage(m));
        set('betweenness', b.values);
        betw = { exact: b.exact, samples: b.samples, epsilon: b.epsilon, delta: b.delta };
        break;
      }
      case 'closeness':
        set('closeness', await closeness(g, opts.weighted, stage(m), opts.threads));
        break;
      case 'eigenvector':
        set('eigenvector', eigenvector(g, opts.weighted));
        break;
      case 'pagerank':
        set('pagerank', pagerank(g, opts.weighted));
        break;
      case 'kcore':
        set('kcore', coreNumber(u));
        break;
      case 'louvain': {
        const c = communities(g, opts.weighted);
        set('community', c.of);
        comm = { count: c.count, modularity: c.modularity, seed: LOUVAIN_SEED };
        break;
      }
      case 'cuts': {
        const c = cuts(u);
        rows.forEach((r, i) => (r.articulation = c.articulation[i] === 1));
        bridges = c.bridges;
        break;
      }
    }
    finish(m);
  }
  return {
    measures,
    graph: graphInfo(cg, opts.weighted),
    columns: measures.flatMap((m) => COLUMNS[m]),
    rows,
    communities: comm,
    bridges: bridges.map((e) => ({ source: g.ids[g.edgeU[e]!]!, target: g.ids[g.edgeV[e]!]!, links: [...(g.edgeLinks?.[e] ?? [])] })),
    betweenness: betw,
    keyPlayers: { top: topBy(rows, opts.top), findings: findings(g, u, cg.nodes, rows, bridges) },
  };
}
