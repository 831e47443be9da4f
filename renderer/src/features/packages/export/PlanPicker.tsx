import { Checkbox, FormGroup } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { useCoreRead } from '../../operations/useCoop';

/** Operation plans to share (issue 7): the case's operations that are not concluded, with the
 * bureaus taking part; the core refuses a plan to a bureau that does not (shown in the review). */
export function PlanPicker({ value, onChange, disabled }: { value: string[]; onChange(ids: string[]): void; disabled: boolean }) {
  const { t } = useTranslation();
  const { data } = useCoreRead('operation.list', {});
  const open = (data ?? []).filter((o) => o.status !== 'concluded');
  if (data && open.length === 0) return null;
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <FormGroup label={t('packages.plans.label')} helperText={t('packages.plans.help')} className="plan-picker">
      <ul className="recipient-list">
        {open.map((o) => (
          <li key={o.id}>
            <Checkbox
              checked={value.includes(o.id)}
              disabled={disabled}
              onChange={(e) => toggle(o.id, e.currentTarget.checked)}
              labelElement={
                <span className="recipient-label">
                  <span className="officer-name">{o.codeWord ? `${o.name} (${o.codeWord})` : o.name}</span>{' '}
                  <span className="mono muted">{[o.leadBureau, ...o.bureaus.filter((b) => b !== o.leadBureau)].join(', ')}</span>
                </span>
              }
            />
          </li>
        ))}
      </ul>
    </FormGroup>
  );
}
