import { FormGroup, InputGroup } from '@blueprintjs/core';
import { TickCircleIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../../shared/exchange/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { FormDialog, useSubmit } from '../../app/FormDialog';
import { Fingerprint } from './Fingerprint';

/** Marks a partner's key verified. The fingerprint the partner reads aloud is typed in and the
 * core compares it, so a mismatch is refused rather than trusted by a click. */
export function VerifyDialog({ officer, onClose }: { officer: OfficerView; onClose(): void }) {
  const { t } = useTranslation();
  const [heard, setHeard] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await call('officer.verify', { id: officer.id, fingerprint: heard.trim() });
    await afterWrite();
    onClose();
  });
  return (
    <FormDialog
      title={t('officers.verifyTitle', { name: officer.name, bureau: officer.bureau.code })}
      icon={<TickCircleIcon />}
      onClose={onClose}
      submitText={t('officers.verifySubmit')} submitIntent="success"
      ready={heard.trim() !== ''}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
    >
      <p>{t('officers.verifyNote')}</p>
      <FormGroup label={t('officers.verifyOnFile')}>
        <Fingerprint groups={officer.fingerprintGroups} large />
      </FormGroup>
      <FormGroup label={t('officers.verifyHeard')} labelFor="verify-heard" labelInfo={t('form.required')} helperText={t('officers.verifyHeardHelp')}>
        <InputGroup id="verify-heard" value={heard} onValueChange={setHeard} className="mono" spellCheck={false} autoFocus />
      </FormGroup>
    </FormDialog>
  );
}
