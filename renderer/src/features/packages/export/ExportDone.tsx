import { Callout, HTMLTable } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../../../shared/exchange/dto';
import { formatBytes } from '../bytes';
import { formatNumber } from '../../../format';
import { MarkingTags } from '../TlpTag';

/** What was written: where, how big, to whom and as which number in each recipient's series. */
export function ExportDone({ result }: { result: ExportResult }) {
  const { t } = useTranslation();
  return (
    <div className="export-done" data-testid="export-done">
      <Callout intent="success" title={t('packages.written')}>
        <div className="mono path-text">{result.path}</div>
        <div className="muted small">
          {t('packages.writtenDetail', { bytes: formatBytes(result.bytes), id: result.packageId })}
        </div>
        <div>
          <MarkingTags tlp={result.review.highest.tlp} handling={result.review.highest.handling} />
        </div>
      </Callout>
      <HTMLTable compact className="data-table">
        <thead>
          <tr>
            <th>{t('packages.colRecipient')}</th>
            <th className="num">{t('packages.colSequence')}</th>
          </tr>
        </thead>
        <tbody>
          {result.review.recipients.map((r) => (
            <tr key={r.id}>
              <td>
                {r.name} <span className="mono">{r.bureau}</span>
              </td>
              <td className="num">{formatNumber(result.sequence[r.id] ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
      <p className="muted">{t('packages.writtenNext')}</p>
    </div>
  );
}
