import { FormGroup, HTMLSelect } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import { PathInput } from '../packages/PathInput';
import { CdrHint } from './comms/CdrHint';
import { formatOfPath, isComms, isTabular, WIZARD_FORMATS, type WizardFormat } from './formats';

interface Props {
  path: string;
  format: WizardFormat;
  onChange(patch: { path?: string; format?: WizardFormat }): void;
}

/** The file to read and what it is (guessed from its name; the core checks its content). */
export function FileStep({ path, format, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="import-file-step">
      <PathInput
        id="import-path"
        label={t('import.file.path')}
        value={path}
        placeholder={t('import.file.placeholder')}
        helperText={t('import.file.pathHelp')}
        onChange={(p) => {
          const guessed = formatOfPath(p);
          onChange(guessed ? { path: p, format: guessed } : { path: p });
        }}
      />
      <FormGroup label={t('import.file.format')} labelFor="import-format" helperText={t(isComms(format) ? `import.file.${format}Help` : isTabular(format) ? 'import.file.tabularHelp' : 'import.file.structuredHelp')}>
        <HTMLSelect id="import-format" value={format} onChange={(e) => onChange({ format: e.currentTarget.value as WizardFormat })} options={WIZARD_FORMATS.map((f) => ({ value: f, label: t(`import.format.${f}`) }))} />
      </FormGroup>
      {format === 'csv' && <CdrHint path={path} onUse={() => onChange({ format: 'cdr' })} />}
    </div>
  );
}
