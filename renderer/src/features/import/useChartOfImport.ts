import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useWorkspace } from '../../state/workspace';
import { useChartTabs } from '../chart/chartTabs';

/** "Open on a chart": a new chart of what one import brought, opened in front. */
export function useChartOfImport(): { open(importId: string, file: string): Promise<void>; busy: string | null; error: unknown } {
  const { t } = useTranslation();
  const openChart = useChartTabs((s) => s.openChart);
  const setView = useWorkspace((s) => s.setView);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const open = useCallback(
    async (importId: string, file: string) => {
      setBusy(importId);
      setError(null);
      try {
        const chart = await call('chart.create', { name: t('import.chart.name', { file }), importId });
        openChart(chart.id, chart.name);
        setView('charts');
      } catch (err) {
        setError(err);
      } finally {
        setBusy(null);
      }
    },
    [t, openChart, setView],
  );
  return { open, busy, error };
}
