import { Button, Tag } from '@blueprintjs/core';
import { ExportIcon, TrashIcon, WarningSignIcon } from '@blueprintjs/icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentView } from '../../../../shared/attachments/dto';
import { formatDateTime } from '../../format';
import { formatBytes } from '../packages/bytes';
import { Thumbnail } from './Thumbnail';
import { typeLabel, viewable } from './typeLabel';

interface Props {
  attachment: AttachmentView;
  sourceTitle: string | null;
  /** A search hit inside this file brought the analyst here (and on which page of its text). */
  focused: { page: number | null } | null;
  onView(): void;
  onSave(): void;
  onRemove(): void;
}

/** One attached file: what it is (from its bytes), how big, who attached it when, and with which report. */
export function AttachmentRow({ attachment: a, sourceTitle, focused, onView, onSave, onRemove }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);
  const canView = viewable(a.type);
  return (
    <li ref={ref} className={`attachment-row${focused ? ' focused' : ''}`} data-testid="attachment-row" data-attachment={a.id} aria-current={focused ? 'true' : undefined}>
      {canView ? (
        <button type="button" className="attachment-view" onClick={onView} aria-label={t('attachments.view', { name: a.name })} title={t('attachments.view', { name: a.name })}>
          <Thumbnail attachment={a} alt={a.name} />
        </button>
      ) : (
        <Thumbnail attachment={a} alt={a.name} />
      )}
      <div className="attachment-main">
        <div className="attachment-name">
          <bdi>{a.name}</bdi>
        </div>
        <div className="attachment-meta muted small">
          <span title={a.type}>{typeLabel(a.type)}</span> · <span>{formatBytes(a.size)}</span>
          {a.pages > 0 && <> · <span>{t('attachments.pages', { count: a.pages })}</span></>} ·{' '}
          <span>{t('attachments.by', { who: a.createdBy, date: formatDateTime(a.createdAt) })}</span>
          {sourceTitle && (
            <>
              {' '}· <span>{t('attachments.withSource', { title: sourceTitle })}</span>
            </>
          )}
        </div>
        {focused && <div className="attachment-hit small">{focused.page ? t('attachments.hitPage', { page: focused.page }) : t('attachments.hit')}</div>}
        {a.warnings.map((w) => (
          <Tag key={w} minimal intent="warning" icon={<WarningSignIcon />} className="attachment-warning" multiline>
            {w}
          </Tag>
        ))}
      </div>
      <div className="attachment-actions">
        <Button size="small" variant="minimal" icon={<ExportIcon />} text={t('attachments.save')} onClick={onSave} />
        <Button size="small" variant="minimal" intent="danger" icon={<TrashIcon />} text={t('attachments.remove')} onClick={onRemove} />
      </div>
    </li>
  );
}
