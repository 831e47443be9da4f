import { Checkbox } from '@blueprintjs/core';
import { ExportIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentSaved, AttachmentView } from '../../../../shared/attachments/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { FormDialog, useSubmit } from '../../app/FormDialog';
import { PathInput } from '../packages/PathInput';
import { strippable } from './typeLabel';

/** Writes a copy of the attachment to a path the officer names; photos lose their metadata unless told to keep it. */
export function SaveCopyDialog({ attachment, onClose, onSaved }: { attachment: AttachmentView; onClose(): void; onSaved(r: AttachmentSaved): void }) {
  const { t } = useTranslation();
  const canStrip = strippable(attachment.type);
  const [path, setPath] = useState('');
  const [strip, setStrip] = useState(canStrip);
  const [overwrite, setOverwrite] = useState(false);
  const { busy, error, submit } = useSubmit(
    () => call('attachment.save', { id: attachment.id, path: path.trim(), stripMetadata: canStrip && strip, overwrite }),
    (r) => {
      // The copy is audited: the audit view's cache must refetch.
      void afterWrite();
      onSaved(r);
    },
  );
  return (
    <FormDialog title={t('attachments.saveTitle', { name: attachment.name })} icon={<ExportIcon />} onClose={onClose} submitText={t('attachments.saveSubmit')} ready={path.trim() !== ''} busy={busy} error={error} onSubmit={() => void submit()}>
      <PathInput id="attachment-save-path" label={t('attachments.savePath')} value={path} onChange={setPath} placeholder={t('attachments.savePlaceholder', { name: attachment.name })} helperText={t('attachments.saveHelp')} />
      <Checkbox checked={canStrip && strip} disabled={!canStrip} onChange={(e) => setStrip(e.currentTarget.checked)} label={t('attachments.strip')} />
      <p className="muted small">{canStrip ? t('attachments.stripHelp') : t('attachments.stripNone')}</p>
      <Checkbox checked={overwrite} onChange={(e) => setOverwrite(e.currentTarget.checked)} label={t('attachments.overwrite')} />
    </FormDialog>
  );
}
