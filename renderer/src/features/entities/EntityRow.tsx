import type { EntitySummary } from '../../../../shared/entities/dto';
import { useTranslation } from 'react-i18next';
import { SchemaIcon } from '../../app/schemaIcon';
import { schemaLabel } from '../../catalogueText';
import { writeEntityDrag } from './entityDrag';

interface Props {
  entity: EntitySummary | undefined;
  selected: boolean;
  onSelect(id: string): void;
}

export function EntityRow({ entity, selected, onSelect }: Props) {
  const { t } = useTranslation();
  if (!entity) return <div className="entity-row loading" aria-busy="true">{t('list.loadingRow')}</div>;
  return (
    <div
      className={`entity-row${selected ? ' selected' : ''}`}
      role="option"
      aria-selected={selected}
      data-id={entity.id}
      onClick={() => onSelect(entity.id)}
      // Drag a row onto a chart to add the entity there.
      draggable
      onDragStart={(e) => {
        writeEntityDrag(e.dataTransfer, [entity.id], entity.caption);
        e.dataTransfer.effectAllowed = 'copy';
      }}
    >
      <SchemaIcon schema={entity.schema} />
      <span className="entity-caption">{entity.caption || t('entity.noCaption')}</span>
      <span className="entity-schema">{schemaLabel(entity.schema)}</span>
    </div>
  );
}
