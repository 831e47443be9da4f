import { Button, Card, NonIdealState } from '@blueprintjs/core';
import { ExportIcon, KeyIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../../shared/exchange/dto';
import { formatDateTime } from '../../format';
import { ExportCardDialog } from './ExportCardDialog';
import { Fingerprint } from './Fingerprint';
import { InitIdentityDialog } from './InitIdentityDialog';

/** "My identity": this workstation's officer and keys, or the way to create them. */
export function IdentityPanel({ me, loaded }: { me: OfficerView | null; loaded: boolean }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'init' | 'card' | null>(null);
  if (!loaded) return null;
  return (
    <Card className="identity-card" compact aria-labelledby="identity-title">
      <h3 className="identity-title" id="identity-title">
        {t('officers.me')}
      </h3>
      {me ? (
        <div className="identity-body">
          <dl className="identity-facts">
            <dt>{t('officers.name')}</dt>
            <dd data-testid="me-name">
              {me.name}
              {me.role && <span className="muted"> · {me.role}</span>}
            </dd>
            <dt>{t('officers.bureau')}</dt>
            <dd>
              <span className="mono">{me.bureau.code}</span>
              {me.bureau.name && <span className="muted"> · {me.bureau.name}</span>}
              {me.bureau.country && <span className="muted"> · {me.bureau.country}</span>}
            </dd>
            <dt>{t('officers.fingerprint')}</dt>
            <dd>
              <Fingerprint groups={me.fingerprintGroups} large />
            </dd>
            <dt>{t('officers.validity')}</dt>
            <dd>
              {me.validUntil
                ? t('officers.validRange', { from: formatDateTime(me.validFrom), until: formatDateTime(me.validUntil) })
                : t('officers.validFrom', { from: formatDateTime(me.validFrom) })}
            </dd>
          </dl>
          <Button icon={<ExportIcon />} text={t('officers.cardExport')} onClick={() => setDialog('card')} />
        </div>
      ) : (
        <NonIdealState
          icon={<KeyIcon size={32} />}
          title={t('officers.noIdentity')}
          description={t('officers.noIdentityText')}
          action={<Button intent="primary" icon={<KeyIcon />} text={t('officers.initOpen')} onClick={() => setDialog('init')} />}
          layout="horizontal"
        />
      )}
      {dialog === 'init' && <InitIdentityDialog onClose={() => setDialog(null)} />}
      {dialog === 'card' && me && <ExportCardDialog me={me} onClose={() => setDialog(null)} />}
    </Card>
  );
}
