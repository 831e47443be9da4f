import { Button } from '@blueprintjs/core';
import { ArrowLeftIcon, ArrowRightIcon, ImportIcon } from '@blueprintjs/icons';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportFormat, ImportSpec } from '../../../../shared/interchange/api';
import type { TabularPreview } from '../../../../shared/interchange/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { emptyRow, rowComplete, type Draft } from './draft';
import { DryRunStep } from './DryRunStep';
import { FileStep } from './FileStep';
import { CommsWizard } from './comms/CommsWizard';
import { isComms, isTabular } from './formats';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { RunStep } from './RunStep';
import { SpecFileBar } from './SpecFileBar';
import { fromSpec, toSpec } from './spec';
import { StepBar, type Step } from './StepBar';
import { useImportWizard } from './wizardStore';

const DRY_ROWS = 20;

/** The import wizard: call records and cell sites go to the communications importer, everything else to the interchange one. */
export function ImportWizard() {
  const format = useImportWizard((s) => s.draft.format);
  return isComms(format) ? <CommsWizard /> : <InterchangeWizard />;
}

/** The interchange wizard (i2's "import specification"): file → preview → mapping → dry run → import. */
function InterchangeWizard() {
  const { t } = useTranslation();
  const { draft, step, preview, dry, report, runError, patchDraft: patch, set } = useImportWizard();
  // ImportWizard renders this one only for the interchange formats.
  const format: ImportFormat = isComms(draft.format) ? 'csv' : draft.format;
  const setStep = (s: Step) => set({ step: s });
  const setPreview = (p: TabularPreview) => set({ preview: p });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const tabular = isTabular(format);
  const steps: Step[] = tabular ? ['file', 'preview', 'mapping', 'dryrun', 'run'] : ['file', 'dryrun', 'run'];
  const spec = useMemo(() => (tabular ? toSpec(draft) : undefined), [draft, tabular]);
  const columns = { names: preview?.columns ?? [], header: draft.read.header ?? preview?.header ?? true };

  const attempt = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const readPreview = async (d: Draft) => {
    if (!isTabular(d.format)) return;
    const p = await call('import.preview', { path: d.path.trim(), format: d.format, ...d.read, rows: 20 });
    setPreview(p);
  };
  // Changing a reading option reads the first rows again.
  useEffect(() => {
    if (step !== 'preview') return;
    void attempt(() => readPreview(draft));
  }, [draft.read]);

  const dryRun = async () => {
    set({ dry: await call('import.dryRun', { path: draft.path.trim(), format, ...(spec ? { spec } : {}), limit: DRY_ROWS }), step: 'dryrun' });
  };
  const next = () =>
    attempt(async () => {
      if (step === 'file') {
        if (!tabular) return dryRun();
        await readPreview(draft);
        setStep('preview');
      } else if (step === 'preview') {
        if (draft.entities.length === 0) patch({ entities: [{ key: 'entity1', schema: 'Person', props: [emptyRow('name')] }] });
        setStep('mapping');
      } else if (step === 'mapping') {
        await dryRun();
      }
    });
  const back = () => {
    setError(null);
    setStep(steps[Math.max(0, steps.indexOf(step) - 1)]!);
  };
  const run = async () => {
    set({ step: 'run', report: null, runError: null });
    try {
      // Into the store even if the analyst has left the view meanwhile: the report waits there.
      set({ report: await call('import.run', { path: draft.path.trim(), format, ...(spec ? { spec } : {}) }) });
      await afterWrite();
    } catch (err) {
      set({ runError: err });
    }
  };
  const again = () => set({ step: 'file', dry: null, report: null, runError: null });
  const loaded = (s: ImportSpec) => patch(fromSpec(s, { path: draft.path, format: isTabular(format) ? format : 'csv' }));

  const mappingOk = draft.entities.length > 0 && draft.entities.every((e) => e.key && e.props.some(rowComplete)) && draft.links.every((l) => l.from !== l.to);
  const canNext = !busy && (step === 'file' ? draft.path.trim() !== '' : step === 'preview' ? preview !== null : step === 'mapping' ? mappingOk : false);
  const running = step === 'run' && report === null && runError === null;

  return (
    <div className="import-wizard">
      <StepBar steps={steps} current={step} />
      {(step === 'file' || step === 'mapping') && tabular && <SpecFileBar spec={step === 'mapping' ? (spec ?? null) : null} onLoaded={loaded} />}
      <div className="import-step-body">
        {step === 'file' && <FileStep path={draft.path} format={draft.format} onChange={patch} />}
        {step === 'preview' && preview && <PreviewStep preview={preview} read={draft.read} onRead={(read) => patch({ read })} />}
        {step === 'mapping' && <MappingStep draft={draft} columns={columns} onChange={patch} />}
        {step === 'dryrun' && dry && <DryRunStep report={dry} />}
        {step === 'run' && <RunStep report={report} error={runError} onAgain={again} />}
        <ErrorCallout error={error} />
      </div>
      {step !== 'run' && (
        <footer className="import-nav">
          {step !== 'file' && <Button icon={<ArrowLeftIcon />} text={t('import.nav.back')} onClick={back} disabled={busy || running} />}
          {step === 'dryrun' ? (
            <Button intent="primary" icon={<ImportIcon />} text={t('import.nav.import')} onClick={() => void run()} />
          ) : (
            <Button intent="primary" endIcon={<ArrowRightIcon />} text={step === 'mapping' || (step === 'file' && !tabular) ? t('import.nav.dryRun') : t('import.nav.next')} disabled={!canNext} loading={busy} onClick={() => void next()} />
          )}
        </footer>
      )}
    </div>
  );
}
