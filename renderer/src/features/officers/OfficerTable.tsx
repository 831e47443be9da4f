import { Button, ButtonGroup, HTMLTable } from '@blueprintjs/core';
import { BanCircleIcon, TickCircleIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../../shared/exchange/dto';
import { formatDateTime } from '../../format';
import { Fingerprint } from './Fingerprint';
import { TrustTag } from './TrustTag';

interface Props {
  officers: OfficerView[];
  onVerify(o: OfficerView): void;
  onRevoke(o: OfficerView): void;
}

/** The directory of partner bureaus and their contact officers, one row per key. */
export function OfficerTable({ officers, onVerify, onRevoke }: Props) {
  const { t } = useTranslation();
  const sorted = [...officers].sort((a, b) => a.bureau.code.localeCompare(b.bureau.code) || a.name.localeCompare(b.name));
  return (
    <div className="table-scroll">
      <HTMLTable compact striped className="data-table officer-table">
        <thead>
          <tr>
            <th>{t('officers.colBureau')}</th>
            <th>{t('officers.colOfficer')}</th>
            <th>{t('officers.colContact')}</th>
            <th>{t('officers.colFingerprint')}</th>
            <th>{t('officers.colTrust')}</th>
            <th>{t('officers.colValidity')}</th>
            <th>
              <span className="visually-hidden">{t('officers.colActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((o) => (
            <tr key={o.id} data-officer={o.id}>
              <td>
                <span className="mono">{o.bureau.code}</span>
                <div className="muted small">{[o.bureau.name, o.bureau.country].filter(Boolean).join(' · ')}</div>
              </td>
              <td>
                <span className="officer-name">{o.name}</span>
                <div className="muted small">{[o.role, o.languages.join(', ')].filter(Boolean).join(' · ')}</div>
              </td>
              <td className="small">
                {o.phone && <div>{o.phone}</div>}
                {o.email && <div className="mono">{o.email}</div>}
              </td>
              <td>
                <Fingerprint groups={o.fingerprintGroups} />
              </td>
              <td>
                <TrustTag officer={o} detailed />
              </td>
              <td className="small">{o.validUntil ? t('officers.until', { date: formatDateTime(o.validUntil) }) : t('officers.noExpiry')}</td>
              <td className="row-actions">
                <ButtonGroup variant="minimal">
                  {(o.status === 'unverified' || o.status === 'verified') && (
                    <Button size="small" icon={<TickCircleIcon />} text={o.status === 'verified' ? t('officers.reverify') : t('officers.verify')} onClick={() => onVerify(o)} />
                  )}
                  {o.status !== 'revoked' && <Button size="small" intent="danger" icon={<BanCircleIcon />} text={t('officers.revoke')} onClick={() => onRevoke(o)} />}
                </ButtonGroup>
              </td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
    </div>
  );
}
