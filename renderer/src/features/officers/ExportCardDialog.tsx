import { Button, Callout, Dialog, DialogBody, DialogFooter } from '@blueprintjs/core';
import { ExportIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../../shared/exchange/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { useSession } from '../../state/session';
import { fileSlug, folderOf, joinPath } from '../packages/paths';
import { PathInput } from '../packages/PathInput';
import { Fingerprint } from './Fingerprint';

/** "My contact card": a signed JSON file to hand to partners, with the fingerprint they will
 * read back to verify it. */
export function ExportCardDialog({ me, onClose }: { me: OfficerView; onClose(): void }) {
  const { t } = useTranslation();
  const casePath = useSession((s) => s.info?.path ?? '');
  const [path, setPath] = useState(joinPath(folderOf(casePath), `${fileSlug(`${me.bureau.code}-${me.name}`)}-card.json`));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [written, setWritten] = useState<{ path: string; fingerprintGroups: string } | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      setWritten(await call('officer.exportCard', { path: path.trim() }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog isOpen onClose={onClose} title={t('officers.cardTitle')} icon={<ExportIcon />} className="form-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!written && path.trim()) void submit();
        }}
      >
        <DialogBody>
          {written ? (
            <Callout intent="success" title={t('officers.cardWritten')} className="dialog-note">
              <div className="mono path-text">{written.path}</div>
              <p>{t('officers.cardReadBack')}</p>
              <Fingerprint groups={written.fingerprintGroups} large />
            </Callout>
          ) : (
            <>
              <p className="muted">{t('officers.cardNote')}</p>
              <PathInput id="card-path" label={t('officers.cardPath')} value={path} onChange={setPath} helperText={t('officers.cardPathHelp')} />
            </>
          )}
          <ErrorCallout error={error} />
        </DialogBody>
        <DialogFooter
          minimal
          actions={
            written ? (
              <Button intent="primary" text={t('exchange.close')} onClick={onClose} />
            ) : (
              <>
                <Button text={t('form.cancel')} onClick={onClose} />
                <Button type="submit" intent="primary" text={t('officers.cardSubmit')} disabled={!path.trim()} loading={busy} />
              </>
            )
          }
        />
      </form>
    </Dialog>
  );
}
