import { Button, Tab, Tabs } from '@blueprintjs/core';
import { CrossIcon, GraphIcon, ListIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import { ChartList } from './ChartList';
import { ChartTab } from './ChartTab';
import { useChartTabs } from './chartTabs';
import './chart.css';

/** The Charts module: the list of the case's charts, and each open chart as a tab. */
export function ChartsView() {
  const { t } = useTranslation();
  const { open, active, show, closeChart } = useChartTabs();
  return (
    <div className="charts-view">
      <Tabs id="chart-tabs" className="chart-tabs" selectedTabId={active ?? 'list'} onChange={(id) => show(id === 'list' ? null : String(id))} animate={false}>
        <Tab id="list" icon={<ListIcon />} title={t('chart.all')} />
        {open.map((c) => (
          <Tab
            key={c.id}
            id={c.id}
            icon={<GraphIcon />}
            title={
              <span className="chart-tab-title">
                {c.name}
                <Button
                  size="small"
                  variant="minimal"
                  icon={<CrossIcon />}
                  aria-label={t('chart.closeTab', { name: c.name })}
                  onClick={(e) => {
                    e.stopPropagation();
                    closeChart(c.id);
                  }}
                />
              </span>
            }
          />
        ))}
      </Tabs>
      <div className="charts-body">{active === null ? <ChartList /> : <ChartTab key={active} chartId={active} />}</div>
    </div>
  );
}
