import { FormGroup, InputGroup } from '@blueprintjs/core';
import { ChatIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { FormDialog, useSubmit } from '../../app/FormDialog';
import { useSession } from '../../state/session';
import { BUREAU_RE, bureauList } from '../../app/bureau';
import { today } from '../operations/useCoop';

/** A new meeting: two bureaus make it bilateral, three or more multilateral. */
export function NewMeetingDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { t } = useTranslation();
  const myBureau = useSession((s) => s.info?.bureau ?? '');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(today());
  const [place, setPlace] = useState('');
  const [bureaus, setBureaus] = useState(myBureau ? `${myBureau}, ` : '');
  const { busy, error, submit } = useSubmit(async () => {
    const m = await call('meeting.create', { title: title.trim(), date, place: place.trim(), bureaus: list });
    await afterWrite();
    onCreated(m.id);
  });
  const list = bureauList(bureaus);
  const bureausOk = list.length >= 2 && list.every((b) => BUREAU_RE.test(b));
  const ready = title.trim() !== '' && date !== '' && bureausOk && !busy;
  return (
    <FormDialog
      title={t('meetings.newTitle')}
      icon={<ChatIcon />}
      onClose={onClose}
      submitText={t('meetings.create')}
      ready={ready}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
    >
      <FormGroup label={t('meetings.colTitle')} labelFor="meeting-title-input" labelInfo={t('form.required')}>
        <InputGroup id="meeting-title-input" value={title} onValueChange={setTitle} autoFocus />
      </FormGroup>
      <div className="form-row">
        <FormGroup label={t('meetings.colDate')} labelFor="meeting-date" labelInfo={t('form.required')}>
          <InputGroup id="meeting-date" type="date" value={date} onValueChange={setDate} />
        </FormGroup>
        <FormGroup label={t('meetings.place')} labelFor="meeting-place" className="grow">
          <InputGroup id="meeting-place" value={place} onValueChange={setPlace} />
        </FormGroup>
      </div>
      <FormGroup
        label={t('meetings.bureaus')}
        labelFor="meeting-bureaus"
        labelInfo={t('form.required')}
        intent={bureausOk || bureaus.trim() === '' ? 'none' : 'danger'}
        helperText={t('meetings.bureausHelp')}
      >
        <InputGroup id="meeting-bureaus" value={bureaus} onValueChange={(v) => setBureaus(v.toUpperCase())} className="mono" />
      </FormGroup>
    </FormDialog>
  );
}
