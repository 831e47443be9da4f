import { Button, Dialog, DialogBody, DialogFooter, FormGroup, InputGroup } from '@blueprintjs/core';
import { TickCircleIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../../shared/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { Fingerprint } from './Fingerprint';

/** Marks a partner's key verified. The fingerprint the partner reads aloud is typed in and the
 * core compares it, so a mismatch is refused rather than trusted by a click. */
export function VerifyDialog({ officer, onClose }: { officer: OfficerView; onClose(): void }) {
  const { t } = useTranslation();
  const [heard, setHeard] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('officer.verify', { id: officer.id, fingerprint: heard.trim() });
      await afterWrite();
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog isOpen onClose={onClose} title={t('officers.verifyTitle', { name: officer.name, bureau: officer.bureau.code })} icon={<TickCircleIcon />} className="form-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (heard.trim()) void submit();
        }}
      >
        <DialogBody>
          <p>{t('officers.verifyNote')}</p>
          <FormGroup label={t('officers.verifyOnFile')}>
            <Fingerprint groups={officer.fingerprintGroups} large />
          </FormGroup>
          <FormGroup label={t('officers.verifyHeard')} labelFor="verify-heard" labelInfo={t('form.required')} helperText={t('officers.verifyHeardHelp')}>
            <InputGroup id="verify-heard" value={heard} onValueChange={setHeard} className="mono" spellCheck={false} autoFocus />
          </FormGroup>
          <ErrorCallout error={error} />
        </DialogBody>
        <DialogFooter
          minimal
          actions={
            <>
              <Button text={t('form.cancel')} onClick={onClose} />
              <Button type="submit" intent="success" text={t('officers.verifySubmit')} disabled={!heard.trim()} loading={busy} />
            </>
          }
        />
      </form>
    </Dialog>
  );
}
