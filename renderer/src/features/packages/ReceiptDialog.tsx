import { Button, Dialog, DialogBody, DialogFooter } from '@blueprintjs/core';
import { EnvelopeIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { PackageLedgerRow } from '../../../../shared/exchange/dto';
import { useSession } from '../../state/session';
import { ReceiptForm } from './import/ReceiptForm';
import { fileSlug, folderOf, joinPath, today } from './paths';

/** A receipt for a package received earlier (e.g. when the drive goes back later). */
export function ReceiptDialog({ row, onClose }: { row: PackageLedgerRow; onClose(): void }) {
  const { t } = useTranslation();
  const info = useSession((s) => s.info);
  const path = joinPath(folderOf(info?.path ?? ''), `${fileSlug(info?.bureau ?? 'cordon')}-receipt-${row.packageId.slice(0, 8)}-${today()}.cordonpkg`);
  return (
    <Dialog isOpen onClose={onClose} title={t('packages.receiptTitle')} icon={<EnvelopeIcon />} className="form-dialog">
      <DialogBody>
        <p>{t('packages.receiptFor', { id: row.packageId })}</p>
        <ReceiptForm packageId={row.packageId} defaultPath={path} />
      </DialogBody>
      <DialogFooter minimal actions={<Button text={t('exchange.close')} onClick={onClose} />} />
    </Dialog>
  );
}
