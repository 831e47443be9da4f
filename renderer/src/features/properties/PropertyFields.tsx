import { Button, FormGroup } from '@blueprintjs/core';
import { PlusIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { PropertyDef, SchemaDef } from '../../../../shared/catalogue';
import { propLabel } from '../../catalogueText';
import { valueProblem } from './validate';
import { LONG_TEXT, ValueInput } from './ValueInput';

interface Props {
  schema: SchemaDef;
  /** The properties to show, in catalogue order. */
  defs: readonly PropertyDef[];
  values: Record<string, string[]>;
  onChange(values: Record<string, string[]>): void;
  idPrefix: string;
}

/** A form generated from the catalogue: one field per property, each able to take several values. */
export function PropertyFields({ schema, defs, values, onChange, idPrefix }: Props) {
  const { t } = useTranslation();
  const set = (prop: string, index: number, value: string) => {
    const list = [...(values[prop] ?? [''])];
    list[index] = value;
    onChange({ ...values, [prop]: list });
  };
  const addAnother = (prop: string) => onChange({ ...values, [prop]: [...(values[prop] ?? ['']), ''] });

  return (
    <div className="property-fields">
      {defs.map((def) => {
        const list = values[def.name]?.length ? values[def.name]! : [''];
        const problems = list.map((v) => valueProblem(def, v));
        const problem = problems.find((p) => p !== null) ?? null;
        const label = propLabel(schema, def, def.name);
        return (
          <FormGroup
            key={def.name}
            className={`property-field type-${def.type}${LONG_TEXT.has(def.name) ? ' long' : ''}`}
            label={label}
            labelFor={`${idPrefix}-${def.name}-0`}
            labelInfo={<span className="muted">{t(`form.type.${def.type}`)}</span>}
            intent={problem ? 'danger' : 'none'}
            helperText={problem ?? undefined}
          >
            {list.map((v, i) => (
              <div className="value-line" key={i}>
                <ValueInput id={`${idPrefix}-${def.name}-${i}`} def={def} value={v} onChange={(nv) => set(def.name, i, nv)} invalid={problems[i] !== null} />
              </div>
            ))}
            {def.type !== 'entity' && list[list.length - 1] !== '' && (
              <Button size="small" variant="minimal" icon={<PlusIcon />} text={t('form.another', { label })} onClick={() => addAnother(def.name)} />
            )}
          </FormGroup>
        );
      })}
    </div>
  );
}
