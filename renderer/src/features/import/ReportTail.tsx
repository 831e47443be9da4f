import { Button, Callout } from '@blueprintjs/core';
import { GraphIcon, PeopleIcon, RefreshIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import { ErrorCallout } from '../../app/ErrorCallout';
import { useWorkspace } from '../../state/workspace';
import { IssuesTable } from './IssuesTable';
import { useChartOfImport } from './useChartOfImport';

interface Props {
  warnings: readonly string[];
  issues: ReadonlyArray<{ row: number | null; reason: string }>;
  more: number;
  importId: string | null;
  file: string;
  onAgain(): void;
}

/** The end of every import report: its warnings, the rows left out and why, and where to go next. */
export function ReportTail({ warnings, issues, more, importId, file, onAgain }: Props) {
  const { t } = useTranslation();
  const setView = useWorkspace((s) => s.setView);
  const chart = useChartOfImport();
  return (
    <>
      {warnings.map((w, i) => (
        <Callout key={i} intent="warning" compact>
          {w}
        </Callout>
      ))}
      <IssuesTable issues={issues} more={more} />
      <ErrorCallout error={chart.error} />
      <div className="import-actions">
        <Button intent="primary" icon={<PeopleIcon />} text={t('import.report.showEntities')} onClick={() => setView('entities')} />
        {importId && <Button icon={<GraphIcon />} text={t('import.report.openChart')} loading={chart.busy === importId} onClick={() => void chart.open(importId, file)} />}
        <Button icon={<RefreshIcon />} text={t('import.run.another')} onClick={onAgain} />
      </div>
    </>
  );
}
