import { Button, HTMLTable, NonIdealState, Tab, Tabs, Tag } from '@blueprintjs/core';
import { AddIcon, ChatIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatNumber, formatPartialDate } from '../../format';
import { useCoreRead } from '../operations/useCoop';
import { MeetingPage } from './MeetingPage';
import { NewMeetingDialog } from './NewMeetingDialog';
import { OpenActions } from './OpenActions';
import '../projects/projects.css';
import '../operations/operations.css';
import './meetings.css';

/** Bilateral and multilateral meetings, and the open action items across all of them. */
export function MeetingsView() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'list' | 'actions'>('list');
  const { data: meetings, error } = useCoreRead('meeting.list', {});
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? meetings?.[0]?.id ?? null;
  return (
    <section className="meetings-view pane" aria-labelledby="meetings-title">
      <header className="pane-header">
        <h2 className="pane-title" id="meetings-title">
          {t('meetings.title')}
        </h2>
        <Tabs id="meetings-tabs" selectedTabId={tab} onChange={(id) => setTab(id as 'list' | 'actions')} className="coop-tabs">
          <Tab id="list" title={t('meetings.tabList')} />
          <Tab id="actions" title={t('meetings.tabActions')} />
        </Tabs>
        <Button className="pane-action" size="small" intent="primary" icon={<AddIcon />} text={t('meetings.new')} onClick={() => setCreating(true)} />
      </header>
      <ErrorCallout error={error} />
      {tab === 'actions' ? (
        <OpenActions
          onOpen={(id) => {
            setSelected(id);
            setTab('list');
          }}
        />
      ) : meetings && meetings.length === 0 ? (
        <NonIdealState
          icon={<ChatIcon size={40} />}
          title={t('meetings.emptyTitle')}
          description={t('meetings.emptyText')}
          action={<Button icon={<AddIcon />} intent="primary" text={t('meetings.new')} onClick={() => setCreating(true)} />}
        />
      ) : (
        <div className="coop-split">
          <div className="table-scroll coop-list">
            <HTMLTable compact striped interactive className="data-table project-table meeting-table">
              <thead>
                <tr>
                  <th>{t('meetings.colTitle')}</th>
                  <th>{t('meetings.colDate')}</th>
                  <th className="num">{t('meetings.colOpen')}</th>
                </tr>
              </thead>
              <tbody>
                {meetings?.map((m) => (
                  <tr key={m.id} className={m.id === current ? 'selected' : undefined} aria-selected={m.id === current} onClick={() => setSelected(m.id)}>
                    <td>
                      <button type="button" className="row-link" onClick={() => setSelected(m.id)}>
                        {m.title}
                      </button>
                      <div className="muted small">
                        {t(`meetings.kind.${m.kind}`)} · <span className="mono">{m.bureaus.join(', ')}</span>
                      </div>
                    </td>
                    <td className="small">{formatPartialDate(m.date)}</td>
                    <td className="num">{m.openActions ? <Tag minimal>{formatNumber(m.openActions)}</Tag> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </HTMLTable>
          </div>
          <div className="coop-page">{current && <MeetingPage id={current} />}</div>
        </div>
      )}
      {creating && (
        <NewMeetingDialog
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
