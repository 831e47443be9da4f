import { Button, Callout, NonIdealState, Spinner, Tab, Tabs } from '@blueprintjs/core';
import { CrossIcon, LayoutHierarchyIcon, PlayIcon } from '@blueprintjs/icons';
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCallout } from '../../app/ErrorCallout';
import { useSession } from '../../state/session';
import { useWorkspace } from '../../state/workspace';
import { useActiveChart } from '../chart/activeChart';
import { CommsTab } from '../comms/CommsTab';
import { DisruptTab } from './DisruptTab';
import { KeyPlayers } from './KeyPlayers';
import { MeasureTable } from './MeasureTable';
import { OverTimeTab } from './OverTimeTab';
import { PathsTab } from './PathsTab';
import { ScopeBar } from './ScopeBar';
import { useAnalysis } from './store';
import './analysis.css';

const noop = () => () => undefined;
const zero = () => 0;
type TabId = 'measures' | 'players' | 'paths' | 'disrupt' | 'overTime' | 'comms';

/** The bottom panel's structure analysis (DESIGN.md §5, §10): measures, key players, paths and
 * disruption, on the case, the chart in front or its selection. Progress and cancel are in the
 * jobs panel just below. */
export function AnalysisPanel() {
  const { t } = useTranslation();
  const ctl = useActiveChart((s) => s.ctl);
  useSyncExternalStore(ctl?.subscribe ?? noop, ctl?.getVersion ?? zero);
  const selected = ctl ? ctl.cy.nodes(':selected').not('.group, .ghost').length : 0;
  const { result, status, run } = useAnalysis();
  const [tab, setTab] = useState<TabId>('measures');
  const close = useWorkspace((s) => s.setAnalysisOpen);
  // Results belong to one case.
  const caseId = useSession((s) => s.info?.caseId ?? null);
  useEffect(() => useAnalysis.getState().reset(), [caseId]);
  const running = status.state === 'running';
  const needResult = (body: ReactNode) =>
    result ? body : <NonIdealState className="analysis-empty" icon={<LayoutHierarchyIcon size={32} />} title={t('analysis.emptyTitle')} description={t('analysis.emptyText')} />;

  return (
    <section className="analysis-panel" aria-label={t('analysis.title')}>
      <header className="analysis-header">
        <h2 className="pane-title">{t('analysis.title')}</h2>
        <ScopeBar ctl={ctl} selected={selected} />
        <Button intent="primary" size="small" icon={<PlayIcon />} text={t('analysis.run')} loading={running} onClick={() => void run(ctl)} />
        <Button size="small" variant="minimal" icon={<CrossIcon />} aria-label={t('analysis.close')} onClick={() => close(false)} />
      </header>
      <Tabs id="analysis-tabs" className="analysis-tabs" selectedTabId={tab} onChange={(id) => setTab(id as TabId)} animate={false}>
        <Tab id="measures" title={t('analysis.tabs.measures')} />
        <Tab id="players" title={t('analysis.tabs.players')} />
        <Tab id="paths" title={t('analysis.tabs.paths')} />
        <Tab id="disrupt" title={t('analysis.tabs.disrupt')} />
        <Tab id="overTime" title={t('analysis.tabs.overTime')} />
        <Tab id="comms" title={t('analysis.tabs.comms')} />
      </Tabs>
      <div className="analysis-body">
        {status.state === 'cancelled' && (tab === 'measures' || tab === 'players') && <Callout intent="warning">{t('analysis.cancelled')}</Callout>}
        {status.state === 'failed' && (tab === 'measures' || tab === 'players') && <ErrorCallout error={status.error} />}
        {running && (tab === 'measures' || tab === 'players') && <Spinner size={24} className="analysis-spinner" aria-label={t('analysis.running')} />}
        {!running && tab === 'measures' && needResult(result && <MeasureTable result={result} ctl={ctl} onError={(e) => useAnalysis.setState({ status: { state: 'failed', error: e } })} />)}
        {!running && tab === 'players' && needResult(result && <KeyPlayers result={result} ctl={ctl} />)}
        {tab === 'paths' && <PathsTab ctl={ctl} />}
        {tab === 'disrupt' && <DisruptTab ctl={ctl} />}
        {tab === 'overTime' && <OverTimeTab ctl={ctl} />}
        {tab === 'comms' && <CommsTab ctl={ctl} />}
      </div>
    </section>
  );
}
