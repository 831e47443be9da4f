import { Callout } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../../../shared/exchange/dto';
import { formatNumber } from '../../../format';
import { ReceiptForm } from './ReceiptForm';

/** What the import did, and (for data packages) the receipt to send back to the sender. */
export function ImportDone({ result, receiptPath }: { result: ImportResult; receiptPath: string }) {
  const { t } = useTranslation();
  const r = result;
  return (
    <div className="import-done" data-testid="import-done">
      <Callout intent="success" title={t(r.kind === 'receipt' ? 'packages.importedReceipt' : 'packages.imported', { name: r.sender.name, bureau: r.sender.bureau })}>
        {r.kind === 'data' && (
          <ul className="import-figures">
            <li>{t('packages.resultEntities', { count: r.entitiesCreated, created: formatNumber(r.entitiesCreated), merged: formatNumber(r.entitiesMerged) })}</li>
            <li>{t('packages.resultLinks', { count: r.linksCreated, n: formatNumber(r.linksCreated) })}</li>
            <li>{t('packages.resultStatements', { count: r.statementsAdded, added: formatNumber(r.statementsAdded), seen: formatNumber(r.statementsSeen), skipped: formatNumber(r.statementsSkipped) })}</li>
            <li>{t('packages.resultSources', { count: r.sourcesAdded, n: formatNumber(r.sourcesAdded) })}</li>
            {r.retracted > 0 && <li>{t('packages.resultRetracted', { count: r.retracted, n: formatNumber(r.retracted) })}</li>}
            {r.plansReceived > 0 && <li>{t('packages.resultPlans', { count: r.plansReceived, n: formatNumber(r.plansReceived) })}</li>}
          </ul>
        )}
      </Callout>
      {r.gap && (
        <Callout intent="warning" compact>
          {r.gap}
        </Callout>
      )}
      {r.notices.length > 0 && (
        <Callout intent="warning" compact title={t('packages.leftOut')}>
          <ul>
            {r.notices.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </Callout>
      )}
      {r.kind === 'data' && (
        <>
          <h3 className="section-title">{t('packages.receiptTitle')}</h3>
          <ReceiptForm packageId={r.packageId} defaultPath={receiptPath} />
        </>
      )}
    </div>
  );
}
