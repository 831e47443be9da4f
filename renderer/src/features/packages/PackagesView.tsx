import { Button, NonIdealState } from '@blueprintjs/core';
import { ExportIcon, ImportIcon, InboxIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageLedgerRow } from '../../../../shared/exchange/dto';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatNumber } from '../../format';
import { useOfficers } from '../officers/useOfficers';
import { ExportDialog } from './export/ExportDialog';
import { HistoryTable } from './HistoryTable';
import { ImportDialog } from './import/ImportDialog';
import { ReceiptDialog } from './ReceiptDialog';
import { usePackages } from './usePackages';
import '../officers/officers.css';
import './packages.css';

type Open = { kind: 'export' } | { kind: 'import' } | { kind: 'receipt'; row: PackageLedgerRow } | null;

/** Exchange packages: export and import, and the history of what was sent and received. */
export function PackagesView() {
  const { t } = useTranslation();
  const { rows, error } = usePackages();
  const { partners } = useOfficers();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <section className="packages-view pane" aria-labelledby="packages-title">
      <header className="pane-header">
        <h2 className="pane-title" id="packages-title">
          {t('packages.title')}
        </h2>
        <span className="muted">{rows ? t('packages.count', { count: rows.length, n: formatNumber(rows.length) }) : ''}</span>
        <span className="pane-action pane-buttons">
          <Button size="small" icon={<ImportIcon />} text={t('packages.importOpen')} onClick={() => setOpen({ kind: 'import' })} />
          <Button size="small" intent="primary" icon={<ExportIcon />} text={t('packages.exportOpen')} onClick={() => setOpen({ kind: 'export' })} />
        </span>
      </header>
      <ErrorCallout error={error} />
      {rows && rows.length === 0 ? (
        <NonIdealState icon={<InboxIcon size={40} />} title={t('packages.emptyTitle')} description={t('packages.emptyText')} />
      ) : (
        <HistoryTable rows={rows ?? []} officers={partners} onReceipt={(row) => setOpen({ kind: 'receipt', row })} />
      )}
      {open?.kind === 'export' && <ExportDialog onClose={close} />}
      {open?.kind === 'import' && <ImportDialog onClose={close} />}
      {open?.kind === 'receipt' && <ReceiptDialog row={open.row} onClose={close} />}
    </section>
  );
}
