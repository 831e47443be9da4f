import { Button, HTMLTable, NonIdealState, Tag } from '@blueprintjs/core';
import { DocumentIcon, ProjectsIcon, TrashIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatDateTime, formatNumber } from '../../format';
import { useSession } from '../../state/session';
import { useProject } from './useProjects';
import { AddToProject } from './AddToProject';

/** One project: its scope, participating bureaus, and who contributed which entity or source. */
export function ProjectDetailPane({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const { project, error } = useProject(id);
  const ours = useSession((s) => s.info?.bureau ?? '');
  const [actionError, setActionError] = useState<unknown>(null);
  if (!id) return <NonIdealState icon={<ProjectsIcon size={40} />} title={t('projects.pickTitle')} description={t('projects.pickText')} />;
  if (!project) return <ErrorCallout error={error} />;
  const remove = async (kind: 'entity' | 'source', itemId: string) => {
    setActionError(null);
    try {
      await call('project.removeItems', { id: project.id, ...(kind === 'entity' ? { entityIds: [itemId] } : { sourceIds: [itemId] }) });
      await afterWrite();
    } catch (err) {
      setActionError(err);
    }
  };
  return (
    <div className="project-detail" aria-labelledby="project-title">
      <h3 className="project-title" id="project-title">
        {project.name}
      </h3>
      {project.scope && <p className="project-scope">{project.scope}</p>}
      <div className="project-bureaus">
        <span className="muted">{t('projects.bureaus')}</span>
        {project.bureaus.length ? project.bureaus.map((b) => <Tag key={b} minimal className="mono">{b}</Tag>) : <span className="muted">—</span>}
      </div>
      <div className="muted small">
        {t('projects.createdBy', { by: project.createdBy, date: formatDateTime(project.createdAt) })} ·{' '}
        {t('projects.itemCount', { count: project.totalItems, n: formatNumber(project.totalItems) })}
      </div>
      <AddToProject projectId={project.id} />
      <ErrorCallout error={actionError} />
      <h4 className="section-title">{t('projects.contributions')}</h4>
      {project.items.length === 0 ? (
        <p className="muted">{t('projects.noItems')}</p>
      ) : (
        <HTMLTable compact striped className="data-table">
          <thead>
            <tr>
              <th>{t('projects.colItem')}</th>
              <th>{t('projects.colContributedBy')}</th>
              <th>{t('projects.colAdded')}</th>
              <th>
                <span className="visually-hidden">{t('officers.colActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {project.items.map((it) => (
              <tr key={`${it.kind}:${it.id}`}>
                <td>
                  {it.kind === 'source' && <DocumentIcon className="muted item-kind" />} {it.caption || t('entity.noCaption')}
                </td>
                <td>
                  <Tag minimal intent={it.contributedBy === ours ? 'primary' : 'none'} className="mono">
                    {it.contributedBy}
                  </Tag>
                </td>
                <td className="small">{formatDateTime(it.addedAt)}</td>
                <td className="row-actions">
                  {it.contributedBy === ours && (
                    <Button size="small" variant="minimal" icon={<TrashIcon />} aria-label={t('projects.remove')} title={t('projects.remove')} onClick={() => void remove(it.kind, it.id)} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      )}
      {project.items.length < project.totalItems && <p className="muted small">{t('projects.more', { n: formatNumber(project.totalItems - project.items.length) })}</p>}
    </div>
  );
}
