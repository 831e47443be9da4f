import { Button, Card, Checkbox, FormGroup, H3, InputGroup } from '@blueprintjs/core';
import type { CaseInfo } from '../../../../shared/case/dto';
import { RecoveryKeyCard } from '../casefile/RecoveryKeyCard';
import { FolderNewIcon } from '@blueprintjs/icons';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BUREAU_RE } from '../../app/bureau';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { caseOpened } from './opened';
import { isStrongEnough } from './passphraseStrength';
import { PathField } from './PathField';
import { StrengthHint } from './StrengthHint';


export function CreateCaseForm() {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [name, setName] = useState('');
  const [bureau, setBureau] = useState('');
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [noRecovery, setNoRecovery] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Created, with its recovery key still to be shown (once) before the case opens.
  const [created, setCreated] = useState<{ info: CaseInfo; recoveryKey: string } | null>(null);

  const bureauOk = BUREAU_RE.test(bureau);
  const mismatch = again.length > 0 && pass !== again;
  const ready = path.trim() !== '' && name.trim() !== '' && bureauOk && isStrongEnough(pass) && pass === again && !busy;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      const info = await call('case.create', { path: path.trim(), name: name.trim(), bureau, passphrase: pass });
      if (noRecovery) {
        await call('casefile.declineRecoveryKeys', {});
        caseOpened(info);
      } else {
        setCreated({ info, recoveryKey: (await call('casefile.recoveryKey', { passphrase: pass })).recoveryKey });
      }
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Card className="start-card" aria-labelledby="create-title">
        <H3 id="create-title">{t('start.createTitle')}</H3>
        <RecoveryKeyCard recoveryKey={created.recoveryKey} onDone={() => caseOpened(created.info)} />
      </Card>
    );
  }
  return (
    <Card className="start-card" aria-labelledby="create-title">
      <H3 id="create-title">{t('start.createTitle')}</H3>
      <form onSubmit={(e) => void submit(e)}>
        <PathField id="create-path" mode="create" value={path} onChange={setPath} />
        <div className="form-row">
          <FormGroup label={t('start.caseName')} labelFor="create-name" className="grow">
            <InputGroup id="create-name" value={name} onValueChange={setName} placeholder={t('start.caseNamePlaceholder')} />
          </FormGroup>
          <FormGroup
            label={t('start.bureau')}
            labelFor="create-bureau"
            intent={bureau && !bureauOk ? 'danger' : 'none'}
            helperText={bureau && !bureauOk ? t('start.bureauInvalid') : t('start.bureauHelp')}
          >
            <InputGroup id="create-bureau" value={bureau} onValueChange={(v) => setBureau(v.toUpperCase())} placeholder="NL_NCB" maxLength={16} spellCheck={false} />
          </FormGroup>
        </div>
        <FormGroup label={t('start.passphrase')} labelFor="create-pass">
          <InputGroup id="create-pass" type="password" value={pass} onValueChange={setPass} autoComplete="new-password" />
          <StrengthHint passphrase={pass} />
        </FormGroup>
        <FormGroup
          label={t('start.passphraseAgain')}
          labelFor="create-pass2"
          intent={mismatch ? 'danger' : 'none'}
          helperText={mismatch ? t('start.mismatch') : t('start.passphraseWarning')}
        >
          <InputGroup id="create-pass2" type="password" value={again} onValueChange={setAgain} autoComplete="new-password" intent={mismatch ? 'danger' : 'none'} />
        </FormGroup>
        <FormGroup helperText={t('start.noRecoveryKeyHelp')}>
          <Checkbox id="create-no-recovery" checked={noRecovery} onChange={(e) => setNoRecovery(e.currentTarget.checked)} label={t('start.noRecoveryKey')} />
        </FormGroup>
        <ErrorCallout error={error} />
        <Button type="submit" intent="primary" icon={<FolderNewIcon />} text={t('start.create')} disabled={!ready} loading={busy} fill />
      </form>
    </Card>
  );
}
