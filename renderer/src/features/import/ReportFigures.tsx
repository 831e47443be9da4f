import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/interchange/dto';
import { formatNumber } from '../../format';

const FIGURES = ['records', 'created', 'merged', 'skipped', 'entities', 'links'] as const;

/** The counts of an import (or of its dry run), side by side. */
export function ReportFigures({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <dl className="report-figures" data-testid="import-figures">
      {FIGURES.map((f) => (
        <div key={f} className={`report-figure figure-${f}`} data-figure={f}>
          <dt>{t(`import.report.${f}`)}</dt>
          <dd>{formatNumber(report[f])}</dd>
        </div>
      ))}
    </dl>
  );
}
