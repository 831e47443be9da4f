import { Button, Callout } from '@blueprintjs/core';
import { EnvelopeIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api';
import { afterWrite } from '../../../app/caseActions';
import { ErrorCallout } from '../../../app/ErrorCallout';
import { JobList } from '../../jobs/JobsPanel';
import { useJobsSince } from '../../jobs/jobStore';
import { formatBytes } from '../bytes';
import { PathInput } from '../PathInput';

/** A signed receipt for an imported package, addressed to its sender, written to a file. */
export function ReceiptForm({ packageId, defaultPath }: { packageId: string; defaultPath: string }) {
  const { t } = useTranslation();
  const [path, setPath] = useState(defaultPath);
  const [busy, setBusy] = useState(false);
  const [since, setSince] = useState<number | null>(null);
  const [written, setWritten] = useState<{ path: string; bytes: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const jobs = useJobsSince(since);
  const submit = async () => {
    setBusy(true);
    setError(null);
    setSince(Date.now());
    try {
      setWritten(await call('package.receipt', { packageId, path: path.trim() }));
      await afterWrite();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (written) {
    return (
      <Callout intent="success" icon={<EnvelopeIcon />} title={t('packages.receiptWritten')} data-testid="receipt-written">
        <span className="mono path-text">{written.path}</span> <span className="muted">· {formatBytes(written.bytes)}</span>
      </Callout>
    );
  }
  return (
    <div className="receipt-form">
      <div className="receipt-row">
        <PathInput id="receipt-path" label={t('packages.receiptPath')} value={path} onChange={setPath} helperText={t('packages.receiptHelp')} />
        <Button icon={<EnvelopeIcon />} text={t('packages.receiptWrite')} disabled={!path.trim()} loading={busy} onClick={() => void submit()} />
      </div>
      <JobList jobs={jobs} />
      <ErrorCallout error={error} />
    </div>
  );
}
