import { Button, Callout, Spinner } from '@blueprintjs/core';
import { GraphIcon, PeopleIcon, RefreshIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/interchange/dto';
import { isApiError } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatNumber } from '../../format';
import { useWorkspace } from '../../state/workspace';
import { IssuesTable } from './IssuesTable';
import { ReportFigures } from './ReportFigures';
import { useChartOfImport } from './useChartOfImport';

interface Props {
  report: ImportReport | null;
  error: unknown;
  onAgain(): void;
}

/** The import running (its progress bar and cancel are in the bottom panel), then its report. */
export function RunStep({ report, error, onAgain }: Props) {
  const { t } = useTranslation();
  const setView = useWorkspace((s) => s.setView);
  const chart = useChartOfImport();
  if (error) {
    const cancelled = isApiError(error) && error.code === 'CANCELLED';
    return (
      <div className="import-run">
        {cancelled ? (
          <Callout intent="warning" title={t('import.run.cancelled')} role="status">
            {t('import.run.nothingWritten')}
          </Callout>
        ) : (
          <ErrorCallout error={error} />
        )}
        <Button icon={<RefreshIcon />} text={t('import.run.again')} onClick={onAgain} />
      </div>
    );
  }
  if (!report) {
    return (
      <div className="import-run import-running" role="status">
        <Spinner size={24} />
        <span>{t('import.run.running')}</span>
      </div>
    );
  }
  return (
    <div className="import-run" data-testid="import-report">
      <Callout intent={report.skipped > 0 ? 'warning' : 'success'} title={t('import.report.title')} role="status">
        {t('import.report.summary', { file: report.file, records: formatNumber(report.records), seconds: formatNumber(Math.round(report.seconds * 10) / 10) })}
      </Callout>
      <ReportFigures report={report} />
      {report.warnings.map((w, i) => (
        <Callout key={i} intent="warning" compact>
          {w}
        </Callout>
      ))}
      <IssuesTable issues={report.errors} more={report.moreErrors} />
      <ErrorCallout error={chart.error} />
      <div className="import-actions">
        <Button intent="primary" icon={<PeopleIcon />} text={t('import.report.showEntities')} onClick={() => setView('entities')} />
        {report.importId && (
          <Button
            icon={<GraphIcon />}
            text={t('import.report.openChart')}
            loading={chart.busy === report.importId}
            onClick={() => void chart.open(report.importId!, report.file)}
          />
        )}
        <Button icon={<RefreshIcon />} text={t('import.run.another')} onClick={onAgain} />
      </div>
    </div>
  );
}
