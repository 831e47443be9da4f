import { HTMLTable } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';

/** What was skipped and why, row by row: the row in its own column, then the reason without it. */
export function IssuesTable({ issues, more }: { issues: ReadonlyArray<{ row: number | null; reason: string }>; more: number }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <div className="table-scroll import-issues">
      <HTMLTable compact striped className="data-table" aria-label={t('import.report.issues')}>
        <thead>
          <tr>
            <th className="num">{t('import.dry.row')}</th>
            <th>{t('import.report.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((e, i) => (
            <tr key={i}>
              <td className="num">{e.row === null ? '—' : formatNumber(e.row)}</td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
      {more > 0 && <p className="muted small">{t('import.report.more', { count: more, n: formatNumber(more) })}</p>}
    </div>
  );
}
