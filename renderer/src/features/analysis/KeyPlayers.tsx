import { Button, Tag } from '@blueprintjs/core';
import { HighlightIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult, KeyPlayerFinding } from '../../../../shared/analysis/dto';
import { formatNumber } from '../../format';
import { highlightOnChart } from '../chart/analysisRules';
import type { ChartController } from '../chart/controller';
import { formatScore } from './columns';

const INTENT: Record<KeyPlayerFinding['kind'], 'primary' | 'warning' | 'danger' | 'success' | 'none'> = {
  leader: 'primary',
  'sole-link': 'warning',
  broker: 'success',
  'cut-vertex': 'danger',
  bridge: 'none',
};

/** The key players in plain words: top N per measure side by side, brokers, cut vertices. */
export function KeyPlayers({ result, ctl }: { result: AnalysisResult; ctl: ChartController | null }) {
  const { t } = useTranslation();
  const kinds = new Map(result.columns.map((c) => [c.key, c.kind]));
  // In an undirected graph in- and out-degree equal degree: shown once.
  const shown = result.columns.filter((c) => c.kind !== 'category' && c.kind !== 'flag' && (result.graph.directed || (c.key !== 'inDegree' && c.key !== 'outDegree')));
  const cuts = result.rows.filter((r) => r.articulation);
  const sole = result.keyPlayers.findings.filter((f) => f.kind === 'sole-link' || f.kind === 'broker');
  const other = result.keyPlayers.findings.filter((f) => f.kind !== 'sole-link' && f.kind !== 'broker');
  const show = (ids: string[]) => ctl && highlightOnChart(ctl, ids, []);
  const finding = (f: KeyPlayerFinding, i: number) => (
    <li key={i} className="analysis-finding" data-kind={f.kind}>
      <Tag minimal intent={INTENT[f.kind]}>
        {t(`analysis.kind.${f.kind}`)}
      </Tag>
      {/* The core names each finding by a message key and its values, so the sentence is translated here. */}
      <span>{t(`analysis.finding.${f.message.key}`, f.message.params)}</span>
      {ctl && f.entities.length > 0 && <Button size="small" variant="minimal" icon={<HighlightIcon />} aria-label={t('analysis.highlight')} onClick={() => show(f.entities)} />}
    </li>
  );
  return (
    <div className="analysis-players" data-testid="key-players">
      <div className="analysis-top">
        {shown.map((c) => (
          <section key={c.key} className="analysis-top-col">
            <h4>{t(`analysis.col.${c.key}`)}</h4>
            <ol>
              {(result.keyPlayers.top[c.key] ?? []).map((e) => (
                <li key={e.id}>
                  <span className="analysis-top-name">{e.caption || t('entity.noCaption')}</span>
                  <span className="analysis-num muted">{kinds.get(c.key) === 'score' ? formatScore(e.value) : formatNumber(e.value)}</span>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
      <div className="analysis-words">
        <section>
          <h4>{t('analysis.players.leaders')}</h4>
          <ul>{other.map(finding)}</ul>
        </section>
        <section>
          <h4>{t('analysis.players.brokers')}</h4>
          {sole.length === 0 ? <p className="muted">{t('analysis.players.noBrokers')}</p> : <ul>{sole.map(finding)}</ul>}
        </section>
        <section>
          <h4>{t('analysis.players.cuts')}</h4>
          <p data-testid="cut-vertices">
            {cuts.length === 0
              ? t('analysis.players.noCuts')
              : t('analysis.players.cutList', { count: cuts.length, names: cuts.map((r) => r.caption).join(', ') })}
          </p>
          {ctl && cuts.length > 0 && <Button size="small" icon={<HighlightIcon />} text={t('analysis.highlight')} onClick={() => show(cuts.map((r) => r.id))} />}
        </section>
      </div>
    </div>
  );
}
