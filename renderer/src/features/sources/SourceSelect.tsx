import { FormGroup, HTMLSelect } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { gradingLabel } from '../../format';
import { useSources } from './useSources';

interface Props {
  id: string;
  value: string;
  onChange(sourceId: string): void;
}

/** Which source report the new values come from: their provenance and grading. */
export function SourceSelect({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const { sources } = useSources();
  const none = sources !== null && sources.length === 0;
  return (
    <FormGroup
      label={t('source.pick')}
      labelFor={id}
      helperText={none ? t('source.pickNone') : value ? t('source.pickHelp') : t('source.pickUngraded')}
      intent={value ? 'none' : 'warning'}
    >
      <HTMLSelect
        id={id}
        fill
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        options={[
          { value: '', label: t('source.unsourced') },
          ...(sources ?? []).map((s) => ({ value: s.id, label: `${s.title} — ${gradingLabel(s)}` })),
        ]}
      />
    </FormGroup>
  );
}
