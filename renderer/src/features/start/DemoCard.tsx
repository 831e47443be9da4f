import { Button, Card, H3 } from '@blueprintjs/core';
import { GraphIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { useWorkspace } from '../../state/workspace';
import { useChartTabs } from '../chart/chartTabs';
import { caseOpened } from './opened';

export function DemoCard() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const info = await call('case.openDemo', {});
      // The first impression is the network, not a list of N1…N107: the demo opens on its chart.
      const [chart] = await call('chart.list', {});
      caseOpened(info);
      if (chart) {
        useChartTabs.getState().openChart(chart.id, chart.name);
        useWorkspace.getState().setView('charts');
      }
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Card className="start-card demo-card" aria-labelledby="demo-title">
      <H3 id="demo-title">{t('start.demoTitle')}</H3>
      <p className="muted">{t('start.demoText')}</p>
      <ErrorCallout error={error} />
      <Button icon={<GraphIcon />} text={t('start.openDemo')} onClick={() => void open()} loading={busy} fill />
    </Card>
  );
}
