import { Button, Callout, InputGroup } from '@blueprintjs/core';
import { FloppyDiskIcon, FolderOpenIcon, ImportIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSpec, ImportSpecInput } from '../../../../shared/interchange/api';
import { call, isApiError } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';

interface Props {
  /** The current mapping to save; null where there is nothing to save yet. */
  spec: ImportSpecInput | null;
  onLoaded(spec: ImportSpec): void;
}

/** The mapping as a reusable specification file (the same JSON `cordon import --mapping` takes). */
export function SpecFileBar({ spec, onLoaded }: Props) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [exists, setExists] = useState(false);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    setExists(false);
    try {
      setDone(await action());
    } catch (err) {
      if (isApiError(err) && err.code === 'FILE_EXISTS') setExists(true);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const save = (overwrite: boolean) =>
    run(async () => {
      const r = await call('import.saveSpec', { path: path.trim(), spec: spec!, overwrite });
      return t('import.spec.saved', { path: r.path });
    });
  const load = () =>
    run(async () => {
      onLoaded(await call('import.loadSpec', { path: path.trim() }));
      return t('import.spec.loaded', { path: path.trim() });
    });

  return (
    <div className="spec-bar">
      <label htmlFor="import-spec-path" className="spec-bar-label">
        {t('import.spec.label')}
      </label>
      <InputGroup id="import-spec-path" className="mono grow" leftIcon={<FolderOpenIcon />} value={path} onValueChange={setPath} placeholder={t('import.spec.placeholder')} spellCheck={false} />
      <Button icon={<ImportIcon />} text={t('import.spec.load')} disabled={!path.trim() || busy} onClick={() => void load()} />
      {spec && <Button icon={<FloppyDiskIcon />} text={t('import.spec.save')} disabled={!path.trim() || busy} onClick={() => void save(false)} />}
      {done && (
        <Callout intent="success" compact className="spec-bar-note" role="status">
          {done}
        </Callout>
      )}
      {error !== null && (
        <div className="spec-bar-note">
          <ErrorCallout error={error} />
          {exists && spec && <Button size="small" intent="warning" text={t('import.spec.replace')} onClick={() => void save(true)} />}
        </div>
      )}
    </div>
  );
}
