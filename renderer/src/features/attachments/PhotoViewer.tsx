import { Button, Dialog, DialogBody, DialogFooter, Spinner } from '@blueprintjs/core';
import { MediaIcon } from '@blueprintjs/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../../../../shared/attachments/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';

/** A photo shown large: the core's bounded re-encoding of it (attachment.preview), never the original file. */
export function PhotoViewer({ attachment, onClose }: { attachment: AttachmentView; onClose(): void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ url: string | null; size: string | null; error: unknown }>({ url: null, size: null, error: null });
  useEffect(() => {
    let live = true;
    call('attachment.preview', { id: attachment.id }).then(
      (p) => live && setState({ url: `data:${p.type};base64,${p.base64}`, size: `${p.width} × ${p.height}`, error: null }),
      (error: unknown) => live && setState({ url: null, size: null, error }),
    );
    return () => {
      live = false;
    };
  }, [attachment.id]);
  const photo = attachment.photo;
  return (
    <Dialog isOpen onClose={onClose} title={<bdi>{attachment.name}</bdi>} icon={<MediaIcon />} className="photo-viewer">
      <DialogBody className="photo-viewer-body">
        {state.url ? <img src={state.url} alt={attachment.name} className="photo-viewer-img" data-testid="photo-viewer-img" /> : !state.error && <Spinner size={32} />}
        <ErrorCallout error={state.error} />
      </DialogBody>
      <DialogFooter
        minimal
        actions={<Button text={t('attachments.close')} onClick={onClose} />}
      >
        <span className="muted small">
          {[state.size, photo?.camera, photo?.takenAt ? t('attachments.taken', { date: photo.takenAt.replace('T', ' ') }) : null].filter(Boolean).join(' · ')}
        </span>
      </DialogFooter>
    </Dialog>
  );
}
