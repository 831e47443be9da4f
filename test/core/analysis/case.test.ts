import { describe, expect, it } from 'vitest';
import type { AnalysisResult, AnalysisRow } from '../../../shared/analysis/dto';
import { tempDir, testCore, type TestCore } from '../helpers';
import { reference } from './reference';

// From a real encrypted case to the results: the demo case (CAVIAR, Morselli 2009) holds the
// intercepted calls of the 11 phases as Call links (caller → receiver, count and weight = calls,
// month-precise start/end dates, sources graded EU 4x4 A2). Analysed whole, undirected and
// unweighted, it is the CAVIAR aggregate of the reference tests: 107 actors, 214 ties.

const ref = reference('caviar');
const key = (r: { caption: string }) => r.caption.toLowerCase(); // "N1" → "n1", the reference's ids

async function demo(): Promise<TestCore> {
  const core = testCore(tempDir());
  await core.ok('case.openDemo', {});
  return core;
}

function top(rows: AnalysisRow[], col: keyof AnalysisRow, n = 5): string[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (b.r[col] as number) - (a.r[col] as number) || a.i - b.i)
    .slice(0, n)
    .map(({ r }) => key(r));
}

describe('analysis.run on the demo case (CAVIAR aggregate)', () => {
  it('n1 leads; the top five by each measure; every value equal to networkx; audited with the graph hash', async () => {
    const core = await demo();
    const r: AnalysisResult = await core.ok('analysis.run', {});
    expect(r.graph).toMatchObject({ nodes: 107, edges: 214, directed: false, weighted: false, components: 2, largestComponent: 105 });
    expect(r.graph.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Published (Morselli 2009/2010; shared/data/README.md): degree n1 57, n3 30, n12 26, n76 16,
    // n87 16; normalised betweenness n1 0.554, n12 0.257, n3 0.142, n76 0.140, n87 0.115.
    expect(top(r.rows, 'degree')).toEqual(['n1', 'n3', 'n12', 'n76', 'n87']);
    expect(top(r.rows, 'degree').map((id) => r.rows.find((x) => key(x) === id)!.degree)).toEqual([57, 30, 26, 16, 16]);
    expect(top(r.rows, 'betweenness')).toEqual(['n1', 'n12', 'n3', 'n76', 'n87']);
    expect(top(r.rows, 'betweenness').map((id) => +r.rows.find((x) => key(x) === id)!.betweenness!.toFixed(3))).toEqual([0.554, 0.257, 0.142, 0.14, 0.115]);
    expect(top(r.rows, 'closeness')).toEqual(['n1', 'n3', 'n12', 'n76', 'n87']);
    expect(top(r.rows, 'eigenvector')).toEqual(['n1', 'n3', 'n12', 'n76', 'n83']);
    expect(top(r.rows, 'pagerank')).toEqual(['n1', 'n12', 'n3', 'n87', 'n76']);
    // k-core: the innermost core is the 5-core.
    expect(r.rows.filter((x) => x.kcore === 5).map(key).sort()).toEqual(Object.keys(ref.kcore!).filter((id) => ref.kcore![id] === 5).sort());
    expect(r.rows.filter((x) => x.articulation).map(key).sort()).toEqual(ref.articulation_points);

    for (const row of r.rows) {
      const id = key(row);
      expect(row.degree).toBe(ref.degree[id]);
      expect(Math.abs(row.betweenness! - ref.betweenness[id]!)).toBeLessThanOrEqual(1e-9 * Math.max(ref.betweenness[id]!, 1e-6));
      expect(Math.abs(row.closeness! - ref.closeness[id]!)).toBeLessThanOrEqual(1e-9 * ref.closeness[id]!);
    }
    expect(r.betweenness).toEqual({ exact: true, samples: 107, epsilon: 0, delta: 0 });
    expect(r.communities!.count).toBeGreaterThan(3);
    expect(r.communities!.modularity).toBeGreaterThan(ref.louvain_networkx!.modularity - 0.01);
    expect(r.columns.map((c) => c.key)).toEqual(['degree', 'inDegree', 'outDegree', 'strength', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'kcore', 'community', 'articulation']);

    // Key players in plain words.
    expect(r.keyPlayers.top.degree!.slice(0, 3).map((x) => x.caption)).toEqual(['N1', 'N3', 'N12']);
    expect(r.keyPlayers.findings.find((f) => f.kind === 'leader')!.text).toMatch(/^N1 has the most direct ties \(57\)/);
    expect(r.keyPlayers.findings.some((f) => f.kind === 'cut-vertex' && /^Removing N1 splits/.test(f.text))).toBe(true);

    // The audit row: parameters and the hash of the graph, so the run can be reproduced.
    const audit = await core.ok('audit.list', { offset: 0, limit: 1000 });
    const row = audit.rows.find((a) => a.seq === r.auditSeq)!;
    expect(row.action).toBe('analysis.run');
    expect(row.detail).toMatchObject({ graph: { sha256: r.graph.sha256, nodes: 107, edges: 214 }, params: { directed: false, weighted: false } });
    // Progress went through the session's events under one job id, ending complete.
    const progress = core.events.filter((e) => e.event === 'progress').map((e) => e.payload as { job: string; done: number; total: number });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    // Same case, same parameters: same hash (reproducible); weighted changes it.
    expect((await core.ok('analysis.run', { measures: ['degree'] })).graph.sha256).toBe(r.graph.sha256);
    const weighted = await core.ok('analysis.run', { measures: ['degree', 'betweenness'], weighted: true });
    expect(weighted.graph.sha256).not.toBe(r.graph.sha256);
    const n1 = weighted.rows.find((x) => x.caption === 'N1')!;
    expect(n1.strength).toBe(ref.strength.n1);
  });

  it('filters: as-of date, link types, minimum grade (per scheme), direction, the chart scope', async () => {
    const core = await demo();
    // Phase 1 is dated 1994-01 to 1994-02 (month precision): as of 1994-01-15 only its calls count.
    const phase1 = await core.ok('analysis.run', { measures: ['degree'], asOf: '1994-01-15' });
    expect(phase1.graph.links.byDate).toBeGreaterThan(0);
    expect(phase1.graph.nodes).toBeLessThan(107);
    expect((await core.ok('analysis.run', { measures: ['degree'], asOf: '1994-02' })).graph.edges).toBe(phase1.graph.edges);
    expect((await core.ok('analysis.run', { measures: ['degree'], asOf: '1993-12-31' })).graph.nodes).toBe(0);
    // Only Membership links: none in the demo, so nothing is left (and nothing fails).
    const none = await core.ok('analysis.run', { linkTypes: ['Membership'] });
    expect(none.graph).toMatchObject({ nodes: 0, edges: 0 });
    // Every one of the demo's links was left out by the type filter, and none counted.
    const all = await core.ok('analysis.run', { measures: ['degree'] });
    expect(all.graph.links.counted).toBeGreaterThan(0);
    expect(none.graph.links).toMatchObject({ counted: 0, byType: all.graph.links.counted });
    // The demo's sources are graded A2: B2 or better keeps all, A1 keeps none, UK 2B cannot judge them.
    expect((await core.ok('analysis.run', { measures: ['degree'], minGrade: { grade: 'B2' } })).graph.edges).toBe(214);
    expect((await core.ok('analysis.run', { measures: ['degree'], minGrade: { grade: 'A1' } })).graph.edges).toBe(0);
    expect((await core.ok('analysis.run', { measures: ['degree'], minGrade: { grade: '2B', scheme: 'uk3x5x2' } })).graph.links.byGrade).toBeGreaterThan(0);
    expect((await core.fail('analysis.run', { minGrade: { grade: 'Z9' } })).code).toBe('INVALID_INPUT');
    // Directed: caller → receiver, in- and out-degree apart.
    const directed = await core.ok('analysis.run', { measures: ['degree', 'pagerank'], directed: true });
    const dRef = reference('caviar_directed');
    expect(directed.graph.edges).toBe(dRef.edges);
    for (const row of directed.rows) {
      expect(row.inDegree).toBe(dRef.in_degree![key(row)]);
      expect(row.outDegree).toBe(dRef.out_degree![key(row)]);
    }
    // A chart's entities: only those, and the links among them.
    const ids = directed.rows.filter((x) => ['N1', 'N3', 'N12', 'N76'].includes(x.caption)).map((x) => x.id);
    const chart = await core.ok('analysis.run', { entityIds: ids, measures: ['degree'] });
    expect(chart.graph.nodes).toBe(4);
    expect(chart.graph.links.outsideScope).toBeGreaterThan(0);
    expect((await core.fail('analysis.run', { entityIds: ['XX-nope'] })).code).toBe('NOT_FOUND');
  });

  it('paths, connecting network and neighbourhood through the contract', async () => {
    const core = await demo();
    const all = await core.ok('analysis.run', { measures: ['degree'] });
    const id = (caption: string) => all.rows.find((x) => x.caption === caption)!.id;
    const far = Object.entries(ref.hops).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    const p = await core.ok('analysis.paths', { kind: 'shortest', from: id('N1'), to: id(far[0].toUpperCase()), limit: 1000 });
    expect(p.hops).toBe(far[1]);
    expect(p.count).toBe(ref.path_counts[far[0]]);
    expect(p.paths.length).toBe(Math.min(1000, p.count));
    expect(p.paths[0]![0]).toBe(id('N1'));
    expect(p.edges.length).toBeGreaterThanOrEqual(far[1]);
    expect(p.edges.every((e) => e.links.length > 0)).toBe(true);
    // Preferring well-sourced links: every link is graded A2, so the same hop count.
    expect((await core.ok('analysis.paths', { kind: 'shortest', from: id('N1'), to: id(far[0].toUpperCase()), weighting: 'grading' })).hops).toBe(far[1]);
    const conn = await core.ok('analysis.paths', { kind: 'connecting', members: [id('N3'), id('N12'), id('N87')] });
    expect(conn.nodes.map((x) => x.caption)).toEqual(expect.arrayContaining(['N3', 'N12', 'N87']));
    expect(conn.unreached).toEqual([]);
    const hood = await core.ok('analysis.paths', { kind: 'neighbourhood', members: [id('N1')], hops: 1 });
    expect(hood.nodes.length).toBe(58); // N1 and its 57 contacts
    expect(hood.nodes.find((x) => x.caption === 'N1')!.hops).toBe(0);
    const audit = await core.ok('audit.list', { offset: 0, limit: 1000 });
    expect(audit.rows.filter((a) => a.action === 'analysis.paths').length).toBe(4);
  });

  it('disruption through the contract: targets, and a strategy', async () => {
    const core = await demo();
    const all = await core.ok('analysis.run', { measures: ['degree'] });
    const n1 = all.rows.find((x) => x.caption === 'N1')!.id;
    const t = await core.ok('analysis.disrupt', { strategy: 'targets', targets: [n1] });
    expect(t.initialLcc).toBe(105);
    expect(t.steps).toHaveLength(1);
    expect(t.steps[0]!.removed).toEqual([{ id: n1, caption: 'N1' }]);
    expect(t.steps[0]!.lcc).toBeLessThan(105);
    expect(t.impact!.isolated.length).toBeGreaterThan(0);
    expect(t.impact!.brokers[0]!.rankAfter).toBe(1);
    const s = await core.ok('analysis.disrupt', { strategy: 'betweenness', mode: 'block', blockSize: 5, steps: 3 });
    expect(s.steps).toHaveLength(3);
    expect(s.steps[0]!.removed.map((x) => x.caption)).toEqual(['N1', 'N12', 'N3', 'N76', 'N87']);
    expect(s.steps.map((x) => x.lccFraction)).toEqual([...s.steps.map((x) => x.lccFraction)].sort((a, b) => b - a));
    const audit = await core.ok('audit.list', { offset: 0, limit: 1000 });
    expect(audit.rows.find((a) => a.seq === s.auditSeq)!.detail).toMatchObject({ params: { strategy: 'betweenness', mode: 'block' } });
  });

  it('a cancelled run reports no result and is audited as cancelled', async () => {
    const core = await demo();
    const pending = core.call('analysis.disrupt', { strategy: 'betweenness', mode: 'sequential' });
    // Cancel as soon as the job has announced itself.
    let job: string | undefined;
    for (let i = 0; i < 500 && !job; i++) {
      await new Promise((r) => setTimeout(r, 5));
      job = (core.events.find((e) => e.event === 'progress' && (e.payload as { label: string }).label === 'Disruption simulation')?.payload as { job: string } | undefined)?.job;
    }
    expect(job).toBeDefined();
    expect(await core.ok('job.cancel', { job: job! })).toEqual({ cancelled: true });
    const r = await pending;
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    const audit = await core.ok('audit.list', { offset: 0, limit: 1000 });
    expect(audit.rows.filter((a) => a.action === 'analysis.disrupt')).toMatchObject([{ detail: { outcome: { cancelled: true } } }]);
  });
});
