import { useTranslation } from 'react-i18next';
import type { DisruptionResult } from '../../../../shared/analysis/dto';

const W = 420;
const H = 220;
const PAD = { l: 44, r: 12, t: 12, b: 34 };
const COLOURS: Record<string, string> = { betweenness: 'curve-a', degree: 'curve-b', ci: 'curve-c' };

/** LCC fraction against entities removed, one line per strategy (drawn here, no chart library). */
export function LccChart({ curves }: { curves: DisruptionResult[] }) {
  const { t } = useTranslation();
  const maxX = Math.max(1, ...curves.map((c) => c.steps.reduce((n, s) => n + s.removed.length, 0)));
  const x = (v: number) => PAD.l + (v / maxX) * (W - PAD.l - PAD.r);
  const y = (v: number) => PAD.t + (1 - v) * (H - PAD.t - PAD.b);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const xTicks = [0, Math.round(maxX / 2), maxX];
  return (
    <figure className="lcc-figure">
      <svg viewBox={`0 0 ${W} ${H}`} className="lcc-chart" role="img" aria-label={t('analysis.disrupt.chartLabel')} data-testid="lcc-chart">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} className="lcc-grid" />
            <text x={PAD.l - 6} y={y(v) + 4} className="lcc-tick" textAnchor="end">
              {v.toFixed(2)}
            </text>
          </g>
        ))}
        {xTicks.map((v) => (
          <text key={v} x={x(v)} y={H - PAD.b + 14} className="lcc-tick" textAnchor="middle">
            {v}
          </text>
        ))}
        <text x={(PAD.l + W - PAD.r) / 2} y={H - 4} className="lcc-axis" textAnchor="middle">
          {t('analysis.disrupt.xAxis')}
        </text>
        {curves.map((c) => {
          let removed = 0;
          // The fraction is of the LCC before any removal: the curve starts at 1.
          const pts = [[0, c.initialLcc > 0 ? 1 : 0]].concat(
            c.steps.map((s) => {
              removed += s.removed.length;
              return [removed, s.lccFraction];
            }),
          );
          return <polyline key={`${c.strategy}-${c.mode}`} data-strategy={c.strategy} className={`lcc-line ${COLOURS[c.strategy] ?? ''}`} points={pts.map(([a, b]) => `${x(a!)},${y(b!)}`).join(' ')} />;
        })}
      </svg>
      <figcaption className="lcc-legend">
        {curves.map((c) => (
          <span key={c.strategy} className={`lcc-key ${COLOURS[c.strategy] ?? ''}`}>
            {t(`analysis.disrupt.strategies.${c.strategy}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
