import { Button, Callout, Card, FormGroup, H3, InputGroup } from '@blueprintjs/core';
import { UnlockIcon } from '@blueprintjs/icons';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, isApiError } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { caseOpened } from './opened';
import { PathField } from './PathField';
import { RecentCases } from './RecentCases';
import { RestoreForm } from './RestoreForm';

export function OpenCaseForm() {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [pass, setPass] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Restore over `path` from a backup: offered for a damaged file and from the recent list.
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState<string | null>(null);
  const damaged = isApiError(error) && (error.code === 'CORRUPT_CASE' || error.code === 'NOT_A_CASE');
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
        {restored !== null && (
          <Callout intent="success" data-testid="restored">
            {t('start.restored', { replaced: restored })}
          </Callout>
        )}
        <Button type="submit" intent="primary" icon={<UnlockIcon />} text={t('start.open')} disabled={!path.trim() || !pass} loading={busy} fill />
      </form>
      {(damaged || restoring) && path.trim() && !restored && (
        <RestoreForm
          path={path.trim()}
          onRestored={(replaced) => {
            setRestored(replaced ?? '');
            setRestoring(false);
            setError(null);
            passRef.current?.focus();
          }}
        />
      )}
      {!damaged && !restoring && restored === null && path.trim() && <Button variant="minimal" size="small" text={t('start.restoreOffer')} onClick={() => setRestoring(true)} />}
      <RecentCases
        onPick={(p) => {
          setPath(p);
          setError(null);
          setRestored(null);
          passRef.current?.focus();
        }}
        onRestore={(p) => {
          setPath(p);
          setError(null);
          setRestored(null);
          setRestoring(true);
        }}
      />
    </Card>
  );
}
