import { Button, Callout, Spinner } from '@blueprintjs/core';
import { RefreshIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api';
import { ErrorCallout } from '../../../app/ErrorCallout';
import { formatNumber } from '../../../format';
import { ReportTail } from '../ReportTail';
import { useCommsWizard } from './commsWizardStore';

/** The call-record (or cell-site) import running, then its report: figures, warnings, the rows left out and why. */
export function CommsRunStep({ onAgain, onForce }: { onAgain(): void; onForce(): void }) {
  const { t } = useTranslation();
  const { cdrReport, cellReport, runError } = useCommsWizard();
  if (runError) {
    const cancelled = isApiError(runError) && runError.code === 'CANCELLED';
    // The same file again (by its hash): refused unless the analyst means it; its calls are not counted twice.
    const already = isApiError(runError) && runError.code === 'CONSTRAINT' && /already imported/.test(runError.message);
    return (
      <div className="import-run">
        {cancelled ? (
          <Callout intent="warning" title={t('import.run.cancelled')} role="status">
            {t('import.run.nothingWritten')}
          </Callout>
        ) : (
          <ErrorCallout error={runError} />
        )}
        <div className="import-actions">
          {already && <Button intent="warning" text={t('comms.import.force')} onClick={onForce} />}
          <Button icon={<RefreshIcon />} text={t('import.run.again')} onClick={onAgain} />
        </div>
      </div>
    );
  }
  const report = cdrReport ?? cellReport;
  if (!report) {
    return (
      <div className="import-run import-running" role="status">
        <Spinner size={24} />
        <span>{t('import.run.running')}</span>
      </div>
    );
  }
  const figures: Array<[string, number]> = cdrReport
    ? [
        ['records', cdrReport.records],
        ['events', cdrReport.events],
        ['duplicates', cdrReport.duplicates],
        ['skipped', cdrReport.skipped],
        ['phones', cdrReport.phones.created + cdrReport.phones.known],
        ['invalid', cdrReport.phones.invalid],
        ['devices', cdrReport.devices],
        ['sims', cdrReport.sims],
        ['cells', cdrReport.cells],
        ['links', cdrReport.links],
      ]
    : [
        ['records', cellReport!.records],
        ['created', cellReport!.created],
        ['merged', cellReport!.merged],
        ['joined', cellReport!.joined],
        ['skipped', cellReport!.skipped],
      ];
  return (
    <div className="import-run" data-testid="import-report">
      <Callout intent={report.skipped > 0 ? 'warning' : 'success'} title={t('import.report.title')} role="status">
        {cdrReport
          ? t('comms.import.summary', { file: cdrReport.file, records: formatNumber(cdrReport.records), seconds: formatNumber(Math.round(cdrReport.seconds * 10) / 10), zone: cdrReport.mapping.timeZone })
          : t('comms.import.cellSummary', { file: report.file, records: formatNumber(report.records) })}
      </Callout>
      <dl className="report-figures" data-testid="import-figures">
        {figures.map(([f, n]) => (
          <div key={f} className={`report-figure figure-${f}`} data-figure={f}>
            <dt>{t(`comms.import.figure.${f}`)}</dt>
            <dd>{formatNumber(n)}</dd>
          </div>
        ))}
      </dl>
      <ReportTail warnings={report.warnings} issues={report.errors} more={report.moreErrors} importId={report.importId} file={report.file} onAgain={onAgain} />
    </div>
  );
}
