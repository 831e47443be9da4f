import { Button, Callout, Dialog, DialogBody, DialogFooter } from '@blueprintjs/core';
import { TrashIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCallout } from '../../app/ErrorCallout';

interface Props {
  count: number;
  onClose(): void;
  onRemove(): Promise<void>;
  onDeleteFromCase(): Promise<void>;
}

/** Delete: from this chart only (undoable), or from the case (confirmed, audited, not undone here). */
export function DeleteDialog({ count, onClose, onRemove, onDeleteFromCase }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (fn: () => Promise<void>) => {
    try {
      await fn();
      onClose();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Dialog isOpen onClose={onClose} title={t('chart.delete.title', { count })} icon={<TrashIcon />} className="form-dialog">
      <DialogBody>
        <p>{t('chart.delete.text', { count })}</p>
        {confirming && (
          <Callout intent="danger" icon={<TrashIcon />}>
            {t('chart.delete.confirmCase', { count })}
          </Callout>
        )}
        <ErrorCallout error={error} />
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text={t('chart.cancel')} onClick={onClose} />
            <Button text={t('chart.delete.fromChart')} intent="primary" onClick={() => void run(onRemove)} />
            {confirming ? (
              <Button text={t('chart.delete.reallyFromCase', { count })} intent="danger" onClick={() => void run(onDeleteFromCase)} />
            ) : (
              <Button text={t('chart.delete.fromCase')} intent="danger" variant="outlined" onClick={() => setConfirming(true)} />
            )}
          </>
        }
      />
    </Dialog>
  );
}
