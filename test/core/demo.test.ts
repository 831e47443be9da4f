import { describe, expect, it } from 'vitest';
import { CAVIAR_PHASES } from '../../electron/core/demo/caviar-data';
import { parsePhase } from '../../electron/core/demo/caviar';
import { tempDir, testCore } from './helpers';

describe('the demo case (CAVIAR)', () => {
  it('is built on first use: 107 actors, their calls per phase as dated weighted links, 11 graded sources', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const info = await core.ok('case.openDemo', {});
    expect(info).toMatchObject({ demo: true, entities: 107, links: 650, sources: 11, tlp: 'CLEAR' });
    const n1 = (await core.ok('search', { query: 'N1' })).find((r) => r.caption === 'N1')!;
    const e = await core.ok('entity.get', { id: n1.id });
    // Morselli (2009, 2010): n1 is the most central actor; undirected unweighted degree 57 over all phases.
    const neighbours = new Set(e.links.map((l) => l.other.id));
    expect(neighbours.size).toBe(57);
    const call = await core.ok('entity.get', { id: e.links[0]!.id });
    expect(call.properties.count?.[0]?.value).toMatch(/^\d+$/);
    expect(call.properties.startDate?.[0]?.value).toMatch(/^199[4-6]-\d\d$/);
    expect(call.properties.count?.[0]?.source?.title).toMatch(/CAVIAR intercepted calls, phase \d+ of 11/);
    await core.ok('case.close', {});
    // Second use: the same file is opened, not rebuilt.
    const again = await core.ok('case.openDemo', {});
    expect(again.caseId).toBe(info.caseId);
  });

  it('comes with its network on a chart: every actor laid out, sized by betweenness, made once', async () => {
    const core = testCore(tempDir());
    await core.ok('case.openDemo', {});
    const charts = await core.ok('chart.list', {});
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ name: 'CAVIAR network', items: 107 });
    const chart = await core.ok('chart.open', { id: charts[0]!.id });
    expect(chart.chart.settings.rules).toEqual([{ kind: 'size', measure: 'betweenness' }]);
    expect(chart.chart.settings.mergeParallel).toBe(true);
    expect(chart.nodes).toHaveLength(107);
    expect(chart.edges.length).toBeGreaterThan(200);
    // Laid out: every actor placed, spread out rather than stacked.
    const xs = chart.nodes.map((n) => n.x!);
    const ys = chart.nodes.map((n) => n.y!);
    expect(xs.every(Number.isFinite) && ys.every(Number.isFinite)).toBe(true);
    expect(new Set(chart.nodes.map((n) => `${Math.round(n.x!)},${Math.round(n.y!)}`)).size).toBe(107);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(500);
    await core.ok('case.close', {});
    await core.ok('case.openDemo', {});
    expect(await core.ok('chart.list', {})).toHaveLength(1);
  });

  it('parses every phase matrix and finds the published 214 undirected ties', () => {
    const ties = new Set<string>();
    for (const [i, csv] of CAVIAR_PHASES.entries()) {
      for (const c of parsePhase(csv, i + 1).calls) ties.add([c.caller, c.receiver].sort().join('-'));
    }
    expect(ties.size).toBe(214);
  });

  it('rejects a malformed matrix clearly', () => {
    expect(() => parsePhase('"who",1\n"1",0\n', 1)).toThrow(/players/);
    expect(() => parsePhase('"players","1"\n"1",x\n', 1)).toThrow(/not a number/);
  });
});
