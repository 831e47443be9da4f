import type { ChartSettings } from '../../../../shared/charts/api';
import { call } from '../../api';
import type { ChartController } from './controller';

// Conditional styling fed by the analysis module: run the measures a rule needs over the chart's
// entities and keep them as node measures. The rule engine itself (view.ts) is generic over any
// numeric or categorical value per node.

const MEASURE_OF: Record<string, 'betweenness' | 'degree' | 'pagerank' | 'louvain' | 'cuts' | 'closeness' | 'eigenvector' | 'kcore'> = {
  betweenness: 'betweenness',
  degree: 'degree',
  inDegree: 'degree',
  outDegree: 'degree',
  strength: 'degree',
  closeness: 'closeness',
  eigenvector: 'eigenvector',
  kcore: 'kcore',
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

/** A rule over values the analysis panel already has (one column of its table), as one undoable step. */
export async function applyMeasureRule(ctl: ChartController, rule: ChartSettings['rules'][number], values: Record<string, number>): Promise<void> {
  ctl.measures.set(rule.measure, values);
  const rules = [...ctl.settings.rules.filter((r) => r.kind !== rule.kind), rule];
  await ctl.changeSettings('style', { ...ctl.settings, rules });
}

/** Marks entities and the ties between consecutive or listed pairs (a path, a network); returns how many are on the chart. */
export function highlightOnChart(ctl: ChartController, ids: readonly string[], pairs: ReadonlyArray<readonly [string, string]>): number {
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const wanted = new Set(pairs.map(([a, b]) => key(a, b)));
  let found = 0;
  ctl.cy.batch(() => {
    ctl.cy.elements('.highlight').removeClass('highlight');
    for (const id of ids) {
      const n = ctl.cy.getElementById(id);
      if (n.nonempty()) {
        n.addClass('highlight');
        found++;
      }
    }
    ctl.cy.edges().not('.ghost, .merged-away').forEach((e) => {
      if (wanted.has(key(e.data('source') as string, e.data('target') as string))) e.addClass('highlight');
    });
  });
  return found;
}
