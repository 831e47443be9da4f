import { Tag } from '@blueprintjs/core';
import { DocumentIcon, WarningSignIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import { SCHEMES } from '../../../../shared/grading';
import type { StatementView } from '../../../../shared/entities/dto';
import { formatDateTime, gradingLabel } from '../../format';

/** Where one value came from: the source report, its grading in its own scheme, the originator. */
export function ProvenanceCard({ statement }: { statement: StatementView }) {
  const { t } = useTranslation();
  const s = statement.source;
  const tlp = s?.tlp ? s.tlp.toLowerCase().replace('+', '-') : 'none';
  return (
    <div className="provenance" data-testid="provenance">
      {s ? (
        <>
          <Tag minimal className={`grading tlp-${tlp}`} title={SCHEMES[s.scheme]?.label ?? s.scheme}>
            {gradingLabel(s)}
          </Tag>
          <span className="provenance-source" title={s.title}>
            <DocumentIcon size={12} />
            <span className="provenance-title">{s.title}</span>
          </span>
        </>
      ) : (
        <span className="provenance-unsourced">
          <WarningSignIcon size={12} /> {t('provenance.unsourced')}
        </span>
      )}
      <span className="provenance-meta" title={t('provenance.seen', { first: formatDateTime(statement.firstSeen), last: formatDateTime(statement.lastSeen) })}>
        {t('provenance.by', { bureau: statement.originator })} · {formatDateTime(statement.firstSeen)}
      </span>
    </div>
  );
}
