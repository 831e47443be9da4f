import { Spinner, Tag } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopContact } from '../../../../shared/comms/dto';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatNumber } from '../../format';
import { useWorkspace } from '../../state/workspace';
import { DailyBars, HourHeatMap } from './ActivityCharts';
import { EventsTable } from './EventsTable';
import { SilenceList } from './SilenceList';
import { TopContacts } from './TopContacts';
import { useComms } from './useComms';
import './comms.css';

/** One phone's communications (issue 17): its top contacts, its activity by hour and weekday and
 * by day, its unusual silences, and its events (all, or those with the contact picked). Shown on
 * a phone's entity page and in the analysis panel for the phone selected on the chart. */
export function CommsPanel({ phoneId }: { phoneId: string }) {
  const { t } = useTranslation();
  const version = useWorkspace((s) => s.dataVersion);
  const select = useWorkspace((s) => s.select);
  const { data, error, loading } = useComms(phoneId, version);
  const [picked, setPicked] = useState<TopContact | null>(null);
  useEffect(() => setPicked(null), [phoneId]);

  if (error) return <ErrorCallout error={error} />;
  if (!data) return loading ? <Spinner size={20} /> : null;
  if (data.activity.events === 0) return <p className="muted" data-testid="comms-panel">{t('comms.panel.noEvents')}</p>;
  return (
    <div className="comms-panel" data-testid="comms-panel">
      <div className="comms-columns">
        <section className="comms-block" aria-labelledby="comms-top-title">
          <h4 id="comms-top-title" className="section-title">
            {t('comms.panel.topTitle', { n: formatNumber(data.top.results.length) })}
          </h4>
          <TopContacts contacts={data.top.results} picked={picked?.id ?? null} onPick={setPicked} onOpen={select} />
        </section>
        <section className="comms-block" aria-labelledby="comms-activity-title">
          <h4 id="comms-activity-title" className="section-title">
            {t('comms.panel.activityTitle', { n: formatNumber(data.activity.events) })}
          </h4>
          <HourHeatMap activity={data.activity} />
          <DailyBars activity={data.activity} />
        </section>
      </div>
      <section className="comms-block" aria-labelledby="comms-silence-title">
        <h4 id="comms-silence-title" className="section-title">
          {t('comms.panel.silenceTitle')}
        </h4>
        <SilenceList silence={data.silence} />
      </section>
      <section className="comms-block" aria-labelledby="comms-events-title">
        <h4 id="comms-events-title" className="section-title">
          {t('comms.panel.eventsTitle')}{' '}
          {picked && (
            <Tag minimal onRemove={() => setPicked(null)}>
              {t('comms.panel.withContact', { phone: picked.caption || picked.phone })}
            </Tag>
          )}
        </h4>
        <EventsTable phone={phoneId} other={picked?.id ?? null} version={version} />
      </section>
    </div>
  );
}
