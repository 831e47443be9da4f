import { Button, FormGroup, HTMLSelect, HTMLTable, InputGroup, Tag, TextArea } from '@blueprintjs/core';
import { AddIcon, DocumentIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionStatus, AgendaItemView, MeetingDetail } from '../../../../shared/cooperation/dto';
import type { EntitySummary } from '../../../../shared/entities/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatPartialDate } from '../../format';
import { BUREAU_RE } from '../../app/bureau';
import { today, useCoreRead, useWrite } from '../operations/useCoop';
import { EntityPicker } from '../search/EntityPicker';
import { BriefingDialog } from './BriefingDialog';
import '../search/search.css';

const STATUSES: ActionStatus[] = ['open', 'in_progress', 'done', 'cancelled'];

/** One meeting: who takes part, the agenda with minutes per item, decisions and action items. */
export function MeetingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: m, error } = useCoreRead('meeting.get', { id }, id);
  const [briefing, setBriefing] = useState(false);
  if (!m) return <ErrorCallout error={error} />;
  return (
    <article className="meeting-page" aria-labelledby="meeting-title">
      <header>
        <div className="operation-heading">
          <h2 id="meeting-title" className="project-title">
            {m.title}
          </h2>
          <Tag minimal>{t(`meetings.kind.${m.kind}`)}</Tag>
          <Button icon={<DocumentIcon />} text={t('meetings.briefing.button')} onClick={() => setBriefing(true)} />
        </div>
        {briefing && <BriefingDialog meeting={m} onClose={() => setBriefing(false)} />}
        <dl className="coop-facts">
          <dt>{t('meetings.colDate')}</dt>
          <dd>{formatPartialDate(m.date)}</dd>
          <dt>{t('meetings.place')}</dt>
          <dd>{m.place || '—'}</dd>
          <dt>{t('meetings.bureaus')}</dt>
          <dd className="project-bureaus">
            {m.bureaus.map((b) => (
              <Tag key={b} minimal className="mono">
                {b}
              </Tag>
            ))}
          </dd>
          <dt>{t('meetings.officers')}</dt>
          <dd>{m.officers.map((o) => `${o.name} (${o.bureau})`).join(', ') || '—'}</dd>
        </dl>
      </header>
      <section className="coop-section" aria-labelledby="meeting-agenda-h">
        <h3 id="meeting-agenda-h">{t('meetings.agenda')}</h3>
        {m.agenda.length === 0 && <p className="muted">{t('meetings.noItems')}</p>}
        <ol className="agenda">
          {m.agenda.map((item) => (
            <AgendaItem key={item.id} item={item} meeting={m} />
          ))}
        </ol>
        <AddItemForm meetingId={m.id} />
      </section>
      <section className="coop-section" aria-labelledby="meeting-decisions-h">
        <h3 id="meeting-decisions-h">{t('meetings.decisions')}</h3>
        {m.decisions.length === 0 ? (
          <p className="muted">{t('meetings.noDecisions')}</p>
        ) : (
          <ul className="decisions">
            {m.decisions.map((d) => (
              <li key={d.id}>
                {d.text}
                {d.itemId && <span className="muted small"> · {m.agenda.find((i) => i.id === d.itemId)?.title}</span>}
              </li>
            ))}
          </ul>
        )}
        <DecisionForm meeting={m} />
      </section>
      <section className="coop-section" aria-labelledby="meeting-actions-h">
        <h3 id="meeting-actions-h">{t('meetings.actions')}</h3>
        <ActionTable meeting={m} />
        <ActionForm meeting={m} />
      </section>
    </article>
  );
}

function AgendaItem({ item }: { item: AgendaItemView; meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [minutes, setMinutes] = useState(item.minutes);
  return (
    <li className="agenda-item" data-testid="agenda-item">
      <div className="agenda-title">{item.title}</div>
      <div className="agenda-links">
        {item.links.map((l) => (
          <Tag key={`${l.kind}-${l.ref}`} minimal intent={l.missing ? 'warning' : 'none'} className={`agenda-link kind-${l.kind}`}>
            {t(`meetings.linkKind.${l.kind}`)}: {l.label}
            {l.missing ? ` (${t('meetings.missing')})` : ''}
          </Tag>
        ))}
      </div>
      <FormGroup label={t('meetings.minutes')} labelFor={`minutes-${item.id}`} className="agenda-minutes">
        <TextArea id={`minutes-${item.id}`} value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)} fill rows={2} />
      </FormGroup>
      <Button
        size="small"
        text={t('meetings.saveMinutes')}
        disabled={minutes === item.minutes}
        loading={write.busy}
        onClick={() => void write.run(() => call('meeting.setMinutes', { itemId: item.id, minutes }))}
      />
      <ErrorCallout error={write.error} />
    </li>
  );
}

