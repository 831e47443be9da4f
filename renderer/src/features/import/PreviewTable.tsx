import { HTMLTable } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { TabularPreview } from '../../../../shared/interchange/dto';

/** The first rows of the file as the core read them. */
export function PreviewTable({ preview }: { preview: TabularPreview }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll import-preview-table">
      <HTMLTable compact striped className="data-table" aria-label={t('import.preview.table')}>
        <thead>
          <tr>
            <th className="num muted">#</th>
            {preview.columns.map((c, i) => (
              <th key={i}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r, i) => (
            <tr key={i}>
              <td className="num muted">{i + 1}</td>
              {preview.columns.map((_, j) => (
                <td key={j} className="cell">
                  {r[j] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </HTMLTable>
    </div>
  );
}
