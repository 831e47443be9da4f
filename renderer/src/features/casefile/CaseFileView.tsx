import { Button, Callout, FormGroup, H4, InputGroup } from '@blueprintjs/core';
import { FloppyDiskIcon, KeyIcon, ShieldIcon, TickCircleIcon, WarningSignIcon } from '@blueprintjs/icons';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutoBackupPolicy, BackupResult, VerifyReport } from '../../../../shared/casefile/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatDateTime, formatNumber } from '../../format';
import { PathField } from '../start/PathField';
import { AutoBackupSection } from './AutoBackupSection';
import { RecoveryKeyCard } from './RecoveryKeyCard';
import './casefile.css';

/** A backup older than this is called old (the "warns when it is old"). */
const OLD_AFTER_MS = 7 * 24 * 3600_000;

/** The case file's care: backups, a check of the file, the passphrase and the recovery key. */
export function CaseFileView() {
  const { t } = useTranslation();
  const [last, setLast] = useState<BackupResult | null | undefined>(undefined);
  const [auto, setAuto] = useState<AutoBackupPolicy | null | undefined>(undefined);
  const [out, setOut] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [changed, setChanged] = useState(false);
  const [keyPass, setKeyPass] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  const refresh = useCallback(() => {
    call('casefile.backupStatus', {}).then((s) => {
      setLast(s.last);
      setAuto(s.auto);
    }, setError);
  }, []);
  useEffect(refresh, [refresh]);

  const run = async (what: string, fn: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const backup = (e: FormEvent) => {
    e.preventDefault();
    void run('backup', async () => {
      setLast(await call('casefile.backup', { path: out.trim() }));
      setOut('');
    });
  };
  const rekey = (e: FormEvent) => {
    e.preventDefault();
    void run('rekey', async () => {
      const r = await call('casefile.rekey', { passphrase: current, newPassphrase: next });
      setCurrent('');
      setNext('');
      setAgain('');
      setChanged(true);
      setRecoveryKey(r.recoveryKey);
    });
  };
  const showKey = (e: FormEvent) => {
    e.preventDefault();
    void run('key', async () => {
      setRecoveryKey((await call('casefile.recoveryKey', { passphrase: keyPass })).recoveryKey);
      setKeyPass('');
    });
  };
  const old = last ? Date.now() - Date.parse(last.at) > OLD_AFTER_MS : false;

  return (
    <section className="casefile-view pane" aria-labelledby="casefile-title">
      <header className="pane-header">
        <h2 className="pane-title" id="casefile-title">{t('casefile.title')}</h2>
      </header>
      <div className="casefile-body">
        <ErrorCallout error={error} />
        {recoveryKey && <RecoveryKeyCard recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />}

        <section aria-labelledby="casefile-backup-title">
          <H4 id="casefile-backup-title">{t('casefile.backup.title')}</H4>
          {last === null && (
            <Callout intent="warning" icon={<WarningSignIcon />} data-testid="backup-status">
              {t('casefile.backup.none')}
            </Callout>
          )}
          {last && (
            <Callout intent={old ? 'warning' : 'success'} icon={old ? <WarningSignIcon /> : <TickCircleIcon />} data-testid="backup-status">
              {t(old ? 'casefile.backup.old' : 'casefile.backup.last', { at: formatDateTime(last.at), path: last.path, size: formatNumber(Math.round(last.bytes / 1024)) })}
            </Callout>
          )}
          <form onSubmit={backup}>
            <PathField id="backup-path" mode="create" value={out} onChange={setOut} label={t('start.restoreBackup')} />
            <Button type="submit" icon={<FloppyDiskIcon />} text={t('casefile.backup.now')} disabled={!out.trim() || busy !== null} loading={busy === 'backup'} />
          </form>
          <p className="muted">{t('casefile.backup.help')}</p>
          {auto !== undefined && <AutoBackupSection policy={auto} onChanged={setAuto} />}
        </section>

        <section aria-labelledby="casefile-verify-title">
          <H4 id="casefile-verify-title">{t('casefile.verify.title')}</H4>
          {report && (
            <Callout intent={report.ok ? 'success' : 'danger'} data-testid="verify-report">
              {report.ok ? t('casefile.verify.ok', { rows: formatNumber(report.audit.rows), schema: report.schema }) : t('casefile.verify.bad', { problem: report.problem })}
            </Callout>
          )}
          <Button icon={<ShieldIcon />} text={t('casefile.verify.run')} loading={busy === 'verify'} disabled={busy !== null} onClick={() => void run('verify', async () => setReport(await call('casefile.verifyOpen', {})))} />
        </section>

        <section aria-labelledby="casefile-rekey-title">
          <H4 id="casefile-rekey-title">{t('casefile.rekey.title')}</H4>
          <p className="muted">{t('casefile.rekey.help')}</p>
          {changed && (
            <Callout intent="success" icon={<TickCircleIcon />} data-testid="rekey-done">
              {t('casefile.rekey.done')}
            </Callout>
          )}
          <form onSubmit={rekey}>
            <FormGroup label={t('casefile.rekey.current')} labelFor="rekey-current">
              <InputGroup id="rekey-current" type="password" value={current} onValueChange={setCurrent} autoComplete="current-password" />
            </FormGroup>
            <FormGroup label={t('casefile.rekey.new')} labelFor="rekey-new">
              <InputGroup id="rekey-new" type="password" value={next} onValueChange={setNext} autoComplete="new-password" />
            </FormGroup>
            <FormGroup label={t('casefile.rekey.again')} labelFor="rekey-again" intent={again && again !== next ? 'danger' : 'none'} helperText={again && again !== next ? t('start.mismatch') : undefined}>
              <InputGroup id="rekey-again" type="password" value={again} onValueChange={setAgain} autoComplete="new-password" />
            </FormGroup>
            <Button type="submit" icon={<KeyIcon />} text={t('casefile.rekey.submit')} disabled={!current || next.length < 8 || next !== again || busy !== null} loading={busy === 'rekey'} />
          </form>
        </section>

        <section aria-labelledby="casefile-key-title">
          <H4 id="casefile-key-title">{t('casefile.recovery.section')}</H4>
          <p className="muted">{t('casefile.recovery.help')}</p>
          <form onSubmit={showKey} className="casefile-inline">
            <InputGroup id="recovery-pass" type="password" aria-label={t('start.passphrase')} placeholder={t('start.passphrase')} value={keyPass} onValueChange={setKeyPass} />
            <Button type="submit" icon={<KeyIcon />} text={t('casefile.recovery.show')} disabled={!keyPass || busy !== null} loading={busy === 'key'} />
          </form>
        </section>
      </div>
    </section>
  );
}