function AddItemForm({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [title, setTitle] = useState('');
  const [entities, setEntities] = useState<EntitySummary[]>([]);
  return (
    <>
      <form
        className="coop-inline-form"
        aria-label={t('meetings.addItem')}
        onSubmit={(e) => {
          e.preventDefault();
          void write
            .run(() => call('meeting.addItem', { meetingId, title: title.trim(), entities: entities.map((x) => x.id) }))
            .then((ok) => {
              if (ok) {
                setTitle('');
                setEntities([]);
              }
            });
        }}
      >
        <FormGroup label={t('meetings.itemTitle')} labelFor="item-title" className="grow">
          <InputGroup id="item-title" value={title} onValueChange={setTitle} />
        </FormGroup>
        <FormGroup label={t('meetings.itemEntities')} labelFor="item-entity" className="grow">
          <EntityPicker id="item-entity" value={null} onChange={(e) => e && !entities.some((x) => x.id === e.id) && setEntities([...entities, e])} />
          <div className="agenda-links">
            {entities.map((e) => (
              <Tag key={e.id} minimal onRemove={() => setEntities(entities.filter((x) => x.id !== e.id))}>
                {e.caption}
              </Tag>
            ))}
          </div>
        </FormGroup>
        <Button type="submit" icon={<AddIcon />} text={t('meetings.addItem')} disabled={!title.trim()} loading={write.busy} className="form-submit" />
      </form>
      <ErrorCallout error={write.error} />
    </>
  );
}

function ItemSelect({ id, meeting, value, onChange }: { id: string; meeting: MeetingDetail; value: string; onChange(v: string): void }) {
  const { t } = useTranslation();
  return (
    <HTMLSelect id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{t('meetings.wholeMeeting')}</option>
      {meeting.agenda.map((i) => (
        <option key={i.id} value={i.id}>
          {i.title}
        </option>
      ))}
    </HTMLSelect>
  );
}

function DecisionForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [text, setText] = useState('');
  const [item, setItem] = useState('');
  return (
    <>
      <form
        className="coop-inline-form"
        aria-label={t('meetings.addDecision')}
        onSubmit={(e) => {
          e.preventDefault();
          void write.run(() => call('meeting.addDecision', { meetingId: meeting.id, ...(item ? { itemId: item } : {}), text: text.trim() })).then((ok) => ok && setText(''));
        }}
      >
        <FormGroup label={t('meetings.decision')} labelFor="decision-text" className="grow">
          <InputGroup id="decision-text" value={text} onValueChange={setText} />
        </FormGroup>
        <FormGroup label={t('meetings.item')} labelFor="decision-item">
          <ItemSelect id="decision-item" meeting={meeting} value={item} onChange={setItem} />
        </FormGroup>
        <Button type="submit" icon={<AddIcon />} text={t('meetings.addDecision')} disabled={!text.trim()} loading={write.busy} className="form-submit" />
      </form>
      <ErrorCallout error={write.error} />
    </>
  );
}

function ActionTable({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const write = useWrite();
  if (meeting.actions.length === 0) return <p className="muted">{t('meetings.noActions')}</p>;
  return (
    <>
      <HTMLTable compact striped className="data-table action-table">
        <thead>
          <tr>
            <th>{t('meetings.colAction')}</th>
            <th>{t('meetings.colOwner')}</th>
            <th>{t('meetings.colDue')}</th>
            <th>{t('meetings.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {meeting.actions.map((a) => (
            <tr key={a.id} className={a.overdue ? 'overdue' : undefined} data-overdue={a.overdue}>
              <td>{a.title}</td>
              <td className="mono">{a.ownerBureau}</td>
              <td>
                {formatPartialDate(a.due)}{' '}
                {a.overdue && (
                  <Tag intent="danger" minimal className="overdue-tag">
                    {t('meetings.overdue')}
                  </Tag>
                )}
              </td>
              <td>
                <HTMLSelect
                  aria-label={t('meetings.colStatus')}
                  value={a.status}
                  onChange={(e) => {
                    const status = e.currentTarget.value as ActionStatus;
                    void write.run(() => call('meeting.setActionStatus', { id: a.id, status }));
                  }}
                >
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`meetings.actionStatus.${s}`)}
                    </option>
                  ))}
                </HTMLSelect>
              </td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
      <ErrorCallout error={write.error} />
    </>
  );
}

function ActionForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState(meeting.bureaus[0] ?? '');
  const [due, setDue] = useState(today());
  const [item, setItem] = useState('');
  const ready = title.trim() !== '' && BUREAU_RE.test(owner) && due !== '';
  return (
    <>
      <form
        className="coop-inline-form"
        aria-label={t('meetings.addAction')}
        onSubmit={(e) => {
          e.preventDefault();
          void write
            .run(() => call('meeting.addAction', { meetingId: meeting.id, ...(item ? { itemId: item } : {}), title: title.trim(), ownerBureau: owner, due }))
            .then((ok) => ok && setTitle(''));
        }}
      >
        <FormGroup label={t('meetings.colAction')} labelFor="action-title" className="grow">
          <InputGroup id="action-title" value={title} onValueChange={setTitle} />
        </FormGroup>
        <FormGroup label={t('meetings.colOwner')} labelFor="action-owner">
          <InputGroup id="action-owner" value={owner} onValueChange={(v) => setOwner(v.toUpperCase().trim())} className="mono short-input" />
        </FormGroup>
        <FormGroup label={t('meetings.colDue')} labelFor="action-due">
          <InputGroup id="action-due" type="date" value={due} onValueChange={setDue} />
        </FormGroup>
        <FormGroup label={t('meetings.item')} labelFor="action-item">
          <ItemSelect id="action-item" meeting={meeting} value={item} onChange={setItem} />
        </FormGroup>
        <Button type="submit" icon={<AddIcon />} text={t('meetings.addAction')} disabled={!ready} loading={write.busy} className="form-submit" />
      </form>
      <ErrorCallout error={write.error} />
    </>
  );
}
