import { FormGroup, InputGroup } from '@blueprintjs/core';
import { TargetIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { FormDialog, useSubmit } from '../../app/FormDialog';
import { useSession } from '../../state/session';
import { BUREAU_RE, bureauList } from '../../app/bureau';

/** A new joint operation: name, code word, lead bureau, participating bureaus and agencies. */
export function NewOperationDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { t } = useTranslation();
  const myBureau = useSession((s) => s.info?.bureau ?? '');
  const [name, setName] = useState('');
  const [codeWord, setCodeWord] = useState('');
  const [lead, setLead] = useState(myBureau);
  const [bureaus, setBureaus] = useState('');
  const [agencies, setAgencies] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    const op = await call('operation.create', {
      name: name.trim(),
      codeWord: codeWord.trim(),
      leadBureau: lead,
      bureaus: list,
      agencies: agencies
        .split(/[;,]/)
        .map((a) => a.trim())
        .filter(Boolean),
    });
    await afterWrite();
    onCreated(op.id);
  });
  const list = bureauList(bureaus);
  const bureausOk = list.every((b) => BUREAU_RE.test(b));
  const leadOk = BUREAU_RE.test(lead);
  const ready = name.trim() !== '' && leadOk && bureausOk && !busy;
  return (
    <FormDialog
      title={t('operations.newTitle')}
      icon={<TargetIcon />}
      onClose={onClose}
      submitText={t('operations.create')}
      ready={ready}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
    >
      <FormGroup label={t('operations.name')} labelFor="op-name" labelInfo={t('form.required')}>
        <InputGroup id="op-name" value={name} onValueChange={setName} autoFocus />
      </FormGroup>
      <div className="form-row">
        <FormGroup label={t('operations.codeWord')} labelFor="op-code" className="grow">
          <InputGroup id="op-code" value={codeWord} onValueChange={(v) => setCodeWord(v.toUpperCase())} className="mono" />
        </FormGroup>
        <FormGroup
          label={t('operations.lead')}
          labelFor="op-lead"
          labelInfo={t('form.required')}
          intent={leadOk || lead === '' ? 'none' : 'danger'}
          helperText={leadOk || lead === '' ? undefined : t('start.bureauInvalid')}
        >
          <InputGroup id="op-lead" value={lead} onValueChange={(v) => setLead(v.toUpperCase().trim())} className="mono" />
        </FormGroup>
      </div>
      <FormGroup
        label={t('operations.bureaus')}
        labelFor="op-bureaus"
        intent={bureausOk ? 'none' : 'danger'}
        helperText={bureausOk ? t('operations.bureausHelp') : t('start.bureauInvalid')}
      >
        <InputGroup id="op-bureaus" value={bureaus} onValueChange={(v) => setBureaus(v.toUpperCase())} placeholder="ES, FR, IT" className="mono" />
      </FormGroup>
      <FormGroup label={t('operations.agencies')} labelFor="op-agencies" helperText={t('operations.agenciesHelp')}>
        <InputGroup id="op-agencies" value={agencies} onValueChange={setAgencies} />
      </FormGroup>
    </FormDialog>
  );
}
