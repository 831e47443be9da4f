import { Button, ProgressBar, Tag } from '@blueprintjs/core';
import { CrossIcon, StopIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { formatNumber } from '../../format';
import { dismissJob, type JobEntry } from './jobStore';

const INTENT = { running: 'primary', saving: 'primary', done: 'success', cancelled: 'warning', failed: 'danger' } as const;

/** One job: its label, a bar, done/total and a cancel button while it runs. A job saving its
 * result (committing) can no longer be cancelled and offers no Cancel. A job that was cancelled or
 * failed keeps its own state and never shows a full bar. */
export function JobRow({ job }: { job: JobEntry }) {
  const { t } = useTranslation();
  const [cancelling, setCancelling] = useState(false);
  const running = job.state === 'running';
  const busy = running || job.state === 'saving';
  // Unknown totals (0) show a moving bar; a finished bar is full only when the job is done.
  const value = job.state === 'done' ? 1 : running ? (job.total > 0 ? job.done / job.total : undefined) : job.state === 'saving' ? undefined : 0;
  const cancel = async () => {
    setCancelling(true);
    try {
      await call('job.cancel', { job: job.job });
    } catch {
      // The job ended before the cancel arrived: its final event says how.
      setCancelling(false);
    }
  };
  return (
    <div className="job-row" data-state={job.state} data-testid="job-row">
      <span className="job-label">{t(`jobs.label.${job.label}`, { defaultValue: job.label })}</span>
      <ProgressBar className="job-bar" intent={INTENT[job.state]} value={value} animate={busy} stripes={busy} />
      <span className="job-count muted">
        {job.total > 0 ? t('jobs.count', { done: formatNumber(job.done), total: formatNumber(job.total) }) : ''}
      </span>
      <Tag minimal intent={INTENT[job.state]} className="job-state">
        {t(`jobs.state.${job.state}`)}
      </Tag>
      {running ? (
        <Button size="small" variant="outlined" icon={<StopIcon />} text={t('jobs.cancel')} loading={cancelling} onClick={() => void cancel()} />
      ) : busy ? null : (
        <Button size="small" variant="minimal" icon={<CrossIcon />} aria-label={t('jobs.dismiss')} onClick={() => dismissJob(job.job)} />
      )}
    </div>
  );
}
