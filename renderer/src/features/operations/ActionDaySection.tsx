import { Button, FormGroup, HTMLTable, InputGroup } from '@blueprintjs/core';
import { AddIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationDetail } from '../../../../shared/cooperation/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatDateTime, formatPartialDate } from '../../format';
import { BUREAU_RE } from '../../app/bureau';
import { useWrite } from './useCoop';

const toLocalInput = (local: string) => local.replace(' ', 'T').slice(0, 16);

/** The action day and, per country, its schedule on that country's own clock. */
export function ActionDaySection({ op }: { op: OperationDetail }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [date, setDate] = useState(op.actionDay ?? '');
  const [bureau, setBureau] = useState(op.leadBureau);
  const [zone, setZone] = useState('');
  const [local, setLocal] = useState(op.actionDay ? `${op.actionDay}T05:00` : '');
  const [label, setLabel] = useState('');
  const existing = op.timeline.flatMap((b) => b.events.map((e) => ({ bureau: e.bureau, timeZone: e.timeZone, local: toLocalInput(e.local), label: e.label })));
  const ready = BUREAU_RE.test(bureau) && zone.trim() !== '' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) && label.trim() !== '';
  return (
    <>
      <form
        className="coop-inline-form"
        aria-label={t('operations.setActionDay')}
        onSubmit={(e) => {
          e.preventDefault();
          void write.run(() => call('operation.setActionDay', { id: op.id, date: date || null, timeline: existing }));
        }}
      >
        <FormGroup label={t('operations.actionDayDate')} labelFor="action-day-date">
          <InputGroup id="action-day-date" type="date" value={date} onValueChange={setDate} />
        </FormGroup>
        <Button type="submit" text={t('operations.setActionDay')} loading={write.busy} className="form-submit" />
        <span className="muted action-day-current">{op.actionDay ? formatPartialDate(op.actionDay) : t('operations.noActionDay')}</span>
      </form>
      {op.timeline.length > 0 && (
        <HTMLTable compact striped className="data-table timeline-table">
          <thead>
            <tr>
              <th>{t('operations.colBureau')}</th>
              <th>{t('operations.colZone')}</th>
              <th>{t('operations.colLocal')}</th>
              <th>{t('operations.colOffset')}</th>
              <th>{t('operations.colYourClock')}</th>
              <th>{t('operations.colEvent')}</th>
            </tr>
          </thead>
          <tbody>
            {op.timeline.flatMap((b) =>
              b.events.map((ev, i) => (
                <tr key={ev.id}>
                  <td className="mono">{i === 0 ? b.bureau : ''}</td>
                  <td className="mono small">{i === 0 ? b.timeZone : ''}</td>
                  <td className="mono">{ev.local}</td>
                  <td className="mono">UTC{ev.offset}</td>
                  <td className="small">{formatDateTime(ev.at)}</td>
                  <td>{ev.label}</td>
                </tr>
              )),
            )}
          </tbody>
        </HTMLTable>
      )}
      <form
        className="coop-inline-form"
        aria-label={t('operations.addEvent')}
        onSubmit={(e) => {
          e.preventDefault();
          void write
            .run(() =>
              call('operation.setActionDay', {
                id: op.id,
                date: op.actionDay ?? (date || local.slice(0, 10)),
                timeline: [...existing, { bureau, timeZone: zone.trim(), local, label: label.trim() }],
              }),
            )
            .then((ok) => ok && setLabel(''));
        }}
      >
        <FormGroup label={t('operations.colBureau')} labelFor="event-bureau">
          <InputGroup id="event-bureau" value={bureau} onValueChange={(v) => setBureau(v.toUpperCase().trim())} className="mono short-input" />
        </FormGroup>
        <FormGroup label={t('operations.colZone')} labelFor="event-zone">
          <InputGroup id="event-zone" value={zone} onValueChange={setZone} placeholder="Europe/Madrid" className="mono" />
        </FormGroup>
        <FormGroup label={t('operations.colLocal')} labelFor="event-local">
          <InputGroup id="event-local" type="datetime-local" value={local} onValueChange={setLocal} />
        </FormGroup>
        <FormGroup label={t('operations.colEvent')} labelFor="event-label" className="grow">
          <InputGroup id="event-label" value={label} onValueChange={setLabel} />
        </FormGroup>
        <Button type="submit" icon={<AddIcon />} text={t('operations.addEvent')} disabled={!ready} loading={write.busy} className="form-submit" />
      </form>
      <ErrorCallout error={write.error} />
    </>
  );
}
