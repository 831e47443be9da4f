import { Callout } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, OfficerView } from '../../../../../shared/exchange/dto';
import { formatDateTime, formatNumber } from '../../../format';
import { countsText } from '../countsText';
import { PackageSummaryCard } from './PackageSummaryCard';
import { PreviewItems } from './PreviewItems';
import { VerificationSteps } from './VerificationSteps';

interface Props {
  preview: ImportPreview;
  sender: OfficerView | undefined;
  accepted: Set<string>;
  onToggle(id: string, on: boolean): void;
  onToggleAll(on: boolean): void;
}

/** A verified package, before anything is imported: the checks, who sent it, what it holds,
 * what would match existing entities, and what import would leave out. */
export function PreviewPanel({ preview, sender, accepted, onToggle, onToggleAll }: Props) {
  const { t } = useTranslation();
  const c = preview.counts;
  return (
    <div className="import-preview" data-testid="import-preview">
      <div className="form-row">
        <div className="grow">
          <h3 className="section-title">{t('packages.checks')}</h3>
          <VerificationSteps steps={preview.steps} />
        </div>
        <div className="grow">
          <h3 className="section-title">{t('packages.package')}</h3>
          <PackageSummaryCard summary={preview.package} sender={sender} />
        </div>
      </div>
      {preview.receipt ? (
        <Callout intent="primary" title={t('packages.receiptFor', { id: preview.receipt.packageId })}>
          {t('packages.receiptDetail', { date: formatDateTime(preview.receipt.importedAt), accepted: t(`packages.accepted.${preview.receipt.accepted}`) })}
        </Callout>
      ) : (
        <>
          <div className="preview-figures">
            {t('packages.holds', { list: countsText(t, c, ['entities', 'links', 'statements', 'sources', 'retractions']) })}{' '}
            <span className="muted">
              {t('packages.matchesSummary', { sameId: formatNumber(preview.matches.sameId), sameName: formatNumber(preview.matches.sameName) })}
            </span>
            {Object.keys(preview.byOriginator).length > 0 && (
              <div className="muted small">
                {t('packages.byOriginator')}{' '}
                {Object.entries(preview.byOriginator)
                  .map(([b, n]) => `${b} ${formatNumber(n)}`)
                  .join(' · ')}
              </div>
            )}
          </div>
          {preview.plans.length > 0 && (
            <Callout intent="primary" compact title={t('packages.plans.inPackage', { count: preview.plans.length })} className="preview-plans">
              <ul>
                {preview.plans.map((p) => (
                  <li key={p.id}>{t('packages.plans.previewRow', { name: p.codeWord ? `${p.name} (${p.codeWord})` : p.name, lead: p.leadBureau, count: p.targets })}</li>
                ))}
              </ul>
              <div className="muted small">{t('packages.plans.previewHelp')}</div>
            </Callout>
          )}
          {preview.notices.length > 0 && (
            <Callout intent="warning" compact title={t('packages.notices')}>
              <ul>
                {preview.notices.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </Callout>
          )}
          <PreviewItems items={preview.items} accepted={accepted} onToggle={onToggle} onToggleAll={onToggleAll} />
          {preview.truncated && <p className="muted small">{t('packages.itemsTruncated', { n: formatNumber(preview.items.length) })}</p>}
        </>
      )}
    </div>
  );
}
