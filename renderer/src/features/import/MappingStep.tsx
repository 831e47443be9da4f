import { Button, FormGroup, InputGroup } from '@blueprintjs/core';
import { AddIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { Columns } from './ColumnSelect';
import { emptyRow, nextKey, type Draft, type EntityDraft, type LinkDraft } from './draft';
import { EntityCard } from './EntityCard';
import { LinkCard } from './LinkCard';
import { SourceSection } from './SourceSection';

interface Props {
  draft: Draft;
  columns: Columns;
  onChange(patch: Partial<Draft>): void;
}

const MAX_ENTITIES = 6;

/** What each row becomes: entities, the links between them, and the source of every value. */
export function MappingStep({ draft, columns, onChange }: Props) {
  const { t } = useTranslation();
  const setEntity = (i: number, e: EntityDraft) => {
    const old = draft.entities[i]!.key;
    // A renamed key stays linked.
    const links = draft.links.map((l) => ({ ...l, from: l.from === old ? e.key : l.from, to: l.to === old ? e.key : l.to }));
    onChange({ entities: draft.entities.map((x, j) => (j === i ? e : x)), links });
  };
  const removeEntity = (i: number) => {
    const key = draft.entities[i]!.key;
    onChange({ entities: draft.entities.filter((_, j) => j !== i), links: draft.links.filter((l) => l.from !== key && l.to !== key) });
  };
  const addEntity = () => onChange({ entities: [...draft.entities, { key: nextKey(draft.entities), schema: 'Person', props: [emptyRow('name')] }] });
  const addLink = () => {
    const [a, b] = draft.entities;
    const link: LinkDraft = { schema: 'Call', from: a!.key, to: b!.key, props: [] };
    onChange({ links: [...draft.links, link] });
  };
  return (
    <div className="map-step">
      <FormGroup label={t('import.map.name')} labelFor="import-spec-name" helperText={t('import.map.nameHelp')}>
        <InputGroup id="import-spec-name" value={draft.name} onValueChange={(name) => onChange({ name })} />
      </FormGroup>
      <section className="map-section" aria-labelledby="map-entities-title">
        <h3 id="map-entities-title" className="map-section-title">
          {t('import.map.entities')}
        </h3>
        {draft.entities.map((e, i) => (
          <EntityCard key={i} index={i} entity={e} columns={columns} onChange={(x) => setEntity(i, x)} onRemove={() => removeEntity(i)} />
        ))}
        <Button icon={<AddIcon />} text={draft.entities.length ? t('import.map.addEntityMore') : t('import.map.addEntity')} disabled={draft.entities.length >= MAX_ENTITIES} onClick={addEntity} />
      </section>
      {draft.entities.length >= 2 && (
        <section className="map-section" aria-labelledby="map-links-title">
          <h3 id="map-links-title" className="map-section-title">
            {t('import.map.links')}
          </h3>
          {draft.links.map((l, i) => (
            <LinkCard
              key={i}
              index={i}
              link={l}
              entities={draft.entities}
              columns={columns}
              onChange={(x) => onChange({ links: draft.links.map((y, j) => (j === i ? x : y)) })}
              onRemove={() => onChange({ links: draft.links.filter((_, j) => j !== i) })}
            />
          ))}
          <Button icon={<AddIcon />} text={t('import.map.addLink')} onClick={addLink} />
        </section>
      )}
      <SourceSection draft={draft} columns={columns} onChange={onChange} />
    </div>
  );
}
