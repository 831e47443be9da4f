import { Button, Dialog, DialogBody, DialogFooter, FormGroup, InputGroup, TextArea } from '@blueprintjs/core';
import { ProjectsIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';

const BUREAU_RE = /^[A-Z0-9][A-Z0-9_]{0,15}$/;

/** A new analysis project of the central group: a name, its scope, the bureaus taking part. */
export function NewProjectDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [scope, setScope] = useState('');
  const [bureaus, setBureaus] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const list = bureaus.split(/[\s,;]+/).filter(Boolean);
  const bureausOk = list.every((b) => BUREAU_RE.test(b));
  const ready = name.trim() !== '' && bureausOk && !busy;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const p = await call('project.create', { name: name.trim(), scope: scope.trim(), bureaus: list });
      await afterWrite();
      onCreated(p.id);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog isOpen onClose={onClose} title={t('projects.newTitle')} icon={<ProjectsIcon />} className="form-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void submit();
        }}
      >
        <DialogBody>
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
          <ErrorCallout error={error} />
        </DialogBody>
        <DialogFooter
          minimal
          actions={
            <>
              <Button text={t('form.cancel')} onClick={onClose} />
              <Button type="submit" intent="primary" text={t('projects.create')} disabled={!ready} loading={busy} />
            </>
          }
        />
      </form>
    </Dialog>
  );
}
