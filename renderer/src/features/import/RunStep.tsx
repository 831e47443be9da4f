import { Button, Callout, Spinner } from '@blueprintjs/core';
import { RefreshIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/interchange/dto';
import { isApiError } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatNumber } from '../../format';
import { ReportFigures } from './ReportFigures';
import { ReportTail } from './ReportTail';

interface Props {
  report: ImportReport | null;
  error: unknown;
  onAgain(): void;
}

/** The import running (its progress bar and cancel are in the bottom panel), then its report. */
export function RunStep({ report, error, onAgain }: Props) {
  const { t } = useTranslation();
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
      <ReportTail warnings={report.warnings} issues={report.errors} more={report.moreErrors} importId={report.importId} file={report.file} onAgain={onAgain} />
    </div>
  );
}
