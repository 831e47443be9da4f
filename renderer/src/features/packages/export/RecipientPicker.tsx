import { Checkbox, FormGroup } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../../../shared/exchange/dto';
import { Fingerprint } from '../../officers/Fingerprint';
import { TrustTag } from '../../officers/TrustTag';

/** The recipients: only officers whose keys were verified can be chosen; the others are shown
 * with their trust status so the officer knows why. */
export function RecipientPicker({ officers, value, onChange, disabled }: { officers: OfficerView[]; value: string[]; onChange(ids: string[]): void; disabled: boolean }) {
  const { t } = useTranslation();
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <FormGroup label={t('packages.recipients')} helperText={t('packages.recipientsHelp')} className="recipient-picker">
      {officers.length === 0 && <p className="muted">{t('packages.noOfficers')}</p>}
      <ul className="recipient-list">
        {officers.map((o) => {
          const allowed = o.status === 'verified';
          return (
            <li key={o.id} className={allowed ? undefined : 'not-allowed'}>
              <Checkbox
                checked={value.includes(o.id)}
                disabled={disabled || !allowed}
                onChange={(e) => toggle(o.id, e.currentTarget.checked)}
                labelElement={
                  <span className="recipient-label">
                    <span className="officer-name">{o.name}</span> <span className="mono">{o.bureau.code}</span> <TrustTag officer={o} />
                  </span>
                }
              />
              <div className="recipient-fp">
                <Fingerprint groups={o.fingerprintGroups} />
              </div>
            </li>
          );
        })}
      </ul>
    </FormGroup>
  );
}
