import { Callout } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { OfficerView, PackageSummary } from '../../../../../shared/exchange/dto';
import { formatDateTime, formatNumber } from '../../../format';
import { Fingerprint } from '../../officers/Fingerprint';
import { TrustTag } from '../../officers/TrustTag';
import { formatBytes } from '../bytes';
import { MarkingTags } from '../TlpTag';

/** Who sent the package, to whom, when, its marking and its place in the sender's series. */
export function PackageSummaryCard({ summary, sender }: { summary: PackageSummary; sender: OfficerView | undefined }) {
  const { t } = useTranslation();
  const s = summary;
  return (
    <div className="package-summary">
      <dl className="facts">
        <dt>{t('packages.from')}</dt>
        <dd data-testid="package-sender">
          <strong>{s.sender.name}</strong> <span className="mono">{s.sender.bureau}</span> {sender && <TrustTag officer={sender} />}
          <div>
            <Fingerprint groups={s.sender.fingerprintGroups} />
          </div>
        </dd>
        <dt>{t('packages.to')}</dt>
        <dd>
          {s.recipients.map((r, i) => (
            <span key={i} className={r.me ? 'recipient-me' : undefined}>
              {i > 0 && ', '}
              {r.officer} <span className="mono">{r.bureau}</span>
              {r.me && <span className="muted"> {t('packages.me')}</span>}
            </span>
          ))}
        </dd>
        <dt>{t('packages.created')}</dt>
        <dd>{formatDateTime(s.created)}</dd>
        <dt>{t('packages.marking')}</dt>
        <dd>
          <MarkingTags tlp={s.tlp} handling={s.handling} />
        </dd>
        <dt>{t('packages.sequence')}</dt>
        <dd>{t('packages.sequenceValue', { n: formatNumber(s.sequence.number), expected: formatNumber(s.sequence.expected) })}</dd>
        {s.project && (
          <>
            <dt>{t('packages.project')}</dt>
            <dd>{s.project.name}</dd>
          </>
        )}
        <dt>{t('packages.size')}</dt>
        <dd>
          {formatBytes(s.payloadBytes)} · <span className="mono small">{s.packageId}</span>
        </dd>
      </dl>
      {s.sequence.gap && (
        <Callout intent="warning" compact>
          {s.sequence.gap}
        </Callout>
      )}
    </div>
  );
}
