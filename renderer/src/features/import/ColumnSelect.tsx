import { HTMLSelect } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { ColumnRef } from './draft';

export interface Columns {
  names: readonly string[];
  /** With a header row columns are named by their text, otherwise by position. */
  header: boolean;
}

interface Props {
  id: string;
  columns: Columns;
  value: ColumnRef | null;
  onChange(ref: ColumnRef | null): void;
  /** Offer "fixed value" (the value is typed, not read from the file). */
  fixed?: boolean;
  isFixed?: boolean;
  onFixed?(): void;
  label?: string;
}

const FIXED = '=fixed';

/** Which column of the file a value comes from. */
export function ColumnSelect({ id, columns, value, onChange, fixed = false, isFixed = false, onFixed, label }: Props) {
  const { t } = useTranslation();
  const refOf = (i: number): ColumnRef => (columns.header ? columns.names[i]! : i);
  const known = value === null || columns.names.some((_, i) => refOf(i) === value);
  return (
    <HTMLSelect
      id={id}
      aria-label={label}
      fill
      value={isFixed ? FIXED : JSON.stringify(value)}
      onChange={(e) => {
        const v = e.currentTarget.value;
        if (v === FIXED) onFixed?.();
        else onChange(JSON.parse(v) as ColumnRef | null);
      }}
      options={[
        { value: 'null', label: t('import.map.noColumn') },
        ...columns.names.map((name, i) => ({ value: JSON.stringify(refOf(i)), label: name })),
        // A loaded spec may name a column this file lacks: keep it visible rather than drop it.
        ...(known ? [] : [{ value: JSON.stringify(value), label: t('import.map.missingColumn', { column: String(value) }) }]),
        ...(fixed ? [{ value: FIXED, label: t('import.map.fixedValue') }] : []),
      ]}
    />
  );
}
