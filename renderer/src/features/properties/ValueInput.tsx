import { HTMLSelect, InputGroup, Tag, TextArea } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PropertyDef } from '../../../../shared/catalogue';
import type { EntitySummary } from '../../../../shared/entities/dto';
import { EntityPicker } from '../search/EntityPicker';
import { countries } from './countries';

/** Catalogue text properties that hold narrative rather than a word or two. */
export const LONG_TEXT = new Set(['notes', 'summary', 'text', 'criteria']);

interface Props {
  id: string;
  def: PropertyDef;
  value: string;
  onChange(value: string): void;
  invalid: boolean;
}

/** One input for one value, chosen by the property's type in the catalogue. */
export function ValueInput({ id, def, value, onChange, invalid }: Props) {
  const { t } = useTranslation();
  const intent = invalid ? 'danger' : 'none';
  const text = (type: string, extra: Record<string, unknown> = {}) => (
    <InputGroup id={id} type={type} value={value} onValueChange={onChange} intent={intent} spellCheck={false} {...extra} />
  );
  const select = (options: Array<{ value: string; label: string }>) => <HTMLSelect id={id} fill value={value} onChange={(e) => onChange(e.currentTarget.value)} options={options} />;
  switch (def.type) {
    case 'country':
      return select([{ value: '', label: t('form.chooseCountry') }, ...countries().map((c) => ({ value: c.code, label: `${c.name} (${c.code.toUpperCase()})` }))]);
    case 'date':
    case 'datetime':
      return text('text', { placeholder: t('form.datePlaceholder'), inputMode: 'numeric' });
    case 'enum':
      return select([{ value: '', label: '—' }, ...(def.values ?? []).map((v) => ({ value: v, label: v }))]);
    case 'phone':
      return text('tel', { placeholder: t('form.phonePlaceholder') });
    case 'email':
      return text('email', { placeholder: t('form.emailPlaceholder') });
    case 'iban':
      return text('text', { placeholder: t('form.ibanPlaceholder'), className: 'mono' });
    case 'number':
    case 'latitude':
    case 'longitude':
      return text('text', { inputMode: 'decimal' });
    case 'identifier':
      return text('text', { className: 'mono' });
    case 'text':
      // Free text is short (a role, a colour) except for the narrative properties.
      if (!LONG_TEXT.has(def.name)) return text('text', { spellCheck: true });
      return <TextArea id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)} intent={intent} fill autoResize />;
    case 'entity':
      return <EntityValue id={id} def={def} value={value} onChange={onChange} />;
    case 'name':
    case 'address':
      return text('text', { spellCheck: true });
  }
}

/** An entity reference: picked by search, stored as the entity's id. */
function EntityValue({ id, def, value, onChange }: Pick<Props, 'id' | 'def' | 'value' | 'onChange'>) {
  const [picked, setPicked] = useState<EntitySummary | null>(null);
  if (value && (!picked || picked.id !== value)) {
    return (
      <Tag id={id} large minimal className="mono" onRemove={() => onChange('')}>
        {value}
      </Tag>
    );
  }
  return (
    <EntityPicker
      id={id}
      value={picked}
      range={def.range}
      onChange={(e) => {
        setPicked(e);
        onChange(e?.id ?? '');
      }}
    />
  );
}
