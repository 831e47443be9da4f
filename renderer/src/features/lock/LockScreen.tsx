import { Button, Card, FormGroup, H3, InputGroup } from '@blueprintjs/core';
import { LockIcon, LogOutIcon, UnlockIcon } from '@blueprintjs/icons';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { closeCase } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { useSession } from '../../state/session';
import { useWorkspace } from '../../state/workspace';
import './lock.css';

/** Shown while the case is locked (by the user or the idle timer): the key is gone from memory. */
export function LockScreen() {
  const { t } = useTranslation();
  const caseName = useSession((s) => s.info?.name ?? '');
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!pass || busy) return;
    setBusy(true);
    setError(null);
    try {
      const info = await call('case.unlock', { passphrase: pass });
      useSession.getState().setInfo(info);
      useSession.getState().setLocked(false);
      useWorkspace.getState().bumpData();
    } catch (err) {
      setError(err);
      setBusy(false);
      setPass('');
      input.current?.focus();
    }
  };

  return (
    <main className="lock-screen">
      <Card className="lock-card" aria-labelledby="lock-title">
        <LockIcon size={40} className="lock-icon" />
        <H3 id="lock-title">{t('lock.title')}</H3>
        <p className="muted">{t('lock.text', { name: caseName })}</p>
        <form onSubmit={(e) => void submit(e)}>
          <FormGroup label={t('lock.passphrase')} labelFor="unlock-pass">
            <InputGroup id="unlock-pass" type="password" value={pass} onValueChange={setPass} inputRef={input} autoComplete="current-password" />
          </FormGroup>
          <ErrorCallout error={error} />
          <Button type="submit" intent="primary" icon={<UnlockIcon />} text={t('lock.unlock')} loading={busy} disabled={!pass} fill />
        </form>
        <Button className="lock-close" variant="minimal" icon={<LogOutIcon />} text={t('lock.close')} onClick={() => void closeCase()} />
      </Card>
    </main>
  );
}
