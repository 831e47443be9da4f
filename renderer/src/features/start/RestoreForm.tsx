import { Button, Callout, FormGroup, H5, InputGroup } from '@blueprintjs/core';
import { HistoryIcon } from '@blueprintjs/icons';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { PathField } from './PathField';

/** Restores the case at `path` from a backup (checked first; the replaced file is kept beside it). */
export function RestoreForm({ path, onRestored }: { path: string; onRestored(replaced: string | null): void }) {
  const { t } = useTranslation();
  const [backup, setBackup] = useState('');
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await call('casefile.restore', { backup: backup.trim(), path, passphrase: pass, force: true });
      onRestored(r.replaced);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Callout className="restore-form" icon={<HistoryIcon />} aria-labelledby="restore-title">
      <H5 id="restore-title">{t('start.restoreTitle')}</H5>
      <p className="muted">{t('start.restoreText')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <PathField id="restore-backup" mode="open" value={backup} onChange={setBackup} label={t('start.restoreBackup')} />
        <FormGroup label={t('start.restorePass')} labelFor="restore-pass">
          <InputGroup id="restore-pass" type="password" value={pass} onValueChange={setPass} autoComplete="current-password" />
        </FormGroup>
        <ErrorCallout error={error} />
        <Button type="submit" icon={<HistoryIcon />} text={t('start.restore')} disabled={!backup.trim() || !pass || busy} loading={busy} />
      </form>
    </Callout>
  );
}
