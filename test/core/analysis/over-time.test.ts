import { describe, expect, it } from 'vitest';
import type { OverTimeResult } from '../../../shared/analysis/dto';
import { betweennessSync } from '../../../electron/core/analysis/betweenness';
import { activeWithin } from '../../../electron/core/analysis/case-graph';
import { graphFromEdges } from '../../../electron/core/analysis/graph';
import { tempDir, testCore, type TestCore } from '../helpers';
import { caviarEdges } from './fixtures';

// Network over time on the demo case: CAVIAR's calls carry each phase's (month-precise) span, so
// "spans" gives the 11 phases. Each period's values are checked against the same measure computed
// independently on that phase's own call matrix (test/fixtures/caviar/phaseN.csv).

async function demo(): Promise<TestCore> {
  const core = testCore(tempDir());
  await core.ok('case.openDemo', {});
  return core;
}

const key = (caption: string) => caption.toLowerCase();

describe('analysis.overTime', () => {
  it('CAVIAR phases: each period is that phase’s network, values equal to the phase matrix; the change table follows the ranks', async () => {
    const core = await demo();
    const r: OverTimeResult = await core.ok('analysis.overTime', { periods: 'spans', top: 5 });
    expect(r.periods.map((p) => p.label)).toEqual(
      ['1994-01 – 1994-02', '1994-03 – 1994-04', '1994-05 – 1994-06', '1994-07 – 1994-08', '1994-09 – 1994-10', '1994-11 – 1994-12', '1995-01 – 1995-02', '1995-03 – 1995-04', '1995-05 – 1995-06', '1995-07 – 1995-08', '1995-09 – 1995-10'],
    );
    for (const [p, period] of r.periods.entries()) {
      const g = graphFromEdges(caviarEdges([p + 1]));
      expect([period.nodes, period.edges], period.label).toEqual([g.n, g.m]);
      const b = betweennessSync(g);
      const present = r.entities.filter((e) => e.betweenness[p] !== null);
      expect(present.map((e) => key(e.caption)).sort()).toEqual([...g.ids].sort());
      for (const e of present) {
        const i = g.ids.indexOf(key(e.caption));
        expect(Math.abs(e.betweenness[p]! - b[i]!), `${e.caption} in ${period.label}`).toBeLessThanOrEqual(1e-9 * Math.max(b[i]!, 1e-6));
      }
    }
    // Every change is a move across the top 5 between consecutive phases, and every such move is listed.
    const broker = (e: OverTimeResult['entities'][number], p: number) => e.rank[p] !== null && e.rank[p]! <= 5 && e.betweenness[p]! > 0;
    const expected = r.entities.flatMap((e) => r.periods.slice(1).flatMap((_, i) => (broker(e, i) !== broker(e, i + 1) ? [`${i + 1} ${e.id} ${broker(e, i + 1) ? 'rose' : 'fell'}`] : [])));
    expect(r.changes.map((c) => `${c.period} ${c.id} ${c.kind}`).sort()).toEqual(expected.sort());
    // What an analyst reads: N1 heads betweenness in 9 of the 11 phases; N12 rose to broker in
    // phase 5 (rank 12 → 2) — Morselli's account of N12's rise during the investigation.
    const n1 = r.entities.find((e) => e.caption === 'N1')!;
    expect(n1.rank.filter((x) => x === 1)).toHaveLength(9);
    expect(r.changes.find((c) => c.caption === 'N12' && c.kind === 'rose')).toMatchObject({ period: 4, rankBefore: 12, rankAfter: 2 });
    const audit = await core.ok('audit.list', { offset: 0, limit: 1000 });
    const row = audit.rows.find((a) => a.seq === r.auditSeq)!;
    expect(row.action).toBe('analysis.overTime');
    expect((row.detail as { periods: Array<{ sha256: string }> }).periods.map((p) => p.sha256)).toEqual(r.periods.map((p) => p.sha256));
  });

  it('months, quarters and given windows; a link counts in every period its span meets', async () => {
    const core = await demo();
    const months = await core.ok('analysis.overTime', { periods: 'month' });
    expect(months.periods).toHaveLength(22);
    // Phase 1 spans 1994-01..1994-02: its calls are in both months, and in no other.
    const phase1 = graphFromEdges(caviarEdges([1]));
    expect([months.periods[0]!.edges, months.periods[1]!.edges]).toEqual([phase1.m, phase1.m]);
    const quarters = await core.ok('analysis.overTime', { periods: 'quarter' });
    expect(quarters.periods.map((p) => p.label)).toEqual(['1994-Q1', '1994-Q2', '1994-Q3', '1994-Q4', '1995-Q1', '1995-Q2', '1995-Q3', '1995-Q4']);
    // Q1 1994 = phase 1 + half of phase 2.
    expect(quarters.periods[0]!.edges).toBe(graphFromEdges(caviarEdges([1, 2])).m);
    const given = await core.ok('analysis.overTime', { periods: [{ label: 'before', from: '1993-01', to: '1993-12' }, { label: 'phase 11', from: '1995-09-15', to: '1995-09-15' }] });
    expect(given.periods.map((p) => [p.label, p.nodes])).toEqual([
      ['before', 0],
      ['phase 11', graphFromEdges(caviarEdges([11])).n],
    ]);
    expect(given.changes.every((c) => c.kind === 'rose' && c.rankBefore === null)).toBe(true);
  });

  it('refuses a case without dated links, and windows the contract cannot take', async () => {
    const core = testCore(tempDir());
    await core.ok('case.create', { path: `${tempDir()}/x.cordon`, passphrase: 'correct horse battery staple', bureau: 'FR', name: 'x' });
    expect(await core.fail('analysis.overTime', { periods: 'month' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/No link in this case carries a date/) });
    expect(await core.fail('analysis.overTime', { periods: [{ label: 'x', from: '1996', to: '1995-01' }] })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/ends before it starts/) });
    expect(await core.fail('analysis.overTime', { periods: [{ label: 'x', from: 'March 1995', to: '1995' }] })).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('span rule: start by the window end, end not before its start; partial dates compared on their common prefix', () => {
    const p = (start?: string, end?: string) => new Map(Object.entries({ ...(start ? { startDate: start } : {}), ...(end ? { endDate: end } : {}) }));
    expect(activeWithin(p('1994-03', '1994-04'), '1994-04-30', '1994-05')).toBe(true);
    expect(activeWithin(p('1994-03', '1994-04'), '1994-05', '1994-06')).toBe(false);
    expect(activeWithin(p('1994-03-10'), '1994-03', '1994-03')).toBe(true);
    expect(activeWithin(p(undefined, '1994-03'), '1994-01', '1994-03')).toBe(true);
    expect(activeWithin(p(), '1900', '2100')).toBe(false);
  });
});
