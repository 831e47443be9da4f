import { Callout, FormGroup, HTMLSelect, InputGroup, Switch } from '@blueprintjs/core';
import { DocumentIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefingResult, MeetingDetail } from '../../../../shared/cooperation/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { FormDialog, useSubmit } from '../../app/FormDialog';
import { useSession } from '../../state/session';

/** Writes the meeting's briefing pack (PDF) where the analyst says, in full or for one participant. */
export function BriefingDialog({ meeting, onClose }: { meeting: MeetingDetail; onClose(): void }) {
  const { t } = useTranslation();
  const dir = useSession((s) => s.info?.path ?? '').replace(/[^/\\]*$/, '');
  const base = `${dir}${meeting.title.replace(/[^\p{L}\p{N} _-]+/gu, '_')}`;
  const [recipient, setRecipient] = useState('');
  const [path, setPath] = useState(`${base}.pdf`);
  const [overwrite, setOverwrite] = useState(false);
  const [done, setDone] = useState<BriefingResult | null>(null);
  const choose = (bureau: string) => {
    setRecipient(bureau);
    // The file name follows the recipient while the analyst has not typed another.
    setPath((p) => (p === `${base}.pdf` || p.startsWith(`${base}-`) ? `${base}${bureau ? `-${bureau}` : ''}.pdf` : p));
  };
  const { busy, error, submit } = useSubmit(
    () => call('meeting.briefing', { meetingId: meeting.id, path, overwrite, ...(recipient ? { for: recipient } : {}) }),
    (r) => {
      setDone(r);
      void afterWrite();
    },
  );
  return (
    <FormDialog title={t('meetings.briefing.title')} icon={<DocumentIcon />} onClose={onClose} submitText={t('meetings.briefing.write')} ready={path.trim() !== ''} busy={busy} error={error} onSubmit={() => void submit()}>
      <FormGroup label={t('meetings.briefing.for')} labelFor="briefing-for" helperText={t('meetings.briefing.forHelp')}>
        <HTMLSelect id="briefing-for" value={recipient} onChange={(e) => choose(e.currentTarget.value)}>
          <option value="">{t('meetings.briefing.full')}</option>
          {meeting.bureaus.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </HTMLSelect>
      </FormGroup>
      <FormGroup label={t('meetings.briefing.path')} labelFor="briefing-path">
        <InputGroup id="briefing-path" className="mono" value={path} onValueChange={setPath} />
      </FormGroup>
      <Switch checked={overwrite} label={t('meetings.briefing.overwrite')} onChange={(e) => setOverwrite(e.currentTarget.checked)} />
      {done && (
        <Callout intent="success" role="status" className="briefing-done">
          <p>{t('meetings.briefing.done', { path: done.path, pages: done.pages, items: done.items, marking: `${done.handling ?? '—'} · TLP:${done.tlp ?? '—'}` })}</p>
          {done.withheld.length > 0 && (
            <p>
              {t('meetings.briefing.withheld', { bureau: done.recipient, count: done.withheld.length })}: {done.withheld.map((w) => w.title).join('; ')}
            </p>
          )}
        </Callout>
      )}
    </FormDialog>
  );
}
