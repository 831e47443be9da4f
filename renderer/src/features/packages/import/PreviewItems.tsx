import { Checkbox, HTMLTable, Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { PreviewItem } from '../../../../../shared/exchange/dto';
import { SchemaIcon } from '../../../app/schemaIcon';
import { schemaLabel } from '../../../catalogueText';

const MATCH_INTENT = { 'same-id': 'primary', 'same-name': 'warning', deleted: 'danger' } as const;

interface Props {
  items: PreviewItem[];
  accepted: Set<string>;
  onToggle(id: string, on: boolean): void;
  onToggleAll(on: boolean): void;
}

/** The package's entities and links with what each matches in this case. Entities can be left
 * out; a link comes along only when both its ends are accepted. */
export function PreviewItems({ items, accepted, onToggle, onToggleAll }: Props) {
  const { t } = useTranslation();
  const entities = items.filter((i) => !i.isLink);
  const all = entities.length > 0 && entities.every((e) => accepted.has(e.id));
  const some = entities.some((e) => accepted.has(e.id));
  return (
    <div className="table-scroll preview-items">
      <HTMLTable compact striped className="data-table">
        <thead>
          <tr>
            <th className="check-col">
              <Checkbox checked={all} indeterminate={some && !all} onChange={(e) => onToggleAll(e.currentTarget.checked)} aria-label={t('packages.acceptAllToggle')} />
            </th>
            <th>{t('packages.colItem')}</th>
            <th>{t('packages.colType')}</th>
            <th>{t('packages.colMatch')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((it) => (
            <tr key={it.id} data-item={it.id} className={it.isLink ? 'link-row' : undefined}>
              <td className="check-col">
                {!it.isLink && <Checkbox checked={accepted.has(it.id)} onChange={(e) => onToggle(it.id, e.currentTarget.checked)} aria-label={t('packages.acceptOne', { name: it.caption })} />}
              </td>
              <td>
                <SchemaIcon schema={it.schema} /> {it.caption || t('entity.noCaption')}
              </td>
              <td className="muted">{schemaLabel(it.schema)}</td>
              <td>
                {it.match ? (
                  <>
                    <Tag minimal intent={MATCH_INTENT[it.match.kind]}>
                      {t(`packages.match.${it.match.kind}`)}
                    </Tag>{' '}
                    {it.match.existing.caption}
                  </>
                ) : (
                  <span className="muted">{t(it.isLink ? 'packages.linkFollows' : 'packages.match.new')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </HTMLTable>
    </div>
  );
}
