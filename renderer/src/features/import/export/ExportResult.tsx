import { Callout } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { ExportReport } from '../../../../../shared/interchange/dto';
import { formatNumber } from '../../../format';

/** What was written, where, and what was left out for its handling code. */
export function ExportResult({ report }: { report: ExportReport }) {
  const { t } = useTranslation();
  const marking = [report.handling, report.tlp ? `TLP:${report.tlp}` : null].filter(Boolean).join(' · ');
  return (
    <div className="export-result" data-testid="export-result">
      <Callout intent="success" title={t('export.done', { entities: formatNumber(report.entities), links: formatNumber(report.links) })} role="status">
        <ul className="export-files">
          {report.files.map((f) => (
            <li key={f} className="mono">
              {f}
            </li>
          ))}
        </ul>
        {marking && <p>{t('export.marking', { marking })}</p>}
      </Callout>
      {report.restrictedIncluded > 0 && (
        <Callout intent="danger" compact className="export-includes">
          {t('export.included', { count: report.restrictedIncluded, values: formatNumber(report.restrictedIncluded) })}
        </Callout>
      )}
      {(report.withheldValues > 0 || report.withheldItems > 0) && (
        <Callout intent="warning" compact>
          {t('export.withheld', { count: report.withheldValues, values: formatNumber(report.withheldValues) })}
          {report.withheldItems > 0 && ` ${t('export.withheldItems', { count: report.withheldItems, items: formatNumber(report.withheldItems) })}`}{' '}
          {t('export.withheldConsent', { count: report.withheldValues })}
        </Callout>
      )}
      {report.warnings.map((w, i) => (
        <Callout key={i} intent="warning" compact>
          {w}
        </Callout>
      ))}
    </div>
  );
}
