import { Button, HTMLTable, Tag } from '@blueprintjs/core';
import { EnvelopeIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { OfficerView, PackageLedgerRow } from '../../../../shared/exchange/dto';
import { formatDateTime, formatNumber } from '../../format';
import { countsText } from './countsText';
import { ledgerFigures } from './ledger';
import { MarkingTags } from './TlpTag';

interface Props {
  rows: PackageLedgerRow[];
  officers: OfficerView[];
  onReceipt(row: PackageLedgerRow): void;
}

/** Every package sent and received, newest first, with the receipts partners sent back. */
export function HistoryTable({ rows, officers, onReceipt }: Props) {
  const { t } = useTranslation();
  const nameOf = (id: string) => {
    const o = officers.find((x) => x.id === id);
    return o ? `${o.name} (${o.bureau.code})` : id;
  };
  return (
    <div className="table-scroll">
      <HTMLTable compact striped className="data-table history-table">
        <thead>
          <tr>
            <th>{t('packages.colDirection')}</th>
            <th>{t('packages.colCreated')}</th>
            <th>{t('packages.colPeers')}</th>
            <th>{t('packages.colMarking')}</th>
            <th>{t('packages.colContents')}</th>
            <th>{t('packages.colReceipts')}</th>
            <th>
              <span className="visually-hidden">{t('officers.colActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const f = ledgerFigures(r.summary);
            return (
              <tr key={`${r.direction}:${r.packageId}`} data-direction={r.direction} data-kind={r.kind}>
                <td>
                  <Tag minimal intent={r.direction === 'out' ? 'primary' : 'success'}>
                    {t(`packages.direction.${r.direction}`)}
                  </Tag>{' '}
                  {r.kind === 'receipt' && <Tag minimal>{t('packages.kindReceipt')}</Tag>}
                  <div className="mono small muted" title={r.packageId}>
                    {r.packageId.slice(0, 8)}
                  </div>
                </td>
                <td className="small">{formatDateTime(r.created)}</td>
                <td>{r.peers.join(', ')}</td>
                <td>{r.direction === 'out' ? <MarkingTags tlp={r.tlp} handling={null} /> : <span className="muted">—</span>}</td>
                <td className="small">
                  {f.counts && countsText(t, f.counts, ['entities', 'links', 'statements', 'sources'])}
                  {f.imported &&
                    r.kind === 'data' &&
                    t('packages.historyImported', {
                      created: formatNumber(f.imported.entitiesCreated),
                      merged: formatNumber(f.imported.entitiesMerged),
                      statements: formatNumber(f.imported.statementsAdded),
                      sources: formatNumber(f.imported.sourcesAdded),
                    })}
                  {f.withheld && (f.withheld.sources ?? 0) + (f.withheld.entities ?? 0) + (f.withheld.links ?? 0) > 0 && (
                    <div className="muted">{t('packages.historyWithheld', { list: countsText(t, f.withheld, ['entities', 'links', 'sources'], true) })}</div>
                  )}
                  {f.accepted && <div className="muted">{t(`packages.accepted.${f.accepted}`)}</div>}
                  {f.file && <div className="mono muted">{f.file}</div>}
                </td>
                <td className="small">
                  {r.direction === 'out' && r.kind === 'data'
                    ? r.receipts.length
                      ? r.receipts.map((x) => <div key={x.officerId}>{t('packages.receiptFrom', { who: nameOf(x.officerId), date: formatDateTime(x.at) })}</div>)
                      : <span className="muted">{t('packages.noReceipt')}</span>
                    : <span className="muted">—</span>}
                </td>
                <td className="row-actions">
                  {r.direction === 'in' && r.kind === 'data' && (
                    <Button size="small" variant="minimal" icon={<EnvelopeIcon />} text={t('packages.receiptWrite')} onClick={() => onReceipt(r)} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </HTMLTable>
    </div>
  );
}
