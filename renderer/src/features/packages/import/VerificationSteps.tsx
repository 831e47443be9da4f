import { ErrorIcon, TickCircleIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { VerificationStep } from '../../../../../shared/exchange/dto';

/** Every check the core ran, in order: passed or failed, with its precise message. */
export function VerificationSteps({ steps }: { steps: VerificationStep[] }) {
  const { t } = useTranslation();
  return (
    <ol className="verify-steps" aria-label={t('packages.checks')}>
      {steps.map((s, i) => (
        <li key={`${s.step}-${i}`} className={s.ok ? 'ok' : 'failed'} data-step={s.step} data-ok={s.ok}>
          {s.ok ? <TickCircleIcon className="step-icon" title={t('packages.passed')} /> : <ErrorIcon className="step-icon" title={t('packages.failed')} />}
          <span className="step-name">{t(`packages.step.${s.step}`, { defaultValue: s.step })}</span>
          <span className="step-message">{s.message}</span>
        </li>
      ))}
    </ol>
  );
}
