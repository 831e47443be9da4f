import { Button } from '@blueprintjs/core';
import { ExportIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportDialog } from './export/ExportDialog';
import { ImportHistory } from './ImportHistory';
import { ImportWizard } from './ImportWizard';
import { useImportWizard } from './wizardStore';
import './import.css';

/** Intake and interchange: the import wizard, earlier imports, and export. */
export function ImportView() {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const restart = useImportWizard((s) => s.reset);
  return (
    <section className="import-view pane" aria-labelledby="import-title">
      <header className="pane-header">
        <h2 className="pane-title" id="import-title">
          {t('import.title')}
        </h2>
        <Button className="pane-action" size="small" variant="minimal" text={t('import.restart')} onClick={restart} />
        <Button size="small" icon={<ExportIcon />} text={t('export.open')} onClick={() => setExporting(true)} />
      </header>
      <div className="import-scroll">
        <ImportWizard />
        <ImportHistory />
      </div>
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
    </section>
  );
}
