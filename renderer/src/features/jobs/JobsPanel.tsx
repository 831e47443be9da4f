import { useTranslation } from 'react-i18next';
import { JobRow } from './JobRow';
import { useJobs } from './jobStore';
import './jobs.css';

/** The bottom panel's progress area (DESIGN.md §10): every long job of any feature, cancellable. */
export function JobsPanel() {
  const { t } = useTranslation();
  const jobs = useJobs();
  if (jobs.length === 0) return null;
  return (
    <section className="jobs-panel" aria-label={t('jobs.title')}>
      {jobs.map((j) => (
        <JobRow key={j.job} job={j} />
      ))}
    </section>
  );
}

/** The same rows inside a dialog (its overlay hides the bottom panel): the jobs it started. */
export function JobList({ jobs }: { jobs: ReturnType<typeof useJobs> }) {
  if (jobs.length === 0) return null;
  return (
    <div className="jobs-inline">
      {jobs.map((j) => (
        <JobRow key={j.job} job={j} />
      ))}
    </div>
  );
}
