import { Button, Checkbox, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { AddIcon, TrashIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import { getProperty, getSchema } from '../../../../shared/catalogue';
import { propLabel } from '../../catalogueText';
import { ColumnSelect, type Columns } from './ColumnSelect';
import { emptyRow, type PropRow } from './draft';

interface Props {
  idPrefix: string;
  schema: string;
  rows: PropRow[];
  columns: Columns;
  onChange(rows: PropRow[]): void;
  /** Entities choose identity properties; links do not. */
  identity: boolean;
}

/** "Property ← column" rows: a date property also takes its format, e.g. DD/MM/YYYY HH:mm. */
export function PropRows({ idPrefix, schema, rows, columns, onChange, identity }: Props) {
  const { t } = useTranslation();
  const def = getSchema(schema);
  const props = (def?.properties ?? []).filter((p) => p.type !== 'entity');
  const set = (i: number, patch: Partial<PropRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <table className="map-rows">
      <thead>
        <tr>
          <th>{t('import.map.property')}</th>
          <th>{t('import.map.column')}</th>
          <th>{t('import.map.dateFormat')}</th>
          {identity && <th>{t('import.map.identity')}</th>}
          <th aria-label={t('import.map.remove')} />
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const pdef = def ? getProperty(def, r.prop) : undefined;
          const id = `${idPrefix}-${i}`;
          return (
            <tr key={i}>
              <td>
                <HTMLSelect
                  id={`${id}-prop`}
                  aria-label={t('import.map.property')}
                  fill
                  value={r.prop}
                  onChange={(e) => set(i, { prop: e.currentTarget.value })}
                  options={[
                    { value: '', label: t('import.map.chooseProperty') },
                    ...props.map((p) => ({ value: p.name, label: propLabel(def, p, p.name), disabled: p.name !== r.prop && rows.some((o) => o.prop === p.name) })),
                  ]}
                />
              </td>
              <td>
                {r.fixed ? (
                  <InputGroup id={`${id}-value`} aria-label={t('import.map.fixedValue')} value={r.value} onValueChange={(v) => set(i, { value: v })} rightElement={<Button variant="minimal" size="small" text={t('import.map.useColumn')} onClick={() => set(i, { fixed: false, value: '' })} />} />
                ) : (
                  <ColumnSelect
                    id={`${id}-column`}
                    label={t('import.map.column')}
                    columns={columns}
                    value={r.column}
                    onChange={(column) => set(i, { column })}
                    fixed
                    onFixed={() => set(i, { fixed: true })}
                  />
                )}
              </td>
              <td>
                {pdef?.type === 'date' && !r.fixed ? (
                  <InputGroup id={`${id}-date`} aria-label={t('import.map.dateFormat')} className="mono" value={r.dateFormat} onValueChange={(v) => set(i, { dateFormat: v })} placeholder="DD/MM/YYYY HH:mm" />
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              {identity && (
                <td className="center">
                  <Checkbox aria-label={t('import.map.identityOf', { prop: r.prop ? propLabel(def, pdef, r.prop) : '—' })} checked={r.identity} disabled={!r.prop} onChange={(e) => set(i, { identity: e.currentTarget.checked })} />
                </td>
              )}
              <td>
                <Button variant="minimal" size="small" icon={<TrashIcon />} aria-label={t('import.map.remove')} onClick={() => onChange(rows.filter((_, j) => j !== i))} />
              </td>
            </tr>
          );
        })}
        <tr>
          <td colSpan={identity ? 5 : 4}>
            <Button variant="minimal" size="small" icon={<AddIcon />} text={t('import.map.addProperty')} onClick={() => onChange([...rows, emptyRow()])} />
          </td>
        </tr>
      </tbody>
    </table>
  );
}
