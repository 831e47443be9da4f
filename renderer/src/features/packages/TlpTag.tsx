import { Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { Tlp } from '../../../../shared/grading';

/** The most restrictive TLP and handling code of a package, coloured like the banner. */
export function MarkingTags({ tlp, handling }: { tlp: Tlp | null; handling: string | null }) {
  const { t } = useTranslation();
  if (!tlp && !handling) return <span className="muted">{t('packages.noMarking')}</span>;
  return (
    <span className="marking-tags">
      {tlp && (
        <Tag minimal className={`grading tlp-${tlp.toLowerCase().replace('+', '-')}`}>
          {`TLP:${tlp}`}
        </Tag>
      )}
      {handling && (
        <Tag minimal className="grading">
          {handling}
        </Tag>
      )}
    </span>
  );
}
