import { Button, Callout, H4 } from '@blueprintjs/core';
import { KeyIcon, TickIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';

/** A recovery key, shown once, in groups to copy onto paper; the user confirms before it goes. */
export function RecoveryKeyCard({ recoveryKey, onDone }: { recoveryKey: string; onDone(): void }) {
  const { t } = useTranslation();
  return (
    <Callout className="recovery-key" intent="warning" icon={<KeyIcon />} role="region" aria-labelledby="recovery-key-title">
      <H4 id="recovery-key-title">{t('casefile.recovery.title')}</H4>
      <p>{t('casefile.recovery.text')}</p>
      <p className="recovery-key-groups" data-testid="recovery-key">
        {recoveryKey.split('-').map((g, i) => (
          <span key={i} className="recovery-key-group">
            {g}
          </span>
        ))}
      </p>
      <p className="muted">{t('casefile.recovery.once')}</p>
      <Button intent="primary" icon={<TickIcon />} text={t('casefile.recovery.done')} onClick={onDone} />
    </Callout>
  );
}
