import { HTMLTable, Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { MatchCandidate } from '../../../../shared/interchange/dto';
import { SchemaIcon } from '../../app/schemaIcon';
import { formatPercent } from './score';

interface Props {
  candidates: readonly MatchCandidate[];
  selected: MatchCandidate | null;
  onSelect(c: MatchCandidate): void;
}

export const pairKey = (c: MatchCandidate) => `${c.a.id}|${c.b.id}`;

/** Candidate pairs: the score and, in words, why. */
export function CandidateTable({ candidates, selected, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <HTMLTable compact striped interactive className="data-table candidates" aria-label={t('matching.candidates')}>
        <thead>
          <tr>
            <th className="num">{t('matching.score')}</th>
            <th>{t('matching.first')}</th>
            <th>{t('matching.second')}</th>
            <th>{t('matching.reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => {
            const on = selected !== null && pairKey(selected) === pairKey(c);
            return (
              <tr key={pairKey(c)} className={on ? 'selected' : undefined} aria-selected={on} tabIndex={0} onClick={() => onSelect(c)} onKeyDown={(e) => e.key === 'Enter' && onSelect(c)}>
                <td className="num mono">{formatPercent(c.score)}</td>
                <td>
                  <SchemaIcon schema={c.a.schema} /> {c.a.caption || t('entity.noCaption')}
                </td>
                <td>
                  <SchemaIcon schema={c.b.schema} /> {c.b.caption || t('entity.noCaption')}
                </td>
                <td className="reasons">
                  {c.judgement === 'unsure' && (
                    <Tag minimal intent="warning">
                      {t('matching.unsure')}
                    </Tag>
                  )}{' '}
                  {c.reasons.join('; ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </HTMLTable>
    </div>
  );
}
