import { Button, Callout, FormGroup, H5, InputGroup, NumericInput } from '@blueprintjs/core';
import { HistoryIcon, TickCircleIcon } from '@blueprintjs/icons';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutoBackupPolicy } from '../../../../shared/casefile/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';

interface Props {
  policy: AutoBackupPolicy | null | undefined;
  onChanged(policy: AutoBackupPolicy | null): void;
}

/** Automatic backups: a folder (a second disk, a removable drive), how often, how many kept. */
export function AutoBackupSection({ policy, onChanged }: Props) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState(policy?.folder ?? '');
  const [every, setEvery] = useState(policy?.everyHours ?? 24);
  const [keep, setKeep] = useState(policy?.keep ?? 7);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async (next: AutoBackupPolicy | null) => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('casefile.setAutoBackup', { policy: next });
      onChanged(r);
      if (r) setFolder(r.folder);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({ folder: folder.trim(), everyHours: every, keep });
  };

  return (
    <div className="casefile-auto" aria-labelledby="casefile-auto-title" role="group">
      <H5 id="casefile-auto-title">{t('casefile.auto.title')}</H5>
      {policy && (
        <Callout intent="success" icon={<TickCircleIcon />} data-testid="auto-backup-status">
          {t('casefile.auto.on', { folder: policy.folder, hours: policy.everyHours, keep: policy.keep })}
        </Callout>
      )}
      {policy === null && <p className="muted" data-testid="auto-backup-status">{t('casefile.auto.off')}</p>}
      <ErrorCallout error={error} />
      <form onSubmit={submit}>
        <FormGroup label={t('casefile.auto.folder')} labelFor="auto-backup-folder" helperText={t('casefile.auto.folderHelp')}>
          <InputGroup id="auto-backup-folder" value={folder} onValueChange={setFolder} spellCheck={false} fill />
        </FormGroup>
        <div className="casefile-inline">
          <FormGroup label={t('casefile.auto.every')} labelFor="auto-backup-every">
            <NumericInput id="auto-backup-every" min={1} max={744} value={every} onValueChange={(n) => Number.isFinite(n) && setEvery(Math.round(n))} />
          </FormGroup>
          <FormGroup label={t('casefile.auto.keep')} labelFor="auto-backup-keep">
            <NumericInput id="auto-backup-keep" min={1} max={365} value={keep} onValueChange={(n) => Number.isFinite(n) && setKeep(Math.round(n))} />
          </FormGroup>
        </div>
        <div className="casefile-inline">
          <Button type="submit" icon={<HistoryIcon />} text={t('casefile.auto.save')} disabled={!folder.trim() || busy} loading={busy} />
          {policy && <Button variant="minimal" text={t('casefile.auto.turnOff')} disabled={busy} onClick={() => void save(null)} />}
        </div>
      </form>
    </div>
  );
}
