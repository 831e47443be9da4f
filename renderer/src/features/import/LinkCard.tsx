import { Button, Card, FormGroup, HTMLSelect } from '@blueprintjs/core';
import { ArrowRightIcon, TrashIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import { schemataOf } from '../../../../shared/catalogue';
import { schemaLabel } from '../../catalogueText';
import type { Columns } from './ColumnSelect';
import type { EntityDraft, LinkDraft } from './draft';
import { PropRows } from './PropRows';

interface Props {
  index: number;
  link: LinkDraft;
  entities: readonly EntityDraft[];
  columns: Columns;
  onChange(link: LinkDraft): void;
  onRemove(): void;
}

/** The link a row makes between two of its entities (a call from caller to receiver). */
export function LinkCard({ index, link, entities, columns, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const id = `map-link-${index}`;
  const keys = entities.map((e) => ({ value: e.key, label: e.key }));
  return (
    <Card className="map-card" compact data-testid={id}>
      <div className="map-card-head">
        <FormGroup label={t('import.map.linkType')} labelFor={`${id}-schema`} inline className="map-schema">
          <HTMLSelect
            id={`${id}-schema`}
            value={link.schema}
            onChange={(e) => onChange({ ...link, schema: e.currentTarget.value, props: link.props.map((r) => ({ ...r, prop: '' })) })}
            options={schemataOf('link').filter((s) => s.name !== 'Similar').map((s) => ({ value: s.name, label: schemaLabel(s.name) }))}
          />
        </FormGroup>
        <FormGroup label={t('import.map.from')} labelFor={`${id}-from`} inline>
          <HTMLSelect id={`${id}-from`} value={link.from} onChange={(e) => onChange({ ...link, from: e.currentTarget.value })} options={keys} />
        </FormGroup>
        <ArrowRightIcon className="muted" />
        <FormGroup label={t('import.map.to')} labelFor={`${id}-to`} inline>
          <HTMLSelect id={`${id}-to`} value={link.to} onChange={(e) => onChange({ ...link, to: e.currentTarget.value })} options={keys} />
        </FormGroup>
        <Button className="map-card-remove" variant="minimal" size="small" icon={<TrashIcon />} text={t('import.map.removeLink')} onClick={onRemove} />
      </div>
      <PropRows idPrefix={id} schema={link.schema} rows={link.props} columns={columns} identity={false} onChange={(props) => onChange({ ...link, props })} />
    </Card>
  );
}
