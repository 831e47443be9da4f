import { Button, FormGroup, HTMLSelect, HTMLTable, NumericInput } from '@blueprintjs/core';
import { PlayIcon, TimelineLineChartIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverTimeResult } from '../../../../shared/analysis/dto';
import { call, isApiError } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatNumber } from '../../format';
import type { ChartController } from '../chart/controller';
import { formatScore } from './columns';
import { scopeInput, useAnalysis } from './store';

type Periods = 'spans' | 'month' | 'quarter';

/** Network over time (issue 4): betweenness rank per period of dated links, and who rose to or
 * fell from broker between one period and the next ("N12 rose to broker in phase 5"). */
export function OverTimeTab({ ctl }: { ctl: ChartController | null }) {
  const { t } = useTranslation();
  const scope = useAnalysis((s) => s.scope);
  const [periods, setPeriods] = useState<Periods>('spans');
  const [top, setTop] = useState(10);
  const [result, setResult] = useState<OverTimeResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      // Periods take the place of "as of": each period is its own window.
      const { asOf: _asOf, ...input } = scopeInput(scope, ctl);
      setResult(await call('analysis.overTime', { ...input, periods, top }));
    } catch (err) {
      if (!(isApiError(err) && err.code === 'CANCELLED')) setError(err);
    } finally {
      setBusy(false);
    }
  };
  // The entities that were brokers (top N) in some period, in order of first appearance.
  const brokers = result ? result.entities.filter((e) => e.rank.some((r) => r !== null && r <= result.top)) : [];
  return (
    <div className="analysis-tab-body analysis-over-time">
      <section className="analysis-form">
        <FormGroup label={t('analysis.overTime.periods')} labelFor="over-time-periods" helperText={t('analysis.overTime.periodsHelp')}>
          <HTMLSelect id="over-time-periods" value={periods} onChange={(e) => setPeriods(e.currentTarget.value as Periods)}>
            {(['spans', 'month', 'quarter'] as const).map((p) => (
              <option key={p} value={p}>
                {t(`analysis.overTime.kind.${p}`)}
              </option>
            ))}
          </HTMLSelect>
        </FormGroup>
        <FormGroup label={t('analysis.overTime.top')} labelFor="over-time-top">
          <NumericInput id="over-time-top" min={1} max={100} value={top} onValueChange={(v) => setTop(Math.min(100, Math.max(1, Math.round(v) || 1)))} />
        </FormGroup>
        <Button intent="primary" icon={<PlayIcon />} text={t('analysis.overTime.run')} loading={busy} onClick={() => void run()} />
        <ErrorCallout error={error} />
      </section>
      {result && (
        <section className="analysis-over-time-result" data-testid="over-time">
          <p className="muted">
            <TimelineLineChartIcon /> {t('analysis.overTime.summary', { periods: result.periods.length, entities: formatNumber(result.entities.length), audit: result.auditSeq })}
          </p>
          <h4>{t('analysis.overTime.changes')}</h4>
          {result.changes.length === 0 ? (
            <p className="muted">{t('analysis.overTime.noChanges')}</p>
          ) : (
            <HTMLTable compact striped className="data-table over-time-changes" aria-label={t('analysis.overTime.changes')}>
              <thead>
                <tr>
                  <th>{t('analysis.overTime.period')}</th>
                  <th>{t('analysis.overTime.change')}</th>
                  <th className="num">{t('analysis.overTime.rank')}</th>
                  <th className="num">{t('analysis.overTime.betweenness')}</th>
                </tr>
              </thead>
              <tbody>
                {result.changes.map((c, i) => (
                  <tr key={i}>
                    <td>{result.periods[c.period]?.label}</td>
                    <td>{t(`analysis.overTime.${c.kind}`, { name: c.caption })}</td>
                    <td className="num">
                      {c.rankBefore ?? '—'} → {c.rankAfter ?? '—'}
                    </td>
                    <td className="num">
                      {c.before === null ? '—' : formatScore(c.before)} → {c.after === null ? '—' : formatScore(c.after)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </HTMLTable>
          )}
          <h4>{t('analysis.overTime.ranks', { top: result.top })}</h4>
          <div className="table-scroll">
            <HTMLTable compact className="data-table over-time-ranks" aria-label={t('analysis.overTime.ranks', { top: result.top })}>
              <thead>
                <tr>
                  <th>{t('analysis.col.caption')}</th>
                  {result.periods.map((p) => (
                    <th key={p.label} className="num" title={`${p.from} – ${p.to} · ${t('analysis.overTime.links', { count: p.links })}`}>
                      {p.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {brokers.map((e) => (
                  <tr key={e.id}>
                    <td>{e.caption}</td>
                    {e.rank.map((r, i) => (
                      <td key={i} className={`num${r !== null && r <= result.top ? ' broker' : ''}`}>
                        {r ?? '—'}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </HTMLTable>
          </div>
        </section>
      )}
    </div>
  );
}
