import { Button, FormGroup, HTMLSelect, NonIdealState } from '@blueprintjs/core';
import { DuplicateIcon, RefreshIcon } from '@blueprintjs/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schemataOf } from '../../../../shared/catalogue';
import type { EntitySummary } from '../../../../shared/entities/dto';
import type { MatchCandidate, MatchCluster } from '../../../../shared/interchange/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { schemaLabel } from '../../catalogueText';
import { formatNumber } from '../../format';
import { useWorkspace } from '../../state/workspace';
import { EntityPicker } from '../search/EntityPicker';
import { CandidateTable } from './CandidateTable';
import { ClusterPanel } from './ClusterPanel';
import { PairPanel } from './PairPanel';
import { formatPercent } from './score';
import { useCandidates } from './useCandidates';
import './matching.css';

const MIN_SCORES = [0.5, 0.6, 0.7, 0.8, 0.9];

/** "Find matching entities": candidate pairs, judged same / not same / unsure; merges split again. */
export function DuplicatesView() {
  const { t } = useTranslation();
  const [schema, setSchema] = useState('');
  const [minScore, setMinScore] = useState(0.7);
  const { candidates, error, busy, refresh } = useCandidates(schema, minScore);
  const [selected, setSelected] = useState<MatchCandidate | null>(null);
  const [cluster, setCluster] = useState<MatchCluster | null>(null);
  const [lookup, setLookup] = useState<EntitySummary | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);

  const pick = (c: MatchCandidate) => {
    setSelected(c);
    setCluster(null);
  };
  const lookUp = async (e: EntitySummary | null) => {
    setLookup(e);
    setLookupError(null);
    if (!e) return;
    try {
      setSelected(null);
      setCluster(await call('match.cluster', { id: e.id }));
    } catch (err) {
      setLookupError(err);
    }
  };
  // Sent here from a merged entity's page: open with its cluster.
  useEffect(() => {
    const e = useWorkspace.getState().takeClusterOf();
    if (e) void lookUp(e);
  }, []);
  return (
    <section className="duplicates-view pane" aria-labelledby="duplicates-title">
      <header className="pane-header">
        <h2 className="pane-title" id="duplicates-title">
          {t('matching.title')}
        </h2>
        <span className="muted">{candidates ? t('matching.count', { count: candidates.length, n: formatNumber(candidates.length) }) : ''}</span>
        <HTMLSelect className="pane-action" aria-label={t('matching.type')} value={schema} onChange={(e) => setSchema(e.currentTarget.value)} options={[{ value: '', label: t('matching.anyType') }, ...schemataOf('entity').map((s) => ({ value: s.name, label: schemaLabel(s.name) }))]} />
        <HTMLSelect aria-label={t('matching.minScore')} value={String(minScore)} onChange={(e) => setMinScore(Number(e.currentTarget.value))} options={MIN_SCORES.map((s) => ({ value: String(s), label: t('matching.atLeast', { score: formatPercent(s) }) }))} />
        <Button size="small" icon={<RefreshIcon />} text={t('matching.find')} loading={busy} onClick={refresh} />
      </header>
      <ErrorCallout error={error} />
      <div className="duplicates-body">
        <div className="duplicates-list">
          {candidates && candidates.length === 0 ? (
            <NonIdealState icon={<DuplicateIcon size={40} />} title={t('matching.emptyTitle')} description={t('matching.emptyText')} />
          ) : (
            <CandidateTable candidates={candidates ?? []} selected={selected} onSelect={pick} />
          )}
        </div>
        <aside className="duplicates-detail">
          <FormGroup label={t('matching.lookup')} labelFor="duplicates-lookup" helperText={t('matching.lookupHelp')}>
            <EntityPicker id="duplicates-lookup" value={lookup} onChange={(e) => void lookUp(e)} />
          </FormGroup>
          <ErrorCallout error={lookupError} />
          {selected && (
            <PairPanel
              key={`${selected.a.id}|${selected.b.id}`}
              candidate={selected}
              onJudged={(decision, c) => {
                setSelected(null);
                if (decision === 'same') setCluster(c);
                refresh();
              }}
            />
          )}
          {cluster && <ClusterPanel cluster={cluster} onChange={setCluster} />}
          {!selected && !cluster && <p className="muted">{t('matching.pickPair')}</p>}
        </aside>
      </div>
    </section>
  );
}
