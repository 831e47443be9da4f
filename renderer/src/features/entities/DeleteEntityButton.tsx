import { Alert, Button } from '@blueprintjs/core';
import { TrashIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDetail } from '../../../../shared/entities/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { useWorkspace } from '../../state/workspace';

export function DeleteEntityButton({ entity }: { entity: EntityDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('entity.delete', { id: entity.id });
      useWorkspace.getState().select(null);
      setOpen(false);
      await afterWrite();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" intent="danger" variant="outlined" icon={<TrashIcon />} text={t('entity.delete')} onClick={() => setOpen(true)} />
      <Alert
        isOpen={open}
        intent="danger"
        icon={<TrashIcon />}
        confirmButtonText={t('entity.deleteConfirm')}
        cancelButtonText={t('form.cancel')}
        loading={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setOpen(false)}
        canEscapeKeyCancel
      >
        <p>{entity.links.length === 0 ? t('entity.deleteTextNoLinks', { name: entity.caption || entity.id }) : t('entity.deleteText', { name: entity.caption || entity.id, count: entity.links.length })}</p>
        <ErrorCallout error={error} />
      </Alert>
    </>
  );
}
