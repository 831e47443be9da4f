import { FormGroup, InputGroup, TextArea } from '@blueprintjs/core';
import { ProjectsIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { FormDialog, useSubmit } from '../../app/FormDialog';
import { BUREAU_RE, bureauList } from '../../app/bureau';

/** A new analysis project of the central group: a name, its scope, the bureaus taking part. */
export function NewProjectDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scope, setScope] = useState('');
  const [bureaus, setBureaus] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    const p = await call('project.create', { name: name.trim(), scope: scope.trim(), bureaus: list });
    await afterWrite();
    onCreated(p.id);
  });
  const list = bureauList(bureaus);
  const bureausOk = list.every((b) => BUREAU_RE.test(b));
  const ready = name.trim() !== '' && bureausOk && !busy;
  return (
    <FormDialog
      title={t('projects.newTitle')}
      icon={<ProjectsIcon />}
      onClose={onClose}
      submitText={t('projects.create')}
      ready={ready}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
    >
      <FormGroup label={t('projects.name')} labelFor="project-name" labelInfo={t('form.required')}>
        <InputGroup id="project-name" value={name} onValueChange={setName} autoFocus />
      </FormGroup>
      <FormGroup label={t('projects.scope')} labelFor="project-scope" helperText={t('projects.scopeHelp')}>
        <TextArea id="project-scope" value={scope} onChange={(e) => setScope(e.currentTarget.value)} fill rows={3} />
      </FormGroup>
      <FormGroup
        label={t('projects.bureaus')}
        labelFor="project-bureaus"
        intent={bureausOk ? 'none' : 'danger'}
        helperText={bureausOk ? t('projects.bureausHelp') : t('start.bureauInvalid')}
      >
        <InputGroup id="project-bureaus" value={bureaus} onValueChange={(v) => setBureaus(v.toUpperCase())} placeholder="ES, FR, NL_NCB" className="mono" />
      </FormGroup>
    </FormDialog>
  );
}
