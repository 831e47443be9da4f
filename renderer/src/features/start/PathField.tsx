import { Button, ControlGroup, FormGroup, InputGroup } from '@blueprintjs/core';
import { FolderOpenIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';

interface Props {
  id: string;
  mode: 'create' | 'open';
  value: string;
  onChange(path: string): void;
  /** The field's label (default: "Case file"). */
  label?: string;
}

/** A case file path, typed or picked with the host's native dialog. */
export function PathField({ id, mode, value, onChange, label }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const browse = async () => {
    setError(null);
    try {
      const picked = await call('dialog.pickCaseFile', { mode });
      if (picked.path) onChange(picked.path);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <FormGroup label={label ?? t('start.path')} labelFor={id} helperText={t(mode === 'create' ? 'start.pathHelpCreate' : 'start.pathHelpOpen')}>
      <ControlGroup fill>
        <InputGroup id={id} value={value} onValueChange={onChange} placeholder={t('start.pathPlaceholder')} spellCheck={false} fill />
        <Button icon={<FolderOpenIcon />} text={t('start.browse')} onClick={() => void browse()} />
      </ControlGroup>
      <ErrorCallout error={error} />
    </FormGroup>
  );
}
