import { Button, Callout, Dialog, DialogBody, DialogFooter, FormGroup, InputGroup } from '@blueprintjs/core';
import { KeyIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUREAU_RE } from '../../app/bureau';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { useSession } from '../../state/session';


/** This workstation's officer: the core generates both key pairs and keeps the private halves
 * inside the encrypted case; nothing secret passes through the window. */
export function InitIdentityDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const caseBureau = useSession((s) => s.info?.bureau ?? '');
  const [bureau, setBureau] = useState(caseBureau);
  const [bureauName, setBureauName] = useState('');
  const [country, setCountry] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [languages, setLanguages] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const bureauOk = BUREAU_RE.test(bureau);
  const ready = bureauOk && name.trim() !== '' && !busy;
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const langs = languages.split(/[\s,;]+/).filter(Boolean);
      await call('officer.init', {
        bureau,
        name: name.trim(),
        role: opt(role),
        languages: langs.length ? langs : undefined,
        phone: opt(phone),
        email: opt(email),
        country: opt(country),
        bureauName: opt(bureauName),
      });
      await afterWrite();
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog isOpen onClose={onClose} title={t('officers.initTitle')} icon={<KeyIcon />} className="form-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void submit();
        }}
      >
        <DialogBody>
          <Callout intent="primary" className="dialog-note">
            {t('officers.initNote')}
          </Callout>
          <div className="form-row">
            <FormGroup label={t('officers.bureauCode')} labelFor="me-bureau" labelInfo={t('form.required')} className="grow" intent={bureauOk ? 'none' : 'danger'} helperText={bureauOk ? undefined : t('start.bureauInvalid')}>
              <InputGroup id="me-bureau" value={bureau} onValueChange={(v) => setBureau(v.toUpperCase())} className="mono" />
            </FormGroup>
            <FormGroup label={t('officers.country')} labelFor="me-country" className="grow">
              <InputGroup id="me-country" value={country} onValueChange={setCountry} />
            </FormGroup>
          </div>
          <FormGroup label={t('officers.bureauName')} labelFor="me-bureau-name">
            <InputGroup id="me-bureau-name" value={bureauName} onValueChange={setBureauName} />
          </FormGroup>
          <div className="form-row">
            <FormGroup label={t('officers.name')} labelFor="me-name" labelInfo={t('form.required')} className="grow">
              <InputGroup id="me-name" value={name} onValueChange={setName} />
            </FormGroup>
            <FormGroup label={t('officers.role')} labelFor="me-role" className="grow">
              <InputGroup id="me-role" value={role} onValueChange={setRole} />
            </FormGroup>
          </div>
          <div className="form-row">
            <FormGroup label={t('officers.languages')} labelFor="me-languages" className="grow" helperText={t('officers.languagesHelp')}>
              <InputGroup id="me-languages" value={languages} onValueChange={setLanguages} />
            </FormGroup>
            <FormGroup label={t('officers.phone')} labelFor="me-phone" className="grow">
              <InputGroup id="me-phone" value={phone} onValueChange={setPhone} />
            </FormGroup>
          </div>
          <FormGroup label={t('officers.email')} labelFor="me-email" helperText={t('officers.emailHelp')}>
            <InputGroup id="me-email" value={email} onValueChange={setEmail} />
          </FormGroup>
          <ErrorCallout error={error} />
        </DialogBody>
        <DialogFooter
          minimal
          actions={
            <>
              <Button text={t('form.cancel')} onClick={onClose} />
              <Button type="submit" intent="primary" text={t('officers.initSubmit')} disabled={!ready} loading={busy} />
            </>
          }
        />
      </form>
    </Dialog>
  );
}
