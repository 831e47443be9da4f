import { Button, HTMLTable, NonIdealState, Tab, Tabs, Tag } from '@blueprintjs/core';
import { AddIcon, TargetIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatNumber, formatPartialDate } from '../../format';
import { DeconflictionView } from './DeconflictionView';
import { NewOperationDialog } from './NewOperationDialog';
import { OperationPage } from './OperationPage';
import { ReceivedPlansView } from './ReceivedPlansView';
import { StatusTag } from './StatusTag';
import { useCoreRead } from './useCoop';
import '../projects/projects.css';
import './operations.css';

type OpsTab = 'list' | 'deconfliction' | 'received';

/** Joint operations: the list and the chosen operation's page; the deconfliction list and the plans received from other bureaus beside. */
export function OperationsView() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<OpsTab>('list');
  const { data: operations, error } = useCoreRead('operation.list', {});
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? operations?.[0]?.id ?? null;
  return (
    <section className="operations-view pane" aria-labelledby="operations-title">
      <header className="pane-header">
        <h2 className="pane-title" id="operations-title">
          {t('operations.title')}
        </h2>
        <Tabs id="operations-tabs" selectedTabId={tab} onChange={(id) => setTab(id as OpsTab)} className="coop-tabs">
          <Tab id="list" title={t('operations.tabList')} />
          <Tab id="deconfliction" title={t('operations.tabDeconfliction')} />
          <Tab id="received" title={t('operations.tabReceived')} />
        </Tabs>
        <Button className="pane-action" size="small" intent="primary" icon={<AddIcon />} text={t('operations.new')} onClick={() => setCreating(true)} />
      </header>
      <ErrorCallout error={error} />
      {tab === 'received' ? (
        <ReceivedPlansView />
      ) : tab === 'deconfliction' ? (
        <DeconflictionView
          onOpen={(id) => {
            setSelected(id);
            setTab('list');
          }}
        />
      ) : operations && operations.length === 0 ? (
        <NonIdealState
          icon={<TargetIcon size={40} />}
          title={t('operations.emptyTitle')}
          description={t('operations.emptyText')}
          action={<Button icon={<AddIcon />} intent="primary" text={t('operations.new')} onClick={() => setCreating(true)} />}
        />
      ) : (
        <div className="coop-split">
          <div className="table-scroll coop-list">
            <HTMLTable compact striped interactive className="data-table project-table operation-table">
              <thead>
                <tr>
                  <th>{t('operations.colName')}</th>
                  <th>{t('operations.colStatus')}</th>
                  <th>{t('operations.colActionDay')}</th>
                  <th className="num">{t('operations.colTargets')}</th>
                </tr>
              </thead>
              <tbody>
                {operations?.map((o) => (
                  <tr key={o.id} className={o.id === current ? 'selected' : undefined} aria-selected={o.id === current} onClick={() => setSelected(o.id)}>
                    <td>
                      <button type="button" className="row-link" onClick={() => setSelected(o.id)}>
                        {o.name}
                      </button>
                      {o.codeWord && <div className="muted small mono">{o.codeWord}</div>}
                    </td>
                    <td>
                      <StatusTag status={o.status} />
                    </td>
                    <td className="small">{o.actionDay ? formatPartialDate(o.actionDay) : '—'}</td>
                    <td className="num">{formatNumber(o.targets)}</td>
                  </tr>
                ))}
              </tbody>
            </HTMLTable>
          </div>
          <div className="coop-page">{current ? <OperationPage id={current} /> : <Tag minimal>{t('operations.none')}</Tag>}</div>
        </div>
      )}
      {creating && (
        <NewOperationDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setSelected(id);
            setTab('list');
          }}
        />
      )}
    </section>
  );
}
