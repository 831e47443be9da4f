import { ProgressBar, type Intent } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { estimateBits, strengthOf, type Strength } from './passphraseStrength';

const INTENT: Record<Strength, Intent> = { empty: 'none', weak: 'danger', fair: 'warning', good: 'primary', strong: 'success' };
const VALUE: Record<Strength, number> = { empty: 0, weak: 0.2, fair: 0.5, good: 0.75, strong: 1 };

export function StrengthHint({ passphrase }: { passphrase: string }) {
  const { t } = useTranslation();
  const strength = strengthOf(passphrase);
  return (
    <div className="strength" data-strength={strength} aria-live="polite">
      <ProgressBar value={VALUE[strength]} intent={INTENT[strength]} animate={false} stripes={false} />
      <span className="strength-text">
        {strength === 'empty' ? t('start.strength.empty') : t(`start.strength.${strength}`, { bits: estimateBits(passphrase) })}
      </span>
    </div>
  );
}
