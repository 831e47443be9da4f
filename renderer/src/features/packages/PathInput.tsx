import { FormGroup, InputGroup } from '@blueprintjs/core';
import { FolderOpenIcon } from '@blueprintjs/icons';
import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(path: string): void;
  helperText?: ReactNode;
  placeholder?: string;
  intent?: 'none' | 'danger';
}

/** A file or folder path typed by the officer (e.g. the removable drive). The host has no
 * dialog for folders or package files yet, so the text field is the one way in everywhere. */
export function PathInput({ id, label, value, onChange, helperText, placeholder, intent = 'none' }: Props) {
  return (
    <FormGroup label={label} labelFor={id} helperText={helperText} intent={intent}>
      <InputGroup id={id} value={value} onValueChange={onChange} leftIcon={<FolderOpenIcon />} placeholder={placeholder} spellCheck={false} className="mono" intent={intent} fill />
    </FormGroup>
  );
}
