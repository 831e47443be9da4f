import { HTMLTable, NonIdealState, Tag } from '@blueprintjs/core';
import { InboxIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatDateTime, formatNumber, formatPartialDate } from '../../format';
import { StatusTag } from './StatusTag';
import { useCoreRead } from './useCoop';

/**
 * Operation plans other bureaus shared in exchange packages (issue 7). Read-only on purpose: the
 * plan belongs to its sender, so nothing here edits it; targets show the entity of this case they
 * arrived as.
 */
export function ReceivedPlansView() {
  const { t } = useTranslation();
  const { data: plans, error } = useCoreRead('package.receivedPlans', {});
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? plans?.[0]?.id ?? null;
  if (plans && plans.length === 0) {
    return <NonIdealState icon={<InboxIcon size={40} />} title={t('operations.received.emptyTitle')} description={t('operations.received.emptyText')} />;
  }
  return (
    <>
      <ErrorCallout error={error} />
      <div className="coop-split">
        <div className="table-scroll coop-list">
          <HTMLTable compact striped interactive className="data-table project-table received-plan-table">
            <thead>
              <tr>
                <th>{t('operations.colName')}</th>
                <th>{t('operations.received.colFrom')}</th>
                <th>{t('operations.received.colReceived')}</th>
                <th className="num">{t('operations.colTargets')}</th>
              </tr>
            </thead>
            <tbody>
              {plans?.map((p) => (
                <tr key={p.id} className={p.id === current ? 'selected' : undefined} aria-selected={p.id === current} onClick={() => setSelected(p.id)}>
                  <td>
                    <button type="button" className="row-link" onClick={() => setSelected(p.id)}>
                      {p.name}
                    </button>
                    {p.codeWord && <div className="muted small mono">{p.codeWord}</div>}
                  </td>
                  <td>{p.sender.bureau}</td>
                  <td className="small">{formatDateTime(p.receivedAt)}</td>
                  <td className="num">{formatNumber(p.targets)}</td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
        </div>
        <div className="coop-page">{current ? <ReceivedPlan id={current} /> : null}</div>
      </div>
    </>
  );
}

function ReceivedPlan({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: p, error } = useCoreRead('package.receivedPlan', { id }, id);
  if (error) return <ErrorCallout error={error} />;
  if (!p) return null;
  return (
    <article className="received-plan" aria-label={p.name}>
      <h3>
        {p.name} {p.codeWord && <span className="muted mono">{p.codeWord}</span>} <StatusTag status={p.status} />
      </h3>
      <p className="muted small">{t('operations.received.readOnly', { officer: p.sender.officer, bureau: p.sender.bureau, sent: formatDateTime(p.sentAt) })}</p>
      <dl className="received-plan-facts">
        <dt>{t('operations.received.lead')}</dt>
        <dd>{p.leadBureau}</dd>
        <dt>{t('operations.received.bureaus')}</dt>
        <dd>{p.bureaus.join(', ')}</dd>
        <dt>{t('operations.received.actionDay')}</dt>
        <dd>{p.actionDay ? formatPartialDate(p.actionDay) : '—'}</dd>
      </dl>
      <h4>{t('operations.received.targets')}</h4>
      <ul className="received-plan-targets">
        {p.targetList.map((tg) => (
          <li key={tg.entityId}>
            {tg.mapped ? tg.mapped.caption : <Tag minimal>{t('operations.received.notInCase')}</Tag>} <span className="muted small">{tg.bureau}</span> {tg.reason}
          </li>
        ))}
      </ul>
      {p.phases.length > 0 && (
        <>
          <h4>{t('operations.received.phases')}</h4>
          <ul>
            {p.phases.map((ph) => (
              <li key={ph.id}>
                {ph.name} <span className="muted small">{`${ph.start} – ${ph.end}`}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {p.tasks.length > 0 && (
        <>
          <h4>{t('operations.received.tasks')}</h4>
          <ul>
            {p.tasks.map((tk) => (
              <li key={tk.id}>
                {tk.title} <span className="muted small">{`${tk.owner} · ${tk.start} – ${tk.end}`}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {p.actionDayEvents.length > 0 && (
        <ul>
          {p.actionDayEvents.map((e) => (
            <li key={`${e.bureau}:${e.at}:${e.label}`}>
              {e.label} <span className="muted small">{`${e.bureau} · ${e.at.slice(0, 16).replace('T', ' ')} UTC · ${e.timeZone}`}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
