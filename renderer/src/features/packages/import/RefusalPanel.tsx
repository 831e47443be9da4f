import { Callout } from '@blueprintjs/core';
import { DisableIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { Refusal } from './refusal';
import { VerificationSteps } from './VerificationSteps';

/** A refused package: which check failed and why, the checks that ran, the quarantined copy.
 * Nothing of it entered the case. */
export function RefusalPanel({ refusal }: { refusal: Refusal }) {
  const { t } = useTranslation();
  return (
    <div className="refusal" data-testid="refusal" data-step={refusal.step}>
      <Callout intent="danger" icon={<DisableIcon />} title={t('packages.refusedAt', { step: t(`packages.step.${refusal.step}`, { defaultValue: refusal.step }) })}>
        <p className="refusal-message">{refusal.steps.find((s) => !s.ok)?.message ?? refusal.message}</p>
        <p className="muted">{t('packages.refusedNothing')}</p>
        {refusal.quarantine && (
          <div>
            <span className="muted">{t('packages.quarantine')}</span> <span className="mono path-text" data-testid="quarantine-path">{refusal.quarantine}</span>
          </div>
        )}
      </Callout>
      <VerificationSteps steps={refusal.steps} />
    </div>
  );
}
