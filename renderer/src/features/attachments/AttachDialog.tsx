import { Button, FormGroup, HTMLSelect } from '@blueprintjs/core';
import { AddIcon, PaperclipIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachResult } from '../../../../shared/attachments/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { FormDialog, useSubmit } from '../../app/FormDialog';
import { gradingLabel } from '../../format';
import { PathInput } from '../packages/PathInput';
import { useSources } from '../sources/useSources';

interface Props {
  targetId: string;
  /** The target is itself a source report: the files cannot come "with" another one. */
  isSource: boolean;
  /** Paths of files dropped onto the section, to confirm before they are attached. */
  initialPaths?: string[];
  onClose(): void;
  onDone(result: AttachResult): void;
}

/** Files named by their paths (the app has no browser upload), all attached in one transaction. */
export function AttachDialog({ targetId, isSource, initialPaths, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { sources } = useSources();
  const [paths, setPaths] = useState<string[]>(initialPaths && initialPaths.length > 0 ? initialPaths : ['']);
  const [sourceId, setSourceId] = useState('');
  const chosen = paths.map((p) => p.trim()).filter(Boolean);
  const { busy, error, submit } = useSubmit(
    () => call('attachment.add', { targetId, paths: chosen, ...(sourceId ? { sourceId } : {}) }),
    (r) => {
      void afterWrite();
      onDone(r);
    },
  );
  return (
    <FormDialog title={t('attachments.attachTitle')} icon={<PaperclipIcon />} onClose={onClose} submitText={t('attachments.attachSubmit', { count: chosen.length })} ready={chosen.length > 0} busy={busy} error={error} onSubmit={() => void submit()}>
      {paths.map((p, i) => (
        <PathInput
          key={i}
          id={`attach-path-${i}`}
          label={paths.length === 1 ? t('attachments.path') : t('attachments.pathN', { n: i + 1 })}
          value={p}
          placeholder={t('attachments.pathPlaceholder')}
          helperText={i === paths.length - 1 ? t('attachments.pathHelp') : undefined}
          onChange={(v) => setPaths((all) => all.map((x, j) => (j === i ? v : x)))}
        />
      ))}
      <Button size="small" variant="minimal" icon={<AddIcon />} text={t('attachments.addPath')} onClick={() => setPaths((all) => [...all, ''])} className="attach-add-path" />
      {!isSource && (
        <FormGroup label={t('attachments.source')} labelFor="attach-source" helperText={t('attachments.sourceHelp')}>
          <HTMLSelect
            id="attach-source"
            fill
            value={sourceId}
            onChange={(e) => setSourceId(e.currentTarget.value)}
            options={[{ value: '', label: t('attachments.noSource') }, ...(sources ?? []).map((s) => ({ value: s.id, label: `${s.title} — ${gradingLabel(s)}` }))]}
          />
        </FormGroup>
      )}
    </FormDialog>
  );
}
