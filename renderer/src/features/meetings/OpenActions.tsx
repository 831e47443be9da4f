import { HTMLTable, NonIdealState, Tag } from '@blueprintjs/core';
import { TickCircleIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatPartialDate } from '../../format';
import { useCoreRead } from '../operations/useCoop';

/** Open and in-progress action items of every meeting, earliest due first, overdue ones marked. */
export function OpenActions({ onOpen }: { onOpen(meetingId: string): void }) {
  const { t } = useTranslation();
  const { data: items, error } = useCoreRead('meeting.openActions', {});
  return (
    <div className="table-scroll open-actions">
      <ErrorCallout error={error} />
      {items && items.length === 0 ? (
        <NonIdealState icon={<TickCircleIcon size={40} />} title={t('meetings.noOpenActions')} />
      ) : (
        <HTMLTable compact striped className="data-table open-actions-table">
          <thead>
            <tr>
              <th>{t('meetings.colDue')}</th>
              <th>{t('meetings.colAction')}</th>
              <th>{t('meetings.colOwner')}</th>
              <th>{t('meetings.colStatus')}</th>
              <th>{t('meetings.colMeeting')}</th>
            </tr>
          </thead>
          <tbody>
            {items?.map((a) => (
              <tr key={a.id} className={a.overdue ? 'overdue' : undefined} data-overdue={a.overdue}>
                <td>
                  {formatPartialDate(a.due)}{' '}
                  {a.overdue && (
                    <Tag intent="danger" minimal className="overdue-tag">
                      {t('meetings.overdue')}
                    </Tag>
                  )}
                </td>
                <td>{a.title}</td>
                <td className="mono">{a.ownerBureau}</td>
                <td>{t(`meetings.actionStatus.${a.status}`)}</td>
                <td>
                  <button type="button" className="row-link" onClick={() => onOpen(a.meetingId)}>
                    {a.meetingTitle}
                  </button>{' '}
                  <span className="muted small">{formatPartialDate(a.meetingDate)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
    </div>
  );
}
