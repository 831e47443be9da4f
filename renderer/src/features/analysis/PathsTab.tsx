import { Button, Callout, FormGroup, HTMLSelect, NumericInput } from '@blueprintjs/core';
import { HighlightIcon, PathSearchIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitySummary } from '../../../../shared/entities/dto';
import type { PathsResult } from '../../../../shared/analysis/dto';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatNumber } from '../../format';
import { highlightOnChart } from '../chart/analysisRules';
import type { ChartController } from '../chart/controller';
import { EntityPicker } from '../search/EntityPicker';
import { EntityListPicker } from './EntityList';
import { useAnalysis } from './store';

type Kind = 'shortest' | 'all' | 'connecting' | 'neighbourhood';
type Weighting = 'hops' | 'grading' | 'strength';

function highlightResult(ctl: ChartController, r: PathsResult): number {
  const pairs: Array<[string, string]> = r.paths.length > 0 ? r.paths.flatMap((p) => p.slice(1).map((b, i) => [p[i]!, b] as [string, string])) : r.edges.map((e) => [e.source, e.target]);
  return highlightOnChart(ctl, r.nodes.map((n) => n.id), pairs);
}

/** Shortest path(s) between two entities, the connecting network of a set, an N-hop neighbourhood. */
export function PathsTab({ ctl }: { ctl: ChartController | null }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('shortest');
  const [from, setFrom] = useState<EntitySummary | null>(null);
  const [to, setTo] = useState<EntitySummary | null>(null);
  const [members, setMembers] = useState<EntitySummary[]>([]);
  const [hops, setHops] = useState(1);
  const [weighting, setWeighting] = useState<Weighting>('hops');
  const [onChart, setOnChart] = useState<number | null>(null);
  const { paths, pathsStatus, findPaths } = useAnalysis();
  const busy = pathsStatus.state === 'running';
  const pair = kind === 'shortest' || kind === 'all';
  const ready = pair ? from !== null && to !== null : kind === 'connecting' ? members.length >= 2 : members.length >= 1;

  const find = async () => {
    setOnChart(null);
    const input = pair
      ? { kind: 'shortest' as const, from: from!.id, to: to!.id, weighting, limit: kind === 'all' ? 50 : 1 }
      : kind === 'connecting'
        ? { kind: 'connecting' as const, members: members.map((m) => m.id), weighting }
        : { kind: 'neighbourhood' as const, members: members.map((m) => m.id), hops };
    const r = await findPaths(input, ctl);
    if (r && ctl) setOnChart(highlightResult(ctl, r));
  };
  const captions = new Map([...members, ...(paths?.nodes ?? [])].map((n) => [n.id, n.caption || t('entity.noCaption')]));

  return (
    <div className="analysis-tab-body analysis-paths">
      <div className="analysis-form">
        <FormGroup label={t('analysis.paths.kind')} labelFor="paths-kind" inline>
          <HTMLSelect id="paths-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            {(['shortest', 'all', 'connecting', 'neighbourhood'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`analysis.paths.kinds.${k}`)}
              </option>
            ))}
          </HTMLSelect>
        </FormGroup>
        {pair ? (
          <>
            <FormGroup label={t('analysis.paths.from')} labelFor="paths-from">
              <EntityPicker id="paths-from" value={from} onChange={setFrom} exclude={to?.id} />
            </FormGroup>
            <FormGroup label={t('analysis.paths.to')} labelFor="paths-to">
              <EntityPicker id="paths-to" value={to} onChange={setTo} exclude={from?.id} />
            </FormGroup>
          </>
        ) : (
          <FormGroup label={t(kind === 'connecting' ? 'analysis.paths.members' : 'analysis.paths.start')} labelFor="paths-members">
            <EntityListPicker id="paths-members" value={members} onChange={setMembers} />
          </FormGroup>
        )}
        {kind === 'neighbourhood' ? (
          <FormGroup label={t('analysis.paths.hops')} labelFor="paths-hops" inline>
            <NumericInput id="paths-hops" size="small" min={1} max={6} value={hops} onValueChange={(v) => setHops(Math.min(6, Math.max(1, Math.round(v) || 1)))} />
          </FormGroup>
        ) : (
          <FormGroup label={t('analysis.paths.weighting')} labelFor="paths-weighting" inline>
            <HTMLSelect id="paths-weighting" value={weighting} onChange={(e) => setWeighting(e.currentTarget.value as Weighting)}>
              {(['hops', 'grading', 'strength'] as const).map((w) => (
                <option key={w} value={w}>
                  {t(`analysis.paths.weightings.${w}`)}
                </option>
              ))}
            </HTMLSelect>
          </FormGroup>
        )}
        <Button intent="primary" icon={<PathSearchIcon />} text={t('analysis.paths.find')} disabled={!ready} loading={busy} onClick={() => void find()} />
      </div>
      <div className="analysis-results" data-testid="paths-result">
        {pathsStatus.state === 'cancelled' && <Callout intent="warning">{t('analysis.cancelled')}</Callout>}
        {pathsStatus.state === 'failed' && <ErrorCallout error={pathsStatus.error} />}
        {paths && (
          <>
            <p>
              {paths.kind === 'shortest'
                ? paths.count === 0
                  ? t('analysis.paths.none')
                  : t('analysis.paths.found', { count: paths.count, hops: paths.hops ?? 0, length: formatNumber(Math.round((paths.length ?? 0) * 1000) / 1000) })
                : t(paths.kind === 'connecting' ? 'analysis.paths.network' : 'analysis.paths.around', { nodes: paths.nodes.length, edges: paths.edges.length })}
              {onChart !== null && ` ${t('analysis.paths.onChart', { count: onChart })}`}
            </p>
            {paths.paths.length > 0 && (
              <ol className="analysis-path-list">
                {paths.paths.map((p, i) => (
                  <li key={i} data-testid="path">
                    {p.map((id) => captions.get(id) ?? id).join(' → ')}
                  </li>
                ))}
              </ol>
            )}
            {paths.kind !== 'shortest' && (
              <ul className="analysis-node-list">
                {paths.nodes.map((n) => (
                  <li key={n.id}>
                    {n.caption || t('entity.noCaption')}
                    {n.hops !== undefined && <span className="muted"> · {t('analysis.paths.hopsAway', { count: n.hops })}</span>}
                  </li>
                ))}
              </ul>
            )}
            {paths.unreached.length > 0 && <Callout intent="warning">{t('analysis.paths.unreached', { names: paths.unreached.map((id) => captions.get(id) ?? id).join(', ') })}</Callout>}
            {ctl && <Button size="small" icon={<HighlightIcon />} text={t('analysis.highlight')} onClick={() => setOnChart(highlightResult(ctl, paths))} />}
          </>
        )}
      </div>
    </div>
  );
}
