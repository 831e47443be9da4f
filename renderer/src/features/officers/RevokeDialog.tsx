import { FormGroup, InputGroup } from '@blueprintjs/core';
import { BanCircleIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../../shared/exchange/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { FormDialog, useSubmit } from '../../app/FormDialog';

/** Revokes a partner's key: no package is sent to it or accepted from it afterwards. */
export function RevokeDialog({ officer, onClose }: { officer: OfficerView; onClose(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await call('officer.revoke', { id: officer.id, reason: reason.trim() });
    await afterWrite();
    onClose();
  });
  return (
    <FormDialog
      title={t('officers.revokeTitle', { name: officer.name, bureau: officer.bureau.code })}
      icon={<BanCircleIcon />}
      onClose={onClose}
      submitText={t('officers.revokeSubmit')} submitIntent="danger"
      ready={reason.trim() !== ''}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
    >
      <p>{t('officers.revokeNote')}</p>
      <FormGroup label={t('officers.revokeReason')} labelFor="revoke-reason" labelInfo={t('form.required')}>
        <InputGroup id="revoke-reason" value={reason} onValueChange={setReason} autoFocus />
      </FormGroup>
    </FormDialog>
  );
}
