import { Alert, Button, Callout } from '@blueprintjs/core';
import { PaperclipIcon, TrashIcon } from '@blueprintjs/icons';
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentSaved, AttachmentView } from '../../../../shared/attachments/dto';
import { call, pathForFile } from '../../api';
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

type Open = { kind: 'attach'; paths?: string[] } | { kind: 'view' | 'save' | 'remove'; attachment: AttachmentView } | null;

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
  const [dragging, setDragging] = useState(false);
  const [dropError, setDropError] = useState<string | null>(null);
  const titles = useMemo(() => new Map((sources ?? []).map((s) => [s.id, s.title])), [sources]);
  // A focus is for the page the search opened: forget it when this section leaves the target.
  useEffect(() => () => leaveFocus(targetId), [targetId, leaveFocus]);
  useEffect(() => {
    setNotice(null);
    setDropError(null);
  }, [targetId]);

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
  // Files dragged from the desktop: their paths come from the host (the page itself never learns
  // them), and the attach dialog opens with them filled in, to confirm and name the source report.
  const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');
  const onDragOver = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    const paths = files.map((f) => pathForFile(f));
    const found = paths.filter((p): p is string => p !== null);
    if (found.length < files.length) {
      setNotice(null);
      setDropError(t('attachments.dropNoPath', { names: files.filter((_, i) => paths[i] === null).map((f) => f.name || t('attachments.unnamed')).join(', ') }));
    } else setDropError(null);
    if (found.length > 0) setOpen({ kind: 'attach', paths: found });
  };

  const saved = (a: AttachmentView, r: AttachmentSaved) => {
    setOpen(null);
    setNotice(r.stripped ? t('attachments.savedStripped', { name: a.name, path: r.path }) : t('attachments.saved', { name: a.name, path: r.path }));
  };

  return (
    <section
      className={`entity-section attachments-section${dragging ? ' dragging' : ''}`}
      aria-labelledby={`attachments-title-${targetId}`}
      data-testid="attachments-section"
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="attachments-head">
        <h3 id={`attachments-title-${targetId}`} className="section-title">
          {t('attachments.title', { count: list?.length ?? 0 })}
        </h3>
        <span className="muted small">{t('attachments.dropHelp')}</span>
        <Button size="small" icon={<PaperclipIcon />} text={t('attachments.attach')} onClick={() => setOpen({ kind: 'attach' })} />
      </div>
      <ErrorCallout error={error} />
      {dropError && (
        <Callout intent="warning" className="attachments-notice" role="alert">
          <bdi>{dropError}</bdi>
        </Callout>
      )}
      {dragging && <div className="attachments-drop-hint">{t('attachments.dropHere')}</div>}
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
          {...(open.paths ? { initialPaths: open.paths } : {})}
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
