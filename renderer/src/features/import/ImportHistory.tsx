import { Button, HTMLTable } from '@blueprintjs/core';
import { GraphIcon } from '@blueprintjs/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRecord } from '../../../../shared/interchange/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatDateTime, formatNumber } from '../../format';
import { useWorkspace } from '../../state/workspace';
import { useChartOfImport } from './useChartOfImport';

/** The case's earlier imports, newest first (each also in the audit log). */
export function ImportHistory() {
  const { t } = useTranslation();
  const version = useWorkspace((s) => s.dataVersion);
  const [rows, setRows] = useState<ImportRecord[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const chart = useChartOfImport();
  useEffect(() => {
    let live = true;
    call('import.list', {}).then(
      (r) => live && setRows(r),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [version]);
  if (error) return <ErrorCallout error={error} />;
  if (!rows || rows.length === 0) return null;
  return (
    <section className="import-history" aria-labelledby="import-history-title">
      <h3 id="import-history-title" className="map-section-title">
        {t('import.history.title')}
      </h3>
      <ErrorCallout error={chart.error} />
      <div className="table-scroll">
        <HTMLTable compact striped className="data-table">
          <thead>
            <tr>
              <th>{t('import.history.file')}</th>
              <th>{t('import.history.format')}</th>
              <th>{t('import.history.when')}</th>
              <th className="num">{t('import.report.created')}</th>
              <th className="num">{t('import.report.merged')}</th>
              <th className="num">{t('import.report.skipped')}</th>
              <th className="num">{t('import.report.links')}</th>
              <th>{t('import.history.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="mono">{r.fileName}</td>
                <td>{t(`import.format.${r.format}`, { defaultValue: r.format })}</td>
                <td>{formatDateTime(r.finishedAt)}</td>
                <td className="num">{formatNumber(r.report.created)}</td>
                <td className="num">{formatNumber(r.report.merged)}</td>
                <td className="num">{formatNumber(r.report.skipped)}</td>
                <td className="num">{formatNumber(r.report.links)}</td>
                <td>
                  <Button
                    size="small"
                    variant="minimal"
                    icon={<GraphIcon />}
                    text={t('import.report.openChart')}
                    aria-label={t('import.history.openChartOf', { file: r.fileName })}
                    loading={chart.busy === r.id}
                    onClick={() => void chart.open(r.id, r.fileName)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      </div>
    </section>
  );
}
