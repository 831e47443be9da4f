import type { Handlers } from '../../../shared/api';
import type { Session } from '../session';
import { expand } from './expand';
import { writeChartExport } from './export';
import { chartElements, createChart, deleteChart, listCharts, openChart, renameChart, saveChart } from './store';

type ChartMethods = 'chart.list' | 'chart.create' | 'chart.rename' | 'chart.delete' | 'chart.open' | 'chart.save' | 'chart.elements' | 'chart.expand' | 'chart.export';

export function chartHandlers(session: Session): Pick<Handlers, ChartMethods> {
  return {
    'chart.list': async () => listCharts(session.case),
    'chart.create': async ({ name, layoutId, importId }) => createChart(session.case, name, { layoutId, importId }),
    'chart.rename': async ({ id, name }) => renameChart(session.case, id, name),
    'chart.delete': async ({ id }) => {
      deleteChart(session.case, id);
      return null;
    },
    'chart.open': async ({ id }) => openChart(session.case, id),
    'chart.save': async (input) => saveChart(session.case, input),
    'chart.elements': async ({ entityIds, withIds }) => chartElements(session.case, entityIds, withIds),
    'chart.expand': async (input) => expand(session.case.db, input),
    'chart.export': async (input) => writeChartExport(session.case, input),
  };
}
