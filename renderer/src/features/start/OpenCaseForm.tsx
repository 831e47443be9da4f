import { Button, Card, FormGroup, H3, InputGroup } from '@blueprintjs/core';
import { UnlockIcon } from '@blueprintjs/icons';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { caseOpened } from './opened';
import { PathField } from './PathField';
import { RecentCases } from './RecentCases';

export function OpenCaseForm() {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const passRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!path.trim() || !pass || busy) return;
    setBusy(true);
    setError(null);
    try {
      caseOpened(await call('case.open', { path: path.trim(), passphrase: pass }));
    } catch (err) {
      setError(err);
      setBusy(false);
      passRef.current?.select();
    }
  };

  return (
    <Card className="start-card" aria-labelledby="open-title">
      <H3 id="open-title">{t('start.openTitle')}</H3>
      <form onSubmit={(e) => void submit(e)}>
        <PathField id="open-path" mode="open" value={path} onChange={setPath} />
        <FormGroup label={t('start.passphrase')} labelFor="open-pass">
          <InputGroup id="open-pass" type="password" value={pass} onValueChange={setPass} inputRef={passRef} autoComplete="current-password" />
        </FormGroup>
        <ErrorCallout error={error} />
        <Button type="submit" intent="primary" icon={<UnlockIcon />} text={t('start.open')} disabled={!path.trim() || !pass} loading={busy} fill />
      </form>
      <RecentCases
        onPick={(p) => {
          setPath(p);
          setError(null);
          passRef.current?.focus();
        }}
      />
    </Card>
  );
}
