import { Tag, Tooltip } from '@blueprintjs/core';
import { BanCircleIcon, TickCircleIcon, WarningSignIcon, TimeIcon, BadgeIcon } from '@blueprintjs/icons';
import type { ReactElement } from 'react';
import type { OfficerStatus, OfficerView } from '../../../../shared/exchange/dto';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';

const LOOK: Record<OfficerStatus, { intent: 'success' | 'warning' | 'danger' | 'primary' | 'none'; icon: ReactElement }> = {
  self: { intent: 'primary', icon: <BadgeIcon /> },
  verified: { intent: 'success', icon: <TickCircleIcon /> },
  unverified: { intent: 'warning', icon: <WarningSignIcon /> },
  revoked: { intent: 'danger', icon: <BanCircleIcon /> },
  expired: { intent: 'danger', icon: <TimeIcon /> },
};

type Trust = Pick<OfficerView, 'status' | 'verifiedAt' | 'verifiedBy' | 'revokedAt' | 'revokedReason' | 'validUntil'>;

/** The trust in a partner's key, wherever an officer is shown: verified on a date by whom,
 * unverified, revoked (with the reason) or expired. */
export function TrustTag({ officer, detailed = false }: { officer: Trust; detailed?: boolean }) {
  const { t } = useTranslation();
  const look = LOOK[officer.status];
  const detail =
    officer.status === 'verified' && officer.verifiedAt
      ? t('officers.verifiedOn', { date: formatDateTime(officer.verifiedAt), by: officer.verifiedBy ?? '—' })
      : officer.status === 'revoked' && officer.revokedAt
        ? t('officers.revokedOn', { date: formatDateTime(officer.revokedAt), reason: officer.revokedReason ?? '—' })
        : officer.status === 'expired' && officer.validUntil
          ? t('officers.expiredOn', { date: formatDateTime(officer.validUntil) })
          : null;
  const tag = (
    <Tag minimal intent={look.intent} icon={look.icon} className="trust-tag" data-status={officer.status}>
      {t(`officers.status.${officer.status}`)}
    </Tag>
  );
  if (detailed) {
    return (
      <span className="trust">
        {tag}
        {detail && <span className="muted small trust-detail">{detail}</span>}
      </span>
    );
  }
  return detail ? <Tooltip content={detail}>{tag}</Tooltip> : tag;
}
