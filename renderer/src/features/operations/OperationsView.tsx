import { Tag } from '@blueprintjs/core';
import { TargetIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationSummary } from '../../../../shared/cooperation/dto';
import { formatNumber, formatPartialDate } from '../../format';
import { CoopPane, ListDetail, NewButton, type ListColumn } from './CoopPane';
import { DeconflictionView } from './DeconflictionView';
import { NewOperationDialog } from './NewOperationDialog';
import { OperationPage } from './OperationPage';
import { ReceivedPlansView } from './ReceivedPlansView';
import { StatusTag } from './StatusTag';
import { useCoreRead } from './useCoop';

type OpsTab = 'list' | 'deconfliction' | 'received';

/** Joint operations: the list and the chosen operation's page; the deconfliction list and the plans received from other bureaus beside. */
export function OperationsView() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<OpsTab>('list');
  const { data: operations, error } = useCoreRead('operation.list', {});
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? operations?.[0]?.id ?? null;
  const open = (id: string) => {
    setSelected(id);
    setTab('list');
  };
  const columns: ListColumn<OperationSummary>[] = [
    {
      title: t('operations.colName'),
      cell: (o) => (
        <>
          <button type="button" className="row-link" onClick={() => setSelected(o.id)}>
            {o.name}
          </button>
          {o.codeWord && <div className="muted small mono">{o.codeWord}</div>}
        </>
      ),
    },
    { title: t('operations.colStatus'), cell: (o) => <StatusTag status={o.status} /> },
    { title: t('operations.colActionDay'), cell: (o) => <span className="small">{o.actionDay ? formatPartialDate(o.actionDay) : '—'}</span> },
    { title: t('operations.colTargets'), numeric: true, cell: (o) => formatNumber(o.targets) },
  ];
  return (
    <CoopPane<OpsTab>
      name="operations"
      title={t('operations.title')}
      tabs={[
        { id: 'list', title: t('operations.tabList') },
        { id: 'deconfliction', title: t('operations.tabDeconfliction') },
        { id: 'received', title: t('operations.tabReceived') },
      ]}
      tab={tab}
      onTab={setTab}
      newLabel={t('operations.new')}
      onNew={() => setCreating(true)}
      error={error}
    >
      {tab === 'received' ? (
        <ReceivedPlansView />
      ) : tab === 'deconfliction' ? (
        <DeconflictionView onOpen={open} />
      ) : (
        <ListDetail
          rows={operations}
          current={current}
          onSelect={setSelected}
          columns={columns}
          tableClass="operation-table"
          empty={{
            icon: <TargetIcon size={40} />,
            title: t('operations.emptyTitle'),
            description: t('operations.emptyText'),
            action: <NewButton text={t('operations.new')} onClick={() => setCreating(true)} />,
          }}
          page={current ? <OperationPage id={current} /> : <Tag minimal>{t('operations.none')}</Tag>}
        />
      )}
      {creating && (
        <NewOperationDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            open(id);
          }}
        />
      )}
    </CoopPane>
  );
}
