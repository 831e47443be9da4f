import { InputGroup, Menu, MenuItem, Tag } from '@blueprintjs/core';
import { SearchIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitySummary } from '../../../../shared/entities/dto';
import { SchemaIcon } from '../../app/schemaIcon';
import { schemaLabel } from '../../catalogueText';
import { useSearch } from './useSearch';

interface Props {
  id: string;
  value: EntitySummary | null;
  onChange(entity: EntitySummary | null): void;
  /** Allowed schemata; empty means any. */
  range?: readonly string[];
  exclude?: string;
}

/** Chooses an entity of the case by searching for it. */
export function EntityPicker({ id, value, onChange, range = [], exclude }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const { results, busy } = useSearch(query, 30);
  const allowed = results.filter((r) => (range.length === 0 || range.includes(r.schema)) && r.id !== exclude).slice(0, 8);

  if (value) {
    return (
      <div className="picked-entity" id={id}>
        <Tag large minimal icon={<SchemaIcon schema={value.schema} />} onRemove={() => onChange(null)} className="picked-tag">
          {value.caption || t('entity.noCaption')} <span className="muted">· {schemaLabel(value.schema)}</span>
        </Tag>
      </div>
    );
  }
  return (
    <div className="entity-picker">
      <InputGroup
        id={id}
        type="search"
        leftIcon={<SearchIcon />}
        placeholder={range.length ? t('picker.placeholderRange', { types: range.map(schemaLabel).join(', ') }) : t('picker.placeholder')}
        value={query}
        onValueChange={setQuery}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && allowed[0]) {
            e.preventDefault();
            onChange(allowed[0]);
            setQuery('');
          }
        }}
      />
      {query.trim() !== '' && (
        <Menu className="picker-results">
          {allowed.length === 0 && !busy && <MenuItem disabled text={t('picker.none')} />}
          {allowed.map((r) => (
            <MenuItem
              key={r.id}
              icon={<SchemaIcon schema={r.schema} />}
              text={r.caption || t('entity.noCaption')}
              label={schemaLabel(r.schema)}
              onClick={() => {
                onChange(r);
                setQuery('');
              }}
            />
          ))}
        </Menu>
      )}
    </div>
  );
}
