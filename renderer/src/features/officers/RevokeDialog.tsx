import { Button, Dialog, DialogBody, DialogFooter, FormGroup, InputGroup } from '@blueprintjs/core';
import { BanCircleIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../../shared/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';

/** Revokes a partner's key: no package is sent to it or accepted from it afterwards. */
export function RevokeDialog({ officer, onClose }: { officer: OfficerView; onClose(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('officer.revoke', { id: officer.id, reason: reason.trim() });
      await afterWrite();
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog isOpen onClose={onClose} title={t('officers.revokeTitle', { name: officer.name, bureau: officer.bureau.code })} icon={<BanCircleIcon />} className="form-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) void submit();
        }}
      >
        <DialogBody>
          <p>{t('officers.revokeNote')}</p>
          <FormGroup label={t('officers.revokeReason')} labelFor="revoke-reason" labelInfo={t('form.required')}>
            <InputGroup id="revoke-reason" value={reason} onValueChange={setReason} autoFocus />
          </FormGroup>
          <ErrorCallout error={error} />
        </DialogBody>
        <DialogFooter
          minimal
          actions={
            <>
              <Button text={t('form.cancel')} onClick={onClose} />
              <Button type="submit" intent="danger" text={t('officers.revokeSubmit')} disabled={!reason.trim()} loading={busy} />
            </>
          }
        />
      </form>
    </Dialog>
  );
}
