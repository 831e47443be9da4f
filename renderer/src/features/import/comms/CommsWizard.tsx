import { Button } from '@blueprintjs/core';
import { ArrowLeftIcon, ArrowRightIcon, ImportIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api';
import { afterWrite } from '../../../app/caseActions';
import { ErrorCallout } from '../../../app/ErrorCallout';
import { FileStep } from '../FileStep';
import { StepBar } from '../StepBar';
import { useImportWizard } from '../wizardStore';
import { CdrMappingStep } from './CdrMappingStep';
import { CommsRunStep } from './CommsRunStep';
import { missingOf, useCommsWizard, type CommsStep } from './commsWizardStore';

/** The wizard for call records (file → mapping → import) and cell-site lists (file → import):
 * the communications importer writes events, not entities. Progress and cancel are in the jobs
 * panel, as for every import. */
export function CommsWizard() {
  const { t } = useTranslation();
  const draft = useImportWizard((s) => s.draft);
  const patch = useImportWizard((s) => s.patchDraft);
  const w = useCommsWizard();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const cdr = draft.format === 'cdr';
  const steps: CommsStep[] = cdr ? ['file', 'mapping', 'run'] : ['file', 'run'];
  const path = draft.path.trim();

  const readHead = async () => {
    setBusy(true);
    setError(null);
    try {
      const p = await call('comms.previewCdr', { path, rows: 10 });
      w.set({ preview: p, columns: p.columns, timeZone: p.timeZone, dayFirst: p.dayFirst, step: 'mapping' });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const run = async (again: boolean) => {
    setError(null);
    w.set({ step: 'run', cdrReport: null, cellReport: null, runError: null });
    try {
      if (cdr) {
        const mapping = { version: 1 as const, columns: w.columns, dayFirst: w.dayFirst, timeZone: w.timeZone };
        w.set({ cdrReport: await call('comms.importCdr', { path, mapping, again }) });
      } else {
        w.set({ cellReport: await call('comms.importCells', { path, again }) });
      }
      await afterWrite();
    } catch (err) {
      w.set({ runError: err });
    }
  };
  const again = () => w.reset();
  const back = () => {
    setError(null);
    w.set({ step: 'file' });
  };
  const mappingOk = missingOf(w.columns).length === 0;
  const atStart = w.step === 'file';

  return (
    <div className="import-wizard comms-wizard">
      <StepBar steps={steps} current={w.step} />
      <div className="import-step-body">
        {atStart && <FileStep path={draft.path} format={draft.format} onChange={patch} />}
        {w.step === 'mapping' && w.preview && <CdrMappingStep preview={w.preview} />}
        {w.step === 'run' && <CommsRunStep onAgain={again} onForce={() => void run(true)} />}
        <ErrorCallout error={error} />
      </div>
      {w.step !== 'run' && (
        <footer className="import-nav">
          {!atStart && <Button icon={<ArrowLeftIcon />} text={t('import.nav.back')} onClick={back} disabled={busy} />}
          {atStart && cdr ? (
            <Button intent="primary" endIcon={<ArrowRightIcon />} text={t('import.nav.next')} disabled={busy || path === ''} loading={busy} onClick={() => void readHead()} />
          ) : (
            <Button intent="primary" icon={<ImportIcon />} text={t('import.nav.import')} disabled={path === '' || (cdr && !mappingOk)} onClick={() => void run(false)} />
          )}
        </footer>
      )}
    </div>
  );
}
