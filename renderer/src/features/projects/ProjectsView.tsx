import { Button, HTMLTable, NonIdealState } from '@blueprintjs/core';
import { AddIcon, ProjectsIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatDateTime, formatNumber } from '../../format';
import { NewProjectDialog } from './NewProjectDialog';
import { ProjectDetailPane } from './ProjectDetailPane';
import { useProjects } from './useProjects';
import '../officers/officers.css';
import './projects.css';

/** The central group's analysis projects: the list, and the chosen one's contributions. */
export function ProjectsView() {
  const { t } = useTranslation();
  const { projects, error } = useProjects();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? projects?.[0]?.id ?? null;
  return (
    <section className="projects-view pane" aria-labelledby="projects-title">
      <header className="pane-header">
        <h2 className="pane-title" id="projects-title">
          {t('projects.title')}
        </h2>
        <span className="muted">{projects ? t('projects.count', { count: projects.length, n: formatNumber(projects.length) }) : ''}</span>
        <Button className="pane-action" size="small" intent="primary" icon={<AddIcon />} text={t('projects.new')} onClick={() => setCreating(true)} />
      </header>
      <ErrorCallout error={error} />
      {projects && projects.length === 0 ? (
        <NonIdealState
          icon={<ProjectsIcon size={40} />}
          title={t('projects.emptyTitle')}
          description={t('projects.emptyText')}
          action={<Button icon={<AddIcon />} intent="primary" text={t('projects.new')} onClick={() => setCreating(true)} />}
        />
      ) : (
        <div className="projects-split">
          <div className="table-scroll">
            <HTMLTable compact striped interactive className="data-table project-table">
              <thead>
                <tr>
                  <th>{t('projects.colName')}</th>
                  <th>{t('projects.colBureaus')}</th>
                  <th className="num">{t('projects.colEntities')}</th>
                  <th className="num">{t('projects.colSources')}</th>
                  <th>{t('projects.colUpdated')}</th>
                </tr>
              </thead>
              <tbody>
                {projects?.map((p) => (
                  <tr key={p.id} className={p.id === current ? 'selected' : undefined} aria-selected={p.id === current} onClick={() => setSelected(p.id)}>
                    <td>
                      <button type="button" className="row-link" onClick={() => setSelected(p.id)}>
                        {p.name}
                      </button>
                    </td>
                    <td className="mono small">{p.bureaus.join(', ') || '—'}</td>
                    <td className="num">{formatNumber(p.entities)}</td>
                    <td className="num">{formatNumber(p.sources)}</td>
                    <td className="small">{formatDateTime(p.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </HTMLTable>
          </div>
          <div className="project-side">
            <ProjectDetailPane id={current} />
          </div>
        </div>
      )}
      {creating && (
        <NewProjectDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setSelected(id);
          }}
        />
      )}
    </section>
  );
}
