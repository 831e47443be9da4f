import { Button, Callout, Dialog, DialogBody, DialogFooter } from '@blueprintjs/core';
import { ExportIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportResult, HandlingReview } from '../../../../../shared/exchange/dto';
import { call, isApiError } from '../../../api';
import { afterWrite } from '../../../app/caseActions';
import { ErrorCallout } from '../../../app/ErrorCallout';
import { useSession } from '../../../state/session';
import { JobList } from '../../jobs/JobsPanel';
import { useJobsSince } from '../../jobs/jobStore';
import { useOfficers } from '../../officers/useOfficers';
import { PathInput } from '../PathInput';
import { fileSlug, folderOf, joinPath, today } from '../paths';
import { ExportDone } from './ExportDone';
import { HandlingReviewPanel } from './HandlingReviewPanel';
import { PlanPicker } from './PlanPicker';
import { RecipientPicker } from './RecipientPicker';
import { ScopePicker } from './ScopePicker';
import { isComplete, toPackageScope, type PackageScope, type ScopeChoice } from './scope';

/** Export a package: choose the scope and the recipients, see the handling review (nothing is
 * written until then), write the .cordonpkg to a folder (the removable drive), follow progress. */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const info = useSession((s) => s.info);
  const { partners } = useOfficers();
  const [choice, setChoice] = useState<ScopeChoice>({ kind: 'all' });
  const [to, setTo] = useState<string[]>([]);
  const [operations, setOperations] = useState<string[]>([]);
  const [folder, setFolder] = useState(folderOf(info?.path ?? ''));
  const [fileName, setFileName] = useState('');
  // The review holds the exact scope it was made for: the package is written from that scope.
  const [review, setReview] = useState<{ review: HandlingReview; scope: PackageScope } | null>(null);
  const [busy, setBusy] = useState<'review' | 'write' | null>(null);
  const [since, setSince] = useState<number | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const jobs = useJobsSince(since);

  const recipients = partners.filter((o) => to.includes(o.id));
  const suggested = `${fileSlug(info?.bureau ?? 'cordon')}-to-${fileSlug(recipients.map((r) => r.bureau.code).join('-') || 'recipient')}-${today()}.cordonpkg`;
  const name = fileName.trim() || suggested;
  const path = joinPath(folder, name);
  const nameOk = name.endsWith('.cordonpkg') && !/[\\/]/.test(name);
  const canReview = isComplete(choice) && to.length > 0 && busy === null;

  // Any change to what is chosen makes the review stale: it must be run again before writing.
  const stale = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setReview(null);
    setError(null);
  };

  const runReview = async () => {
    setBusy('review');
    setError(null);
    try {
      const scope = await toPackageScope(choice);
      setReview({ review: await call('package.review', { to, scope, operations }), scope });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const write = async () => {
    if (!review) return;
    setBusy('write');
    setError(null);
    setSince(Date.now());
    try {
      const scope = review.scope;
      const exported = await call('package.export', { path, to, scope, operations, ...(scope.kind === 'project' ? { project: scope.id } : {}) });
      setResult(exported);
      await afterWrite();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const cancelled = isApiError(error) && error.code === 'CANCELLED';
  return (
    <Dialog isOpen onClose={busy === 'write' ? undefined : onClose} title={t('packages.exportTitle')} icon={<ExportIcon />} className="form-dialog wide exchange-dialog">
      <DialogBody>
        {result ? (
          <ExportDone result={result} />
        ) : (
          <>
            <div className="form-row">
              <div className="grow">
                <ScopePicker value={choice} onChange={stale(setChoice)} disabled={busy !== null} />
              </div>
              <div className="grow">
                <RecipientPicker officers={partners} value={to} onChange={stale(setTo)} disabled={busy !== null} />
                <PlanPicker value={operations} onChange={stale(setOperations)} disabled={busy !== null} />
              </div>
            </div>
            <div className="form-row">
              <div className="grow">
                <PathInput id="export-folder" label={t('packages.folder')} value={folder} onChange={setFolder} helperText={t('packages.folderHelp')} placeholder="/media/usb" />
              </div>
              <div className="grow">
                <PathInput
                  id="export-name"
                  label={t('packages.fileName')}
                  value={fileName}
                  onChange={setFileName}
                  placeholder={suggested}
                  intent={nameOk ? 'none' : 'danger'}
                  helperText={nameOk ? t('packages.fileNameHelp') : t('packages.fileNameInvalid')}
                />
              </div>
            </div>
            {review && <HandlingReviewPanel review={review.review} />}
            {!review && canReview && <p className="muted">{t('packages.reviewFirst')}</p>}
            <JobList jobs={jobs} />
            {cancelled ? (
              <Callout intent="warning" className="dialog-note">
                {t('packages.exportCancelled')}
              </Callout>
            ) : (
              <ErrorCallout error={error} />
            )}
          </>
        )}
      </DialogBody>
      <DialogFooter
        minimal
        actions={
          result ? (
            <Button intent="primary" text={t('exchange.close')} onClick={onClose} />
          ) : (
            <>
              <Button text={t('form.cancel')} onClick={onClose} disabled={busy === 'write'} />
              <Button text={t('packages.review')} intent={review ? 'none' : 'primary'} disabled={!canReview} loading={busy === 'review'} onClick={() => void runReview()} />
              <Button
                text={t('packages.write')}
                intent="primary"
                icon={<ExportIcon />}
                disabled={!review || !nameOk || !folder.trim() || busy !== null}
                loading={busy === 'write'}
                onClick={() => void write()}
                title={review ? path : t('packages.reviewFirst')}
              />
            </>
          )
        }
      />
    </Dialog>
  );
}
