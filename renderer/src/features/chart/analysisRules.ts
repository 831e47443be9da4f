import type { ChartSettings } from '../../../../shared/api';
import { call } from '../../api';
import type { ChartController } from './controller';

// Conditional styling fed by the analysis module: run the measures a rule needs over the chart's
// entities and keep them as node measures. The rule engine itself (view.ts) is generic over any
// numeric or categorical value per node.

const MEASURE_OF: Record<string, 'betweenness' | 'degree' | 'pagerank' | 'louvain' | 'cuts'> = {
  betweenness: 'betweenness',
  degree: 'degree',
  pagerank: 'pagerank',
  community: 'louvain',
  articulation: 'cuts',
};

export async function loadMeasures(ctl: ChartController, names: readonly string[]): Promise<void> {
  const measures = [...new Set(names.map((n) => MEASURE_OF[n]).filter((m): m is NonNullable<typeof m> => m !== undefined))];
  const ids = ctl.entityIds();
  if (measures.length === 0 || ids.length === 0) return;
  const result = await call('analysis.run', { entityIds: ids, measures, top: 1 });
  for (const name of names) {
    const values: Record<string, number> = {};
    for (const row of result.rows) {
      const v = name === 'articulation' ? (row.articulation ? 1 : 0) : (row as unknown as Record<string, number | undefined>)[name];
      if (typeof v === 'number') values[row.id] = v;
    }
    ctl.measures.set(name, values);
  }
}

export async function addRule(ctl: ChartController, rule: ChartSettings['rules'][number]): Promise<void> {
  await loadMeasures(ctl, [rule.measure]);
  const rules = [...ctl.settings.rules.filter((r) => r.kind !== rule.kind), rule];
  await ctl.changeSettings('style', { ...ctl.settings, rules });
}
