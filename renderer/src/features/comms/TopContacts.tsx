import { Button, HTMLTable } from '@blueprintjs/core';
import { FilterIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { TopContact } from '../../../../shared/comms/dto';
import { formatDateTime, formatDuration, formatNumber } from '../../format';

interface Props {
  contacts: readonly TopContact[];
  /** The contact whose events the table below shows, if one. */
  picked: string | null;
  onPick(contact: TopContact | null): void;
  onOpen(id: string): void;
}

/** A phone's contacts by number of events, with total duration and first and last contact. */
export function TopContacts({ contacts, picked, onPick, onOpen }: Props) {
  const { t } = useTranslation();
  if (contacts.length === 0) return <p className="muted">{t('comms.panel.noContacts')}</p>;
  return (
    <div className="table-scroll comms-top">
      <HTMLTable compact striped interactive className="data-table" aria-label={t('comms.panel.topTable')}>
        <thead>
          <tr>
            <th>{t('comms.panel.contact')}</th>
            <th className="num">{t('comms.panel.events')}</th>
            <th className="num">{t('comms.panel.calls')}</th>
            <th className="num">{t('comms.panel.sms')}</th>
            <th className="num">{t('comms.panel.duration')}</th>
            <th>{t('comms.panel.first')}</th>
            <th>{t('comms.panel.last')}</th>
            <th aria-label={t('comms.panel.filter')} />
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.id} className={picked === c.id ? 'comms-picked' : undefined}>
              <td>
                <Button variant="minimal" size="small" className="mono" text={<bdi dir="ltr">{c.caption || c.phone}</bdi>} title={t('comms.panel.open')} onClick={() => onOpen(c.id)} />
              </td>
              <td className="num">{formatNumber(c.events)}</td>
              <td className="num">{formatNumber(c.calls)}</td>
              <td className="num">{formatNumber(c.sms)}</td>
              <td className="num">{formatDuration(c.durationS)}</td>
              <td>{formatDateTime(c.first)}</td>
              <td>{formatDateTime(c.last)}</td>
              <td>
                <Button
                  variant="minimal"
                  size="small"
                  icon={<FilterIcon />}
                  active={picked === c.id}
                  aria-label={t('comms.panel.eventsWith', { phone: c.caption || c.phone })}
                  onClick={() => onPick(picked === c.id ? null : c)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
    </div>
  );
}
