import { Callout } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/interchange/dto';
import { formatNumber } from '../../format';
import { IssuesTable } from './IssuesTable';
import { ReportFigures } from './ReportFigures';
import { SampleTable } from './SampleTable';

/** What the first rows would create, computed by the core and rolled back. */
export function DryRunStep({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <div className="import-dry" data-testid="import-dry">
      <Callout intent="primary" compact>
        {t('import.dry.explain', { count: report.records, n: formatNumber(report.records) })}
      </Callout>
      <ReportFigures report={report} />
      {report.warnings.map((w, i) => (
        <Callout key={i} intent="warning" compact>
          {w}
        </Callout>
      ))}
      <SampleTable rows={report.sample} />
      <IssuesTable issues={report.errors} more={report.moreErrors} />
    </div>
  );
}
