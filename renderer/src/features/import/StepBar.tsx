import { Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';

export type Step = 'file' | 'preview' | 'mapping' | 'dryrun' | 'run';

/** Where the analyst is in the wizard; spreadsheets have two more steps than other formats. */
export function StepBar({ steps, current }: { steps: readonly Step[]; current: Step }) {
  const { t } = useTranslation();
  const at = steps.indexOf(current);
  return (
    <ol className="import-steps" aria-label={t('import.steps')}>
      {steps.map((s, i) => (
        <li key={s} aria-current={s === current ? 'step' : undefined} className={i < at ? 'step-done' : s === current ? 'step-current' : 'step-next'}>
          <Tag round minimal={s !== current} intent={s === current ? 'primary' : 'none'}>
            {i + 1}
          </Tag>{' '}
          {t(`import.step.${s}`)}
        </li>
      ))}
    </ol>
  );
}
