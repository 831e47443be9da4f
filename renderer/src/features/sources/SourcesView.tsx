import { Button, HTMLTable, NonIdealState, Tag } from '@blueprintjs/core';
import { AddIcon, DocumentIcon, PaperclipIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import type { SourceView } from '../../../../shared/entities/dto';
import { useTranslation } from 'react-i18next';
import { SCHEMES } from '../../../../shared/grading';
import { ErrorCallout } from '../../app/ErrorCallout';
import { useAttachmentFocus } from '../attachments/focus';
import { SourceAttachmentsDialog } from '../attachments/SourceAttachmentsDialog';
import { formatDateTime, formatNumber, formatPartialDate } from '../../format';
import { SourceDialog } from './SourceDialog';
import { useSources } from './useSources';
import './sources.css';

export function SourcesView() {
  const { t } = useTranslation();
  const { sources, error } = useSources();
  const [creating, setCreating] = useState(false);
  const [filesOf, setFilesOf] = useState<string | null>(null);
  // A search hit inside a report's attached file opens that report's files.
  const focusTarget = useAttachmentFocus((s) => s.focus?.targetId ?? null);
  const shown: SourceView | undefined = sources?.find((s) => s.id === (filesOf ?? focusTarget));
  return (
    <section className="sources-view pane" aria-labelledby="sources-title">
      <header className="pane-header">
        <h2 className="pane-title" id="sources-title">{t('sources.title')}</h2>
        <span className="muted">{sources ? t('sources.count', { count: sources.length, n: formatNumber(sources.length) }) : ''}</span>
        <Button className="pane-action" size="small" intent="primary" icon={<AddIcon />} text={t('sources.new')} onClick={() => setCreating(true)} />
      </header>
      <ErrorCallout error={error} />
      {sources && sources.length === 0 ? (
        <NonIdealState
          icon={<DocumentIcon size={40} />}
          title={t('sources.emptyTitle')}
          description={t('sources.emptyText')}
          action={<Button icon={<AddIcon />} intent="primary" text={t('sources.new')} onClick={() => setCreating(true)} />}
        />
      ) : (
        <div className="table-scroll">
          <HTMLTable compact striped interactive={false} className="data-table">
            <thead>
              <tr>
                <th>{t('sources.colTitle')}</th>
                <th>{t('sources.colGrade')}</th>
                <th>{t('sources.colHandling')}</th>
                <th>{t('sources.colTlp')}</th>
                <th>{t('sources.colOriginator')}</th>
                <th>{t('sources.colReference')}</th>
                <th>{t('sources.colDate')}</th>
                <th className="num">{t('sources.colStatements')}</th>
                <th>{t('sources.colCreated')}</th>
                <th>{t('sources.colFiles')}</th>
              </tr>
            </thead>
            <tbody>
              {sources?.map((s) => (
                <tr key={s.id}>
                  <td className="source-title">{s.title}</td>
                  <td>
                    <span className="mono">{s.grade}</span> <span className="muted">{SCHEMES[s.scheme]?.label ?? s.scheme}</span>
                  </td>
                  <td>
                    {s.handling ?? '—'}
                    {s.handlingConditions && <div className="muted small">{s.handlingConditions}</div>}
                  </td>
                  <td>{s.tlp ? <Tag minimal className={`grading tlp-${s.tlp.toLowerCase().replace('+', '-')}`}>{`TLP:${s.tlp}`}</Tag> : '—'}</td>
                  <td>
                    {s.originator}
                    {s.restrictedTo.length > 0 && <div className="muted small">{t('sources.restricted', { list: s.restrictedTo.join(', ') })}</div>}
                  </td>
                  <td className="mono">{s.reference ?? '—'}</td>
                  <td>{s.reportDate ? formatPartialDate(s.reportDate) : '—'}</td>
                  <td className="num">{formatNumber(s.statements)}</td>
                  <td>{formatDateTime(s.createdAt)}</td>
                  <td>
                    <Button size="small" variant="minimal" icon={<PaperclipIcon />} aria-label={t('sources.filesOf', { title: s.title })} title={t('sources.filesOf', { title: s.title })} onClick={() => setFilesOf(s.id)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
        </div>
      )}
      {shown && (
        <SourceAttachmentsDialog
          source={shown}
          onClose={() => {
            setFilesOf(null);
            useAttachmentFocus.getState().leave(shown.id);
          }}
        />
      )}
      {creating && <SourceDialog isOpen onClose={() => setCreating(false)} />}
    </section>
  );
}
