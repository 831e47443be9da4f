import { Tag } from '@blueprintjs/core';
import { ChatIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../../shared/cooperation/dto';
import { formatNumber, formatPartialDate } from '../../format';
import { CoopPane, ListDetail, NewButton, type ListColumn } from '../operations/CoopPane';
import { useCoreRead } from '../operations/useCoop';
import { MeetingPage } from './MeetingPage';
import { NewMeetingDialog } from './NewMeetingDialog';
import { OpenActions } from './OpenActions';
import './meetings.css';

type MeetingsTab = 'list' | 'actions';

/** Bilateral and multilateral meetings, and the open action items across all of them. */
export function MeetingsView() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<MeetingsTab>('list');
  const { data: meetings, error } = useCoreRead('meeting.list', {});
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? meetings?.[0]?.id ?? null;
  const open = (id: string) => {
    setSelected(id);
    setTab('list');
  };
  const columns: ListColumn<MeetingSummary>[] = [
    {
      title: t('meetings.colTitle'),
      cell: (m) => (
        <>
          <button type="button" className="row-link" onClick={() => setSelected(m.id)}>
            {m.title}
          </button>
          <div className="muted small">
            {t(`meetings.kind.${m.kind}`)} · <span className="mono">{m.bureaus.join(', ')}</span>
          </div>
        </>
      ),
    },
    { title: t('meetings.colDate'), cell: (m) => <span className="small">{formatPartialDate(m.date)}</span> },
    { title: t('meetings.colOpen'), numeric: true, cell: (m) => (m.openActions ? <Tag minimal>{formatNumber(m.openActions)}</Tag> : '—') },
  ];
  return (
    <CoopPane<MeetingsTab>
      name="meetings"
      title={t('meetings.title')}
      tabs={[
        { id: 'list', title: t('meetings.tabList') },
        { id: 'actions', title: t('meetings.tabActions') },
      ]}
      tab={tab}
      onTab={setTab}
      newLabel={t('meetings.new')}
      onNew={() => setCreating(true)}
      error={error}
    >
      {tab === 'actions' ? (
        <OpenActions onOpen={open} />
      ) : (
        <ListDetail
          rows={meetings}
          current={current}
          onSelect={setSelected}
          columns={columns}
          tableClass="meeting-table"
          empty={{
            icon: <ChatIcon size={40} />,
            title: t('meetings.emptyTitle'),
            description: t('meetings.emptyText'),
            action: <NewButton text={t('meetings.new')} onClick={() => setCreating(true)} />,
          }}
          page={current && <MeetingPage id={current} />}
        />
      )}
      {creating && (
        <NewMeetingDialog
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
