import { Button, Callout, Checkbox, Dialog, DialogBody, DialogFooter, FormGroup, HTMLSelect, InputGroup, Radio, RadioGroup } from '@blueprintjs/core';
import { ExportIcon, WarningSignIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../../../shared/interchange/api';
import type { ExportReport } from '../../../../../shared/interchange/dto';
import { call, isApiError } from '../../../api';
import { ErrorCallout } from '../../../app/ErrorCallout';
import { useSession } from '../../../state/session';
import { useWorkspace } from '../../../state/workspace';
import { JobList } from '../../jobs/JobsPanel';
import { useJobsSince } from '../../jobs/jobStore';
import { PathInput } from '../../packages/PathInput';
import { EXPORT_FORMATS } from '../formats';
import { ExportResult } from './ExportResult';

type Scope = 'case' | 'selected' | 'query';

/** Export to ANX, FtM, GraphML, GEXF or CSV: the whole case, the selected entity or a search.
 * The export is a job: its progress and Cancel show here (the dialog hides the bottom panel). */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const selectedId = useWorkspace((s) => s.selectedId);
  const info = useSession((s) => s.info);
  const [format, setFormat] = useState<ExportFormat>('anx');
  const [path, setPath] = useState('');
  const [scope, setScope] = useState<Scope>('case');
  const [query, setQuery] = useState('');
  const [includeRestricted, setIncludeRestricted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ExportReport | null>(null);
  const [since, setSince] = useState<number | null>(null);
  const jobs = useJobsSince(since);

  const restrictedInCase = info?.handling === 'H2' || info?.tlp === 'RED';
  const ready = path.trim() !== '' && (scope !== 'query' || query.trim() !== '') && (scope !== 'selected' || selectedId !== null) && !busy;
  const select = scope === 'selected' && selectedId ? { ids: [selectedId] } : scope === 'query' ? { query: query.trim() } : undefined;

  const submit = async () => {
    setBusy(true);
    setError(null);
    setSince(Date.now());
    try {
      setResult(await call('export.run', { path: path.trim(), format, includeRestricted, ...(select ? { select } : {}) }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog isOpen onClose={busy ? undefined : onClose} isCloseButtonShown={!busy} title={t('export.title')} icon={<ExportIcon />} className="form-dialog export-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void submit();
        }}
      >
        <DialogBody>
          {result ? (
            <ExportResult report={result} />
          ) : (
            <>
              {/* While the export runs its options cannot change: they would not apply to it. */}
              <fieldset className="export-options" disabled={busy}>
                <FormGroup label={t('export.format')} labelFor="export-format">
                  <HTMLSelect id="export-format" fill value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)} options={EXPORT_FORMATS.map((f) => ({ value: f, label: t(`import.format.${f}`) }))} />
                </FormGroup>
                <PathInput id="export-path" label={t('export.path')} value={path} onChange={setPath} helperText={t(format === 'csv' ? 'export.pathCsvHelp' : 'export.pathHelp')} />
                <RadioGroup label={t('export.scope')} selectedValue={scope} onChange={(e) => setScope(e.currentTarget.value as Scope)} inline>
                  <Radio value="case" label={t('export.scopeCase')} />
                  <Radio value="selected" label={t('export.scopeSelected')} disabled={selectedId === null} />
                  <Radio value="query" label={t('export.scopeQuery')} />
                </RadioGroup>
                {scope === 'query' && (
                  <FormGroup label={t('export.query')} labelFor="export-query" helperText={t('export.queryHelp')}>
                    <InputGroup id="export-query" value={query} onValueChange={setQuery} />
                  </FormGroup>
                )}
                <Callout intent={restrictedInCase ? 'warning' : 'none'} icon={<WarningSignIcon />} compact className="export-restricted" data-testid="export-restricted">
                  <p>{t(restrictedInCase ? 'export.restrictedPresent' : 'export.restrictedRule')}</p>
                  <Checkbox id="export-include-restricted" checked={includeRestricted} onChange={(e) => setIncludeRestricted(e.currentTarget.checked)} label={t('export.includeRestricted')} />
                </Callout>
              </fieldset>
              <JobList jobs={jobs} />
              {isApiError(error) && error.code === 'CANCELLED' ? (
                <Callout intent="warning" className="dialog-note" role="status">
                  {t('export.cancelled')}
                </Callout>
              ) : (
                <ErrorCallout error={error} />
              )}
            </>
          )}
        </DialogBody>
        <DialogFooter
          minimal
          actions={
            result ? (
              <Button intent="primary" text={t('export.close')} onClick={onClose} />
            ) : (
              <>
                <Button text={t('export.close')} onClick={onClose} disabled={busy} />
                <Button type="submit" intent="primary" icon={<ExportIcon />} text={t('export.run')} disabled={!ready} loading={busy} />
              </>
            )
          }
        />
      </form>
    </Dialog>
  );
}
