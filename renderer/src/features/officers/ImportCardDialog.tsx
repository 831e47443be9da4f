import { Button, Callout, Dialog, DialogBody, DialogFooter } from '@blueprintjs/core';
import { ImportIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../../shared/exchange/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { PathInput } from '../packages/PathInput';
import { Fingerprint } from './Fingerprint';
import { TrustTag } from './TrustTag';

/** Adds a partner's contact card. It always enters unverified: trust comes from comparing the
 * fingerprint with the officer in person or by voice (the Verify action), never from the file. */
export function ImportCardDialog({ onClose, onVerify }: { onClose(): void; onVerify(o: OfficerView): void }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<OfficerView | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setAdded(await call('officer.importCard', { path: path.trim(), verified: false }));
      await afterWrite();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog isOpen onClose={onClose} title={t('officers.importTitle')} icon={<ImportIcon />} className="form-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!added && path.trim()) void submit();
        }}
      >
        <DialogBody>
          {added ? (
            <Callout intent="success" title={t('officers.imported', { name: added.name, bureau: added.bureau.code })} className="dialog-note">
              <p>
                <TrustTag officer={added} /> {t('officers.importedNext')}
              </p>
              <Fingerprint groups={added.fingerprintGroups} large />
            </Callout>
          ) : (
            <PathInput id="import-card-path" label={t('officers.importPath')} value={path} onChange={setPath} helperText={t('officers.importPathHelp')} placeholder="/media/usb/fr-card.json" />
          )}
          <ErrorCallout error={error} />
        </DialogBody>
        <DialogFooter
          minimal
          actions={
            added ? (
              <>
                <Button text={t('exchange.close')} onClick={onClose} />
                <Button intent="primary" text={t('officers.verifyNow')} onClick={() => onVerify(added)} />
              </>
            ) : (
              <>
                <Button text={t('form.cancel')} onClick={onClose} />
                <Button type="submit" intent="primary" text={t('officers.importSubmit')} disabled={!path.trim()} loading={busy} />
              </>
            )
          }
        />
      </form>
    </Dialog>
  );
}
