import { Callout, HTMLTable, Tag } from '@blueprintjs/core';
import { ShieldIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { ExchangeCounts, HandlingReview } from '../../../../../shared/exchange/dto';
import { formatNumber } from '../../../format';
import { MarkingTags } from '../TlpTag';

const COUNTED = ['entities', 'links', 'statements', 'sources'] as const;

function Counts({ counts, extra }: { counts: Partial<ExchangeCounts>; extra?: 'retractions' }) {
  const { t } = useTranslation();
  const keys = extra ? [...COUNTED, extra] : COUNTED;
  return (
    <span className="review-counts">
      {keys.map((k) => (
        <span key={k}>
          {t(`packages.counts.${k}`, { count: counts[k] ?? 0 })}
        </span>
      ))}
    </span>
  );
}

/** The handling review, before anything is written: what is sent, what is withheld and by which
 * rule (the core's precise reason), the conditions recipients must honour, the highest marking. */
export function HandlingReviewPanel({ review }: { review: HandlingReview }) {
  const { t } = useTranslation();
  const w = review.withheld;
  const anyWithheld = w.items.length > 0 || w.statements > 0;
  return (
    <section className="handling-review" aria-labelledby="review-title" data-testid="handling-review">
      <h3 className="section-title review-title" id="review-title">
        <ShieldIcon /> {t('packages.reviewTitle')}
      </h3>
      <div className="review-summary">
        <div>
          <span className="muted">{t('packages.reviewHighest')}</span> <MarkingTags tlp={review.highest.tlp} handling={review.highest.handling} />
        </div>
        <div>
          <span className="muted">{t('packages.reviewSent')}</span> <Counts counts={review.included} extra="retractions" />
        </div>
        <div>
          <span className="muted">{t('packages.reviewWithheld')}</span> <Counts counts={w} />
        </div>
        <div>
          <span className="muted">{t('packages.reviewTo')}</span> {review.recipients.map((r) => `${r.name} (${r.bureau})`).join(', ')}
        </div>
        {review.plans.length > 0 && (
          <div className="review-plans">
            <span className="muted">{t('packages.plans.inReview')}</span>{' '}
            {review.plans
              .map((p) => t('packages.plans.row', { name: p.codeWord ? `${p.name} (${p.codeWord})` : p.name, count: p.targets, withheld: p.withheldTargets }))
              .join('; ')}
          </div>
        )}
      </div>
      {anyWithheld ? (
        <>
          <HTMLTable compact striped className="data-table withheld-table">
            <thead>
              <tr>
                <th>{t('packages.colWithheldItem')}</th>
                <th>{t('packages.colRule')}</th>
                <th>{t('packages.colReason')}</th>
              </tr>
            </thead>
            <tbody>
              {w.items.map((it) => (
                <tr key={`${it.kind}:${it.id}`} data-rule={it.rule}>
                  <td>
                    <span className="muted small">{t(`packages.kind.${it.kind}`)}</span> <span className="withheld-caption">{it.caption || t('entity.noCaption')}</span>
                  </td>
                  <td>
                    <Tag minimal intent="warning" className="rule-tag">
                      {t(`packages.rule.${it.rule}`)}
                    </Tag>
                  </td>
                  <td className="withheld-reason">{it.reason}</td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
          {w.truncated && <p className="muted small">{t('packages.withheldTruncated', { n: formatNumber(w.items.length) })}</p>}
        </>
      ) : (
        <Callout intent="success" compact>
          {t('packages.nothingWithheld')}
        </Callout>
      )}
      {review.conditions.length > 0 && (
        <Callout intent="warning" compact title={t('packages.conditionsTitle')} className="review-conditions">
          <ul>
            {review.conditions.map((c) => (
              <li key={c.sourceId}>
                <strong>{c.title}</strong> · {c.handling}
                {c.conditions && <> — {c.conditions}</>}
              </li>
            ))}
          </ul>
        </Callout>
      )}
    </section>
  );
}
