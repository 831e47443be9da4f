import { Button, Dialog, DialogBody, DialogFooter } from '@blueprintjs/core';
import { PaperclipIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { SourceView } from '../../../../shared/entities/dto';
import { AttachmentsSection } from './AttachmentsSection';

/** A source report's attached files (the scanned report itself, its annexes); source reports have no page of their own. */
export function SourceAttachmentsDialog({ source, onClose }: { source: SourceView; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Dialog isOpen onClose={onClose} title={<bdi>{source.title}</bdi>} icon={<PaperclipIcon />} className="source-attachments-dialog">
      <DialogBody>
        <AttachmentsSection targetId={source.id} isSource />
      </DialogBody>
      <DialogFooter minimal actions={<Button text={t('attachments.close')} onClick={onClose} />} />
    </Dialog>
  );
}
