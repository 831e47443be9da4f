import { Button, Callout, Dialog, DialogBody, DialogFooter } from '@blueprintjs/core';
import { ImportIcon, ShieldIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '../../../../../shared/exchange/dto';
import { call, isApiError } from '../../../api';
import { afterWrite } from '../../../app/caseActions';
import { ErrorCallout } from '../../../app/ErrorCallout';
import { useSession } from '../../../state/session';
import { JobList } from '../../jobs/JobsPanel';
import { useJobsSince } from '../../jobs/jobStore';
import { useOfficers } from '../../officers/useOfficers';
import { PathInput } from '../PathInput';
import { fileSlug, folderOf, joinPath, today } from '../paths';
import { ImportDone } from './ImportDone';
import { PreviewPanel } from './PreviewPanel';
import { refusalOf } from './refusal';
import { RefusalPanel } from './RefusalPanel';

/** Import a package: verify first (every check, nothing written but the audit row), preview
 * the contents and their matches, accept all or some entities, then offer the receipt. */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const bureau = useSession((s) => s.info?.bureau ?? 'cordon');
  const { partners } = useOfficers();
  const [path, setPath] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<'verify' | 'import' | null>(null);
  const [since, setSince] = useState<number | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const jobs = useJobsSince(since);
  const refusal = refusalOf(error);
  const entityIds = preview ? preview.items.filter((i) => !i.isLink).map((i) => i.id) : [];
  // Links are entities to the core: they go in the accepted set too, and the core keeps only
  // those whose two ends are present after the import.
  const linkIds = preview ? preview.items.filter((i) => i.isLink).map((i) => i.id) : [];
  const everything = entityIds.every((id) => accepted.has(id));

  const verify = async () => {
    setBusy('verify');
    setError(null);
    setPreview(null);
    setSince(Date.now());
    try {
      const p = await call('package.verify', { path: path.trim() });
      setPreview(p);
      setAccepted(new Set(p.items.filter((i) => !i.isLink).map((i) => i.id)));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
      // The verify wrote its audit row.
      await afterWrite();
    }
  };

  const runImport = async () => {
    setBusy('import');
    setError(null);
    setSince(Date.now());
    try {
      setResult(await call('package.import', { path: path.trim(), accept: everything ? 'all' : { entities: [...accepted, ...linkIds] } }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
      await afterWrite();
    }
  };

  const toggle = (id: string, on: boolean) =>
    setAccepted((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const cancelled = isApiError(error) && error.code === 'CANCELLED';
  const sender = preview ? partners.find((o) => o.id === preview.package.sender.id) : undefined;
  const receiptPath = result ? joinPath(folderOf(path.trim()), `${fileSlug(bureau)}-receipt-to-${fileSlug(result.sender.bureau)}-${today()}.cordonpkg`) : '';
  return (
    <Dialog isOpen onClose={busy ? undefined : onClose} title={t('packages.importTitle')} icon={<ImportIcon />} className="form-dialog wide exchange-dialog">
      <DialogBody>
        {result ? (
          <ImportDone result={result} receiptPath={receiptPath} />
        ) : (
          <>
            <PathInput
              id="import-path"
              label={t('packages.importPath')}
              value={path}
              onChange={(v) => {
                setPath(v);
                setPreview(null);
                setError(null);
              }}
              helperText={t('packages.importPathHelp')}
              placeholder="/media/usb/es-to-fr.cordonpkg"
            />
            <JobList jobs={jobs} />
            {refusal && <RefusalPanel refusal={refusal} />}
            {cancelled && (
              <Callout intent="warning" className="dialog-note">
                {t('packages.importCancelled')}
              </Callout>
            )}
            {!refusal && !cancelled && <ErrorCallout error={error} />}
            {preview && <PreviewPanel preview={preview} sender={sender} accepted={accepted} onToggle={toggle} onToggleAll={(on) => setAccepted(new Set(on ? entityIds : []))} />}
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
              <Button text={t('form.cancel')} onClick={onClose} disabled={busy !== null} />
              <Button
                text={t('packages.verify')}
                icon={<ShieldIcon />}
                intent={preview ? 'none' : 'primary'}
                disabled={!path.trim() || busy !== null}
                loading={busy === 'verify'}
                onClick={() => void verify()}
              />
              {preview && (
                <Button
                  text={preview.receipt ? t('packages.importReceipt') : everything ? t('packages.acceptAll') : t('packages.acceptSome', { count: accepted.size })}
                  intent="primary"
                  icon={<ImportIcon />}
                  disabled={busy !== null || (!preview.receipt && accepted.size === 0)}
                  loading={busy === 'import'}
                  onClick={() => void runImport()}
                />
              )}
            </>
          )
        }
      />
    </Dialog>
  );
}
