import { Button, Spinner, Tag } from '@blueprintjs/core';
import { CrossIcon, EditIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSchema } from '../../../../shared/catalogue';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { SchemaIcon } from '../../app/schemaIcon';
import { schemaLabel } from '../../catalogueText';
import { useWorkspace } from '../../state/workspace';
import { EditEntityDialog } from '../entities/EditEntityDialog';
import { PropertyTable } from '../entities/PropertyTable';
import { useEntity } from '../entities/useEntity';
import type { ChartController } from './controller';

/** The side panel beside the chart (DESIGN.md §10, inspector): the one selected entity's values,
 * each with its provenance card, and editing in place; the node's caption (and the title of the box
 * it heads) follows a save. */
export function ChartInspector({ ctl, id, onClose }: { ctl: ChartController; id: string; onClose(): void }) {
  const { t } = useTranslation();
  const version = useWorkspace((s) => s.dataVersion);
  const { detail, error, loading, replace } = useEntity(id, version);
  const [editing, setEditing] = useState(false);
  const schema = detail ? getSchema(detail.schema) : undefined;
  return (
    <aside className="chart-inspector" aria-label={t('chart.inspector')}>
      <header className="chart-inspector-header">
        {detail && <SchemaIcon schema={detail.schema} size={18} />}
        <h3 className="chart-inspector-title">{detail ? detail.caption || t('entity.noCaption') : ''}</h3>
        <Button variant="minimal" size="small" icon={<CrossIcon />} aria-label={t('chart.inspectorClose')} onClick={onClose} />
      </header>
      {error !== null && <ErrorCallout error={error} />}
      {!detail && loading && <Spinner size={20} />}
      {detail && schema && (
        <>
          <div className="chart-inspector-sub muted small">
            {schemaLabel(detail.schema)}
            {(detail.handling || detail.tlp) && (
              <Tag minimal className="chart-inspector-grading">
                {[detail.handling, detail.tlp ? `TLP:${detail.tlp}` : null].filter(Boolean).join(' · ')}
              </Tag>
            )}
          </div>
          <Button size="small" icon={<EditIcon />} text={t('entity.edit')} onClick={() => setEditing(true)} />
          <PropertyTable entity={detail} schema={schema} />
          {editing && (
            <EditEntityDialog
              key={detail.updatedAt}
              entity={detail}
              isOpen
              onClose={() => setEditing(false)}
              onSaved={(saved) => {
                replace(saved);
                ctl.captionChanged(saved.id, saved.caption);
                void afterWrite();
              }}
            />
          )}
        </>
      )}
    </aside>
  );
}
