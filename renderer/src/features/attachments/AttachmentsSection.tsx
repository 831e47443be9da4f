import { Alert, Button, Callout } from '@blueprintjs/core';
import { PaperclipIcon, TrashIcon } from '@blueprintjs/icons';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentSaved, AttachmentView } from '../../../../shared/attachments/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { useSources } from '../sources/useSources';
import { AttachDialog } from './AttachDialog';
import { AttachmentRow } from './AttachmentRow';
import { useAttachmentFocus } from './focus';
import { PhotoViewer } from './PhotoViewer';
import { SaveCopyDialog } from './SaveCopyDialog';
import { useAttachments } from './useAttachments';
import './attachments.css';

type Open = { kind: 'attach' } | { kind: 'view' | 'save' | 'remove'; attachment: AttachmentView } | null;

/** The files attached to one entity, link or source report: list, view, attach, save a copy, remove. */
export function AttachmentsSection({ targetId, isSource = false }: { targetId: string; isSource?: boolean }) {
  const { t } = useTranslation();
  const { list, error, reload } = useAttachments(targetId);
  const { sources } = useSources();
  const focus = useAttachmentFocus((s) => s.focus);
  const leaveFocus = useAttachmentFocus((s) => s.leave);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const titles = useMemo(() => new Map((sources ?? []).map((s) => [s.id, s.title])), [sources]);
  // A focus is for the page the search opened: forget it when this section leaves the target.
  useEffect(() => () => leaveFocus(targetId), [targetId, leaveFocus]);
  useEffect(() => setNotice(null), [targetId]);

  const remove = async (a: AttachmentView) => {
    setBusy(true);
    setRemoveError(null);
    try {
      await call('attachment.remove', { id: a.id });
      setOpen(null);
      setNotice(t('attachments.removed', { name: a.name }));
      reload();
      await afterWrite();
    } catch (err) {
      setRemoveError(err);
    } finally {
      setBusy(false);
    }
  };
  const saved = (a: AttachmentView, r: AttachmentSaved) => {
    setOpen(null);
    setNotice(r.stripped ? t('attachments.savedStripped', { name: a.name, path: r.path }) : t('attachments.saved', { name: a.name, path: r.path }));
  };

  return (
    <section className="entity-section attachments-section" aria-labelledby={`attachments-title-${targetId}`} data-testid="attachments-section">
      <div className="attachments-head">
        <h3 id={`attachments-title-${targetId}`} className="section-title">
          {t('attachments.title', { count: list?.length ?? 0 })}
        </h3>
        <Button size="small" icon={<PaperclipIcon />} text={t('attachments.attach')} onClick={() => setOpen({ kind: 'attach' })} />
      </div>
      <ErrorCallout error={error} />
      {notice && (
        <Callout intent="success" className="attachments-notice" role="status">
          <bdi>{notice}</bdi>
        </Callout>
      )}
      {list && list.length === 0 && <p className="muted">{t('attachments.none')}</p>}
      {list && list.length > 0 && (
        <ul className="attachment-list">
          {list.map((a) => (
            <AttachmentRow
              key={a.id}
              attachment={a}
              sourceTitle={a.sourceId ? (titles.get(a.sourceId) ?? null) : null}
              focused={focus?.id === a.id && focus.targetId === targetId ? { page: focus.page } : null}
              onView={() => setOpen({ kind: 'view', attachment: a })}
              onSave={() => setOpen({ kind: 'save', attachment: a })}
              onRemove={() => {
                setRemoveError(null);
                setOpen({ kind: 'remove', attachment: a });
              }}
            />
          ))}
        </ul>
      )}
      {open?.kind === 'attach' && (
        <AttachDialog
          targetId={targetId}
          isSource={isSource}
          onClose={() => setOpen(null)}
          onDone={(r) => {
            setOpen(null);
            setNotice(t('attachments.attached', { count: r.attachments.length }));
            reload();
          }}
        />
      )}
      {open?.kind === 'view' && <PhotoViewer attachment={open.attachment} onClose={() => setOpen(null)} />}
      {open?.kind === 'save' && <SaveCopyDialog attachment={open.attachment} onClose={() => setOpen(null)} onSaved={(r) => saved(open.attachment, r)} />}
      <Alert
        isOpen={open?.kind === 'remove'}
        intent="danger"
        icon={<TrashIcon />}
        confirmButtonText={t('attachments.removeConfirm')}
        cancelButtonText={t('form.cancel')}
        loading={busy}
        onConfirm={() => open?.kind === 'remove' && void remove(open.attachment)}
        onCancel={() => setOpen(null)}
        canEscapeKeyCancel
      >
        {open?.kind === 'remove' && <p>{t('attachments.removeText', { name: open.attachment.name })}</p>}
        <ErrorCallout error={removeError} />
      </Alert>
    </section>
  );
}
