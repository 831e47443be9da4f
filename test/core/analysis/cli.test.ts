import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/core/cli';
import { DEMO_PASSPHRASE } from '../../../electron/core/demo/caviar';
import { captureIo } from '../cli-io';
import { tempDir, testCore } from '../helpers';

// `cordon analyze` and `cordon disrupt` (DESIGN.md §8) on the demo case file, with the --json
// shapes scripts rely on.

async function demoFile(): Promise<{ file: string; run: (...argv: string[]) => Promise<{ code: number; out: string; err: string }> }> {
  const dir = tempDir();
  const core = testCore(join(dir, 'core'));
  await core.ok('case.openDemo', {});
  await core.ok('case.close', {});
  const file = join(dir, 'core', 'demo-caviar.cordon');
  return {
    file,
    run: async (...argv) => {
      const io = captureIo({ CORDON_PASSPHRASE: DEMO_PASSPHRASE, CORDON_DATA_DIR: join(dir, 'cli') });
      const code = await runCli(argv, io);
      return { code, out: io.stdoutText(), err: io.stderrText() };
    },
  };
}

describe('cordon analyze / disrupt', () => {
  it('analyze --json: {measure, results:[{id, caption, value}]}, highest first; filters; louvain numbers', async () => {
    const { file, run } = await demoFile();
    const deg = await run('analyze', file, '--measure', 'degree', '--top', '5', '--json');
    expect(deg.code).toBe(0);
    const d = JSON.parse(deg.out);
    expect(d.measure).toBe('degree');
    expect(d.results.map((r: { caption: string; value: number }) => [r.caption, r.value])).toEqual([['N1', 57], ['N3', 30], ['N12', 26], ['N76', 16], ['N87', 16]]);
    expect(Object.keys(d.results[0]).sort()).toEqual(['caption', 'id', 'value']);
    expect(d.graph).toMatchObject({ nodes: 107, edges: 214 });
    const b = JSON.parse((await run('analyze', file, '--measure', 'betweenness', '--top', '5', '--json')).out);
    expect(b.results.map((r: { caption: string; value: number }) => [r.caption, +r.value.toFixed(3)])).toEqual([['N1', 0.554], ['N12', 0.257], ['N3', 0.142], ['N76', 0.14], ['N87', 0.115]]);
    const all = JSON.parse((await run('analyze', file, '--measure', 'pagerank', '--json')).out);
    expect(all.results).toHaveLength(107);
    const values = all.results.map((r: { value: number }) => r.value);
    expect(values).toEqual([...values].sort((x: number, y: number) => y - x));
    const louvain = JSON.parse((await run('analyze', file, '--measure', 'louvain', '--json')).out);
    expect(louvain.results[0].value).toBe(1);
    expect(louvain.communities.count).toBeGreaterThan(3);
    const filtered = JSON.parse((await run('analyze', file, '--measure', 'kcore', '--link-types', 'Call', '--min-grade', 'B2', '--as-of', '1994-01-15', '--json')).out);
    expect(filtered.graph.links.byDate).toBeGreaterThan(0);
    expect(filtered.graph.nodes).toBeLessThan(107);
    expect(JSON.parse((await run('analyze', file, '--measure', 'degree', '--min-grade', 'A1', '--json')).out).results).toEqual([]);
    const text = await run('analyze', file, '--measure', 'closeness', '--top', '3');
    expect(text.out.split('\n')[1]).toMatch(/^0\.75\d+\t\S+\tN1$/);
  });

  it('disrupt --json: {strategy, initial_lcc, steps:[{removed, lcc, lcc_fraction}]}', async () => {
    const { file, run } = await demoFile();
    const r = await run('disrupt', file, '--strategy', 'degree', '--steps', '3', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ strategy: 'degree', initial_lcc: 105 });
    expect(j.steps).toHaveLength(3);
    expect(j.steps[0].removed).toHaveLength(1);
    expect(j.steps[0].lcc_fraction).toBeCloseTo(j.steps[0].lcc / 105, 15);
    const first = j.steps[0].removed[0];
    const t = JSON.parse((await run('disrupt', file, '--strategy', 'targets', '--targets', first, '--json')).out);
    expect(t.steps).toEqual([expect.objectContaining({ removed: [first], lcc: j.steps[0].lcc, lcc_fraction: j.steps[0].lcc_fraction })]);
    expect(t.isolated.length).toBeGreaterThan(0);
    const block = JSON.parse((await run('disrupt', file, '--strategy', 'ci', '--mode', 'block', '--block-size', '4', '--steps', '2', '--json')).out);
    expect(block.steps.map((s: { removed: string[] }) => s.removed.length)).toEqual([4, 4]);
    expect((await run('disrupt', file, '--strategy', 'betweenness', '--steps', '2')).out).toMatch(/^largest connected component: 105 of 107 entities\n {3}1 {2}LCC/);
  });

  it('usage errors exit 2; unknown targets exit 1 with one clear line', async () => {
    const { file, run } = await demoFile();
    expect((await run('analyze', file, '--measure', 'fame')).code).toBe(2);
    expect((await run('analyze', file, '--measure', 'degree', '--top', '0')).code).toBe(2);
    expect((await run('disrupt', file, '--strategy', 'targets')).code).toBe(2);
    expect((await run('analyze', file, '--measure', 'degree', '--min-grade', 'nato:B2')).code).toBe(2);
    const missing = await run('disrupt', file, '--strategy', 'targets', '--targets', 'XX-nobody');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^cordon: NOT_FOUND: Entity XX-nobody is not in this case/);
  });

  it('analyze --over-time: periods, entities per period and the broker changes, as JSON and as text', async () => {
    const { file, run } = await demoFile();
    const phases = await run('analyze', file, '--over-time', 'phases', '--top', '5', '--json');
    expect(phases.code).toBe(0);
    const j = JSON.parse(phases.out);
    expect(Object.keys(j).sort()).toEqual(['audit_seq', 'changes', 'entities', 'over_time', 'periods', 'top']);
    expect(j).toMatchObject({ over_time: 'phases', top: 5 });
    expect(j.periods).toHaveLength(11);
    expect(j.periods[0]).toMatchObject({ label: '1994-01 – 1994-02', from: '1994-01', to: '1994-02' });
    const n1 = j.entities.find((e: { caption: string }) => e.caption === 'N1');
    expect(n1.rank.filter((r: number | null) => r === 1)).toHaveLength(9);
    expect(n1.degree).toHaveLength(11);
    // Morselli's account: N12 rose to broker in phase 5.
    expect(j.changes).toContainEqual(expect.objectContaining({ period: '1994-09 – 1994-10', caption: 'N12', kind: 'rose', rank_before: 12, rank_after: 2 }));
    const text = await run('analyze', file, '--over-time', 'phases', '--top', '5');
    expect(text.code).toBe(0);
    const lines = text.out.trim().split('\n');
    expect(lines[0]).toBe('network over time: 11 periods (phases); broker = top 5 by betweenness');
    expect(lines[2]).toMatch(/^1994-01 – 1994-02 +\d+ +\d+ {2}N1 \(0\.\d{3}\)$/);
    expect(lines).toContain('1994-09 – 1994-10: N12 rose to broker (rank 12 → rank 2)');
    expect(lines.filter((l) => / (rose to|fell from) broker /.test(l))).toHaveLength(j.changes.length);
    expect(JSON.parse((await run('analyze', file, '--over-time', 'month', '--json')).out).periods).toHaveLength(22);
    const quarters = JSON.parse((await run('analyze', file, '--over-time', 'quarter', '--link-types', 'Call', '--json')).out);
    expect(quarters.periods.length).toBeGreaterThan(1);
    expect(quarters.periods.length).toBeLessThan(22);
  });

  it('analyze --over-time: usage errors exit 2; a case without dated links exits 4 with one clear line', async () => {
    const { file, run } = await demoFile();
    expect((await run('analyze', file, '--over-time', 'year')).code).toBe(2);
    expect((await run('analyze', file, '--over-time', 'phases', '--measure', 'degree')).code).toBe(2);
    expect((await run('analyze', file, '--over-time', 'phases', '--as-of', '1994-05-01')).code).toBe(2);
    expect((await run('analyze', file, '--over-time', 'phases', '--top', '0')).code).toBe(2);
    const undated = join(tempDir(), 'undated.cordon');
    expect((await run('case', 'create', undated)).code).toBe(0);
    const a = (await run('entity', 'add', undated, '--schema', 'Person', '--prop', 'name=A')).out.trim();
    const b = (await run('entity', 'add', undated, '--schema', 'Person', '--prop', 'name=B')).out.trim();
    expect((await run('link', 'add', undated, '--schema', 'Associate', '--from', a, '--to', b)).code).toBe(0);
    const r = await run('analyze', undated, '--over-time', 'phases');
    expect(r.code).toBe(4);
    expect(r.err).toMatch(/^cordon: INVALID_INPUT: No link in this case carries a date/);
    expect(r.out).toBe('');
  });
});
