import { Button, ControlGroup, FormGroup, HTMLSelect } from '@blueprintjs/core';
import { AddIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitySummary } from '../../../../shared/entities/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { gradingLabel } from '../../format';
import { EntityPicker } from '../search/EntityPicker';
import { useSources } from '../sources/useSources';

/** Files an entity or a source report of this case under the project, as our contribution. */
export function AddToProject({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const { sources } = useSources();
  const [entity, setEntity] = useState<EntitySummary | null>(null);
  const [sourceId, setSourceId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const add = async (input: { entityIds?: string[]; sourceIds?: string[] }) => {
    setError(null);
    try {
      await call('project.addItems', { id: projectId, ...input });
      setEntity(null);
      setSourceId('');
      await afterWrite();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="add-to-project">
      <FormGroup label={t('projects.addEntity')} labelFor="project-add-entity" className="grow">
        <ControlGroup fill>
          <EntityPicker id="project-add-entity" value={entity} onChange={setEntity} />
          <Button icon={<AddIcon />} text={t('projects.add')} disabled={!entity} onClick={() => entity && void add({ entityIds: [entity.id] })} />
        </ControlGroup>
      </FormGroup>
      <FormGroup label={t('projects.addSource')} labelFor="project-add-source" className="grow">
        <ControlGroup fill>
          <HTMLSelect
            id="project-add-source"
            fill
            value={sourceId}
            onChange={(e) => setSourceId(e.currentTarget.value)}
            options={[{ value: '', label: t('projects.chooseSource') }, ...(sources ?? []).map((s) => ({ value: s.id, label: `${s.title} — ${gradingLabel(s)}` }))]}
          />
          <Button icon={<AddIcon />} text={t('projects.add')} disabled={!sourceId} onClick={() => void add({ sourceIds: [sourceId] })} />
        </ControlGroup>
      </FormGroup>
      <ErrorCallout error={error} />
    </div>
  );
}
