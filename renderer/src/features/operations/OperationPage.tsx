import { Button, Callout, Tag } from '@blueprintjs/core';
import { ArrowRightIcon, WarningSignIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { CooperationWarning, OperationDetail, OperationStatus } from '../../../../shared/cooperation/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { ActionDaySection } from './ActionDaySection';
import { PlanSection } from './PlanSection';
import { ResultsSection } from './ResultsSection';
import { StatusTag } from './StatusTag';
import { TargetsSection } from './TargetsSection';
import { useCoreRead, useWrite } from './useCoop';

const NEXT: Record<OperationStatus, OperationStatus | null> = { planning: 'approved', approved: 'executing', executing: 'concluded', concluded: null };
const DECONFLICTION = new Set<CooperationWarning['code']>(['deconfliction-target', 'deconfliction-restricted']);

/** One operation as opened: its warnings first, then targets, plan, action day and results. */
export function OperationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data: op, error } = useCoreRead('operation.open', { id }, id);
  if (!op) return <ErrorCallout error={error} />;
  return (
    <article className="operation-page" aria-labelledby="operation-title">
      <OperationHeader op={op} />
      <Warnings warnings={op.warnings} />
      <section className="coop-section" aria-labelledby="op-targets-h">
        <h3 id="op-targets-h">{t('operations.targets')}</h3>
        <TargetsSection op={op} />
      </section>
      <section className="coop-section" aria-labelledby="op-plan-h">
        <h3 id="op-plan-h">{t('operations.plan')}</h3>
        <PlanSection op={op} />
      </section>
      <section className="coop-section" aria-labelledby="op-day-h">
        <h3 id="op-day-h">{t('operations.actionDay')}</h3>
        <ActionDaySection op={op} />
      </section>
      <section className="coop-section" aria-labelledby="op-results-h">
        <h3 id="op-results-h">{t('operations.results')}</h3>
        <ResultsSection op={op} />
      </section>
    </article>
  );
}

function OperationHeader({ op }: { op: OperationDetail }) {
  const { t } = useTranslation();
  const write = useWrite();
  const next = NEXT[op.status];
  return (
    <header className="operation-header">
      <div className="operation-heading">
        <h2 id="operation-title" className="project-title">
          {op.name}
        </h2>
        {op.codeWord && <Tag className="mono code-word">{op.codeWord}</Tag>}
        <StatusTag status={op.status} />
        {next && (
          <Button
            size="small"
            intent="primary"
            endIcon={<ArrowRightIcon />}
            text={t(`operations.advance.${next}`)}
            loading={write.busy}
            onClick={() => void write.run(() => call('operation.setStatus', { id: op.id, status: next }))}
          />
        )}
      </div>
      <dl className="coop-facts">
        <dt>{t('operations.lead')}</dt>
        <dd className="mono">{op.leadBureau}</dd>
        <dt>{t('operations.bureaus')}</dt>
        <dd className="project-bureaus">
          {op.bureaus.length ? op.bureaus.map((b) => <Tag key={b} minimal className="mono">{b}</Tag>) : '—'}
        </dd>
        <dt>{t('operations.agencies')}</dt>
        <dd>{op.agencies.join(', ') || '—'}</dd>
      </dl>
      <ErrorCallout error={write.error} />
    </header>
  );
}

/** Deconfliction first and loudest: two countries must not raid the same person unknowingly. */
function Warnings({ warnings }: { warnings: CooperationWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  const decon = warnings.filter((w) => DECONFLICTION.has(w.code));
  const other = warnings.filter((w) => !DECONFLICTION.has(w.code));
  return (
    <div className="operation-warnings">
      {decon.length > 0 && (
        <Callout intent="danger" icon={<WarningSignIcon />} title={t('operations.deconflictionTitle', { count: decon.length })} className="deconfliction-callout" role="alert">
          <p className="small">{t('operations.deconflictionText')}</p>
          <ul>
            {decon.map((w, i) => (
              <li key={i} data-code={w.code}>
                {w.message}
              </li>
            ))}
          </ul>
        </Callout>
      )}
      {other.length > 0 && (
        <Callout intent="warning" title={t('operations.warningsTitle', { count: other.length })} className="warnings-callout">
          <ul>
            {other.map((w, i) => (
              <li key={i} data-code={w.code}>
                {w.message}
              </li>
            ))}
          </ul>
        </Callout>
      )}
    </div>
  );
}
