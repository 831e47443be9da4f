import { Button, ButtonGroup, Tag } from '@blueprintjs/core';
import { CrossIcon, HelpIcon, MergeColumnsIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchCandidate, MatchCluster } from '../../../../shared/interchange/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatPercent } from './score';
import { SideBySide } from './SideBySide';

type Decision = 'same' | 'not_same' | 'unsure';

interface Props {
  candidate: MatchCandidate;
  onJudged(decision: Decision, cluster: MatchCluster): void;
}

/** One pair side by side, with the three judgements. None of them deletes anything. */
export function PairPanel({ candidate, onJudged }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<Decision | null>(null);
  const [error, setError] = useState<unknown>(null);
  const judge = async (decision: Decision) => {
    setBusy(decision);
    setError(null);
    try {
      const cluster = await call('match.judge', { a: candidate.a.id, b: candidate.b.id, decision, score: candidate.score, reasons: candidate.reasons });
      await afterWrite();
      onJudged(decision, cluster);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="pair-panel" data-testid="pair-panel" aria-label={t('matching.compare')}>
      <div className="pair-head">
        <Tag large intent="primary" className="mono">
          {formatPercent(candidate.score)}
        </Tag>
        <span>{candidate.reasons.join('; ')}</span>
      </div>
      <SideBySide a={candidate.a.id} b={candidate.b.id} />
      <ButtonGroup className="pair-actions">
        <Button intent="success" icon={<MergeColumnsIcon />} text={t('matching.same')} loading={busy === 'same'} disabled={busy !== null} onClick={() => void judge('same')} />
        <Button intent="danger" icon={<CrossIcon />} text={t('matching.notSame')} loading={busy === 'not_same'} disabled={busy !== null} onClick={() => void judge('not_same')} />
        <Button icon={<HelpIcon />} text={t('matching.markUnsure')} loading={busy === 'unsure'} disabled={busy !== null} onClick={() => void judge('unsure')} />
      </ButtonGroup>
      <p className="muted small">{t('matching.nonDestructive')}</p>
      <ErrorCallout error={error} />
    </section>
  );
}
