import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityResult } from '../../../../shared/comms/dto';
import { formatDate, formatNumber } from '../../format';
import { currentIntlTag } from '../../i18n';

// A phone's activity drawn as SVG (a few hundred shapes at most; no chart library): the hour ×
// weekday heat map and the events per day. Hours and days are in the case's time zone, as the
// core counts them, and say so.

const CELL = 18;
const GUTTER = 34;
const HEAD = 16;

function weekdayNames(): string[] {
  const fmt = new Intl.DateTimeFormat(currentIntlTag(), { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday: the core's weekday 0.
  return Array.from({ length: 7 }, (_, d) => fmt.format(new Date(Date.UTC(2024, 0, 1 + d))));
}

/** Seven rows (Monday first) of 24 hours, darker for more events. */
export function HourHeatMap({ activity }: { activity: ActivityResult }) {
  const { t } = useTranslation();
  const days = useMemo(weekdayNames, []);
  const max = Math.max(1, ...activity.matrix.flat());
  const width = GUTTER + 24 * CELL;
  const height = HEAD + 7 * CELL;
  return (
    <figure className="comms-figure">
      <figcaption>{t('comms.panel.heatTitle', { zone: activity.timeZone })}</figcaption>
      <svg role="img" aria-label={t('comms.panel.heatTitle', { zone: activity.timeZone })} viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="comms-heat" data-testid="comms-heat">
        {Array.from({ length: 8 }, (_, k) => k * 3).map((h) => (
          <text key={h} x={GUTTER + h * CELL + CELL / 2} y={11} textAnchor="middle" className="comms-axis">
            {formatNumber(h)}
          </text>
        ))}
        {activity.matrix.map((row, d) => (
          <g key={d}>
            <text x={GUTTER - 4} y={HEAD + d * CELL + CELL * 0.7} textAnchor="end" className="comms-axis">
              {days[d]}
            </text>
            {row.map((n, h) => (
              <rect key={h} x={GUTTER + h * CELL + 1} y={HEAD + d * CELL + 1} width={CELL - 2} height={CELL - 2} rx={2} className="comms-heat-cell" style={{ fillOpacity: n === 0 ? 0.06 : 0.2 + (0.8 * n) / max }}>
                <title>{t('comms.panel.heatCell', { day: days[d], hour: formatNumber(h), n: formatNumber(n) })}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** Every day from the first to the last event (days without events drawn empty), a bar per day. */
export function DailyBars({ activity }: { activity: ActivityResult }) {
  const { t } = useTranslation();
  const days = useMemo(() => fillDays(activity.days), [activity.days]);
  if (days.length === 0) return null;
  const max = Math.max(1, ...days.map((d) => d.events));
  const bar = Math.max(2, Math.min(14, Math.floor(560 / days.length)));
  const height = 90;
  const width = days.length * bar;
  return (
    <figure className="comms-figure">
      <figcaption>{t('comms.panel.daysTitle', { max: formatNumber(max) })}</figcaption>
      <svg role="img" aria-label={t('comms.panel.daysTitle', { max: formatNumber(max) })} viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="comms-days" data-testid="comms-days">
        <line x1={0} y1={height - 0.5} x2={width} y2={height - 0.5} className="comms-baseline" />
        {days.map((d, i) => {
          const h = d.events === 0 ? 0 : Math.max(2, ((height - 2) * d.events) / max);
          return (
            <rect key={d.day} x={i * bar + (bar > 3 ? 1 : 0)} y={height - h} width={bar > 3 ? bar - 2 : bar} height={h} className="comms-day-bar">
              <title>{t('comms.panel.dayBar', { day: formatDate(`${d.day}T12:00:00Z`, 'UTC'), n: formatNumber(d.events) })}</title>
            </rect>
          );
        })}
      </svg>
      <div className="comms-days-axis muted small">
        <span>{formatDate(`${days[0]!.day}T12:00:00Z`, 'UTC')}</span>
        <span>{formatDate(`${days[days.length - 1]!.day}T12:00:00Z`, 'UTC')}</span>
      </div>
    </figure>
  );
}

/** The days between the first and the last, with 0 where none; as given if that is over two years. */
export function fillDays(days: ReadonlyArray<{ day: string; events: number }>): Array<{ day: string; events: number }> {
  if (days.length === 0) return [];
  const at = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const first = at(days[0]!.day);
  const span = Math.round((at(days[days.length - 1]!.day) - first) / 86_400_000) + 1;
  if (span > 731) return [...days];
  const by = new Map(days.map((d) => [d.day, d.events]));
  return Array.from({ length: span }, (_, i) => {
    const day = new Date(first + i * 86_400_000).toISOString().slice(0, 10);
    return { day, events: by.get(day) ?? 0 };
  });
}
