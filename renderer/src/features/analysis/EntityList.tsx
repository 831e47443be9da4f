import { Tag } from '@blueprintjs/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitySummary } from '../../../../shared/entities/dto';
import { EntityPicker } from '../search/EntityPicker';

/** Several entities picked by search (targets, members of a set), shown as removable tags. */
export function EntityListPicker({ id, value, onChange, extra }: { id: string; value: EntitySummary[]; onChange(next: EntitySummary[]): void; extra?: ReactNode }) {
  const { t } = useTranslation();
  const [key, setKey] = useState(0);
  return (
    <div className="analysis-picks">
      {value.map((e) => (
        <Tag key={e.id} minimal onRemove={() => onChange(value.filter((x) => x.id !== e.id))}>
          {e.caption || t('entity.noCaption')}
        </Tag>
      ))}
      <div className="analysis-picker">
        <EntityPicker
          key={key}
          id={id}
          value={null}
          onChange={(e) => {
            if (e && !value.some((x) => x.id === e.id)) onChange([...value, e]);
            setKey((k) => k + 1);
          }}
        />
      </div>
      {extra}
    </div>
  );
}
