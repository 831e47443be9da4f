import { Button, H2, NonIdealState, Spinner, Tag } from '@blueprintjs/core';
import { ArrowRightIcon, EditIcon, NewLinkIcon, SelectIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSchema } from '../../../../shared/catalogue';
import { ErrorCallout } from '../../app/ErrorCallout';
import { SchemaIcon } from '../../app/schemaIcon';
import { schemaLabel } from '../../catalogueText';
import { formatDateTime } from '../../format';
import { useWorkspace } from '../../state/workspace';
import { AttachmentsSection } from '../attachments/AttachmentsSection';
import { CommsPanel } from '../comms/CommsPanel';
import { LinkDialog } from '../links/LinkDialog';
import { DeleteEntityButton } from './DeleteEntityButton';
import { EditEntityDialog } from './EditEntityDialog';
import { LinksTable } from './LinksTable';
import { MergedFrom } from './MergedFrom';
import { PropertyTable } from './PropertyTable';
import { useEntity } from './useEntity';

export function EntityPage() {
  const { t } = useTranslation();
  const id = useWorkspace((s) => s.selectedId);
  const version = useWorkspace((s) => s.dataVersion);
  const select = useWorkspace((s) => s.select);
  const { detail, error, loading, replace } = useEntity(id, version);
  const [dialog, setDialog] = useState<'edit' | 'link' | null>(null);

  if (!id) {
    return <NonIdealState className="page-empty" icon={<SelectIcon size={40} />} title={t('entity.noneTitle')} description={t('entity.noneText')} />;
  }
  if (error) return <div className="entity-page"><ErrorCallout error={error} /></div>;
  if (!detail) return <div className="entity-page">{loading && <Spinner size={24} />}</div>;
  const schema = getSchema(detail.schema)!;
  const level = detail.tlp ? detail.tlp.toLowerCase().replace('+', '-') : 'none';

  return (
    <article className="entity-page" aria-labelledby="entity-title">
      <header className="entity-header">
        <SchemaIcon schema={detail.schema} size={24} />
        <div className="entity-heading">
          <H2 id="entity-title" className="entity-title">
            {detail.endpoints ? t('entity.linkTitle', { from: detail.endpoints.source.caption, to: detail.endpoints.target.caption }) : <bdi>{detail.caption || t('entity.noCaption')}</bdi>}
          </H2>
          <div className="entity-sub muted">
            <span>{schemaLabel(detail.schema)}</span>
            {detail.endpoints && detail.caption && <bdi> {detail.caption}</bdi>} · <bdi className="mono">{detail.id}</bdi> ·{' '}
            <span>{t('entity.updated', { date: formatDateTime(detail.updatedAt) })}</span>
          </div>
        </div>
        {(detail.handling || detail.tlp) && (
          <Tag className={`grading tlp-${level}`} large minimal title={t('entity.handlingHint')}>
            {[detail.handling, detail.tlp ? `TLP:${detail.tlp}` : null].filter(Boolean).join(' · ')}
          </Tag>
        )}
      </header>
      <div className="entity-actions">
        <Button size="small" icon={<EditIcon />} text={t('entity.edit')} onClick={() => setDialog('edit')} />
        {!schema.edge && <Button size="small" icon={<NewLinkIcon />} text={t('entity.addLink')} onClick={() => setDialog('link')} />}
        <DeleteEntityButton entity={detail} />
      </div>
      {detail.mergedFrom && <MergedFrom entity={detail} members={detail.mergedFrom} />}
      {detail.endpoints && (
        <section className="entity-section endpoints" aria-label={t('entity.endpoints')}>
          <Button variant="minimal" icon={<SchemaIcon schema={detail.endpoints.source.schema} />} text={detail.endpoints.source.caption} onClick={() => select(detail.endpoints!.source.id)} />
          <ArrowRightIcon className="dir-icon" />
          <Button variant="minimal" icon={<SchemaIcon schema={detail.endpoints.target.schema} />} text={detail.endpoints.target.caption} onClick={() => select(detail.endpoints!.target.id)} />
        </section>
      )}
      <section className="entity-section" aria-labelledby="props-title">
        <h3 id="props-title" className="section-title">{t('entity.properties')}</h3>
        <PropertyTable entity={detail} schema={schema} />
      </section>
      {!schema.edge && (
        <section className="entity-section" aria-labelledby="links-title">
          <h3 id="links-title" className="section-title">{t('entity.links', { count: detail.links.length })}</h3>
          <LinksTable links={detail.links} />
        </section>
      )}
      {detail.schema === 'Phone' && (
        <section className="entity-section" aria-labelledby="comms-title">
          <h3 id="comms-title" className="section-title">{t('comms.panel.title')}</h3>
          <CommsPanel phoneId={detail.id} />
        </section>
      )}
      <AttachmentsSection targetId={detail.id} />
      {dialog === 'edit' && <EditEntityDialog key={detail.updatedAt} entity={detail} isOpen onClose={() => setDialog(null)} onSaved={replace} />}
      {dialog === 'link' && <LinkDialog from={detail} isOpen onClose={() => setDialog(null)} />}
    </article>
  );
}
