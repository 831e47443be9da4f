import { HTMLTable, Tag } from '@blueprintjs/core';
import { ArrowRightIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { ImportSampleRow } from '../../../../shared/interchange/dto';
import { SchemaIcon } from '../../app/schemaIcon';
import { schemaLabel } from '../../catalogueText';
import { formatNumber } from '../../format';

/** The dry run: per row, the entities it would create or merge into, and its links. */
export function SampleTable({ rows }: { rows: readonly ImportSampleRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <HTMLTable compact striped className="data-table" aria-label={t('import.dry.table')}>
        <thead>
          <tr>
            <th className="num">{t('import.dry.row')}</th>
            <th>{t('import.dry.entities')}</th>
            <th>{t('import.dry.links')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const caption = (key: string) => r.entities.find((e) => e.key === key)?.caption ?? key;
            return (
              <tr key={r.row}>
                <td className="num">{formatNumber(r.row)}</td>
                <td>
                  {r.entities.map((e) => (
                    <span key={e.key} className="sample-entity">
                      <SchemaIcon schema={e.schema} /> {e.caption || t('entity.noCaption')} <span className="muted">· {schemaLabel(e.schema)}</span>
                      <Tag minimal intent={e.merged ? 'warning' : 'success'} className="sample-tag">
                        {e.merged ? t('import.dry.merged') : t('import.dry.new')}
                      </Tag>
                    </span>
                  ))}
                </td>
                <td>
                  {r.links.map((l, i) => (
                    <span key={i} className="sample-link">
                      {caption(l.from)} <ArrowRightIcon size={12} className="muted" /> {caption(l.to)} <span className="muted">· {schemaLabel(l.schema)}</span>
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </HTMLTable>
    </div>
  );
}
