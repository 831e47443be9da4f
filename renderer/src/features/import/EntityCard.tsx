import { Button, Card, FormGroup, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { TrashIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import { schemataOf } from '../../../../shared/catalogue';
import { SchemaIcon } from '../../app/schemaIcon';
import { schemaLabel } from '../../catalogueText';
import type { Columns } from './ColumnSelect';
import type { EntityDraft } from './draft';
import { PropRows } from './PropRows';

interface Props {
  index: number;
  entity: EntityDraft;
  columns: Columns;
  onChange(entity: EntityDraft): void;
  onRemove(): void;
}

/** One entity a row becomes: its type, its properties from columns, and what identifies it. */
export function EntityCard({ index, entity, columns, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const id = `map-entity-${index}`;
  return (
    <Card className="map-card" compact data-testid={id}>
      <div className="map-card-head">
        <SchemaIcon schema={entity.schema} />
        <FormGroup label={t('import.map.key')} labelFor={`${id}-key`} inline className="map-key">
          <InputGroup id={`${id}-key`} size="small" className="mono" value={entity.key} onValueChange={(key) => onChange({ ...entity, key: key.replace(/[^A-Za-z0-9_-]/g, '') })} />
        </FormGroup>
        <FormGroup label={t('import.map.type')} labelFor={`${id}-schema`} inline className="map-schema">
          <HTMLSelect
            id={`${id}-schema`}
            value={entity.schema}
            onChange={(e) => onChange({ ...entity, schema: e.currentTarget.value, props: entity.props.map((r) => ({ ...r, prop: '' })) })}
            options={schemataOf('entity').map((s) => ({ value: s.name, label: schemaLabel(s.name) }))}
          />
        </FormGroup>
        <Button className="map-card-remove" variant="minimal" size="small" icon={<TrashIcon />} text={t('import.map.removeEntity')} onClick={onRemove} />
      </div>
      <PropRows idPrefix={id} schema={entity.schema} rows={entity.props} columns={columns} identity onChange={(props) => onChange({ ...entity, props })} />
      <p className="muted small">{t('import.map.identityHelp')}</p>
    </Card>
  );
}
