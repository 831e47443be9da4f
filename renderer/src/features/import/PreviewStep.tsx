import { Checkbox, FormGroup, HTMLSelect, Tag } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { TabularPreview } from '../../../../shared/interchange/dto';
import { formatNumber } from '../../format';
import type { ReadOptions } from './draft';
import { DELIMITERS, ENCODINGS, type Delimiter, type Encoding } from './formats';
import { PreviewTable } from './PreviewTable';

interface Props {
  preview: TabularPreview;
  read: ReadOptions;
  onRead(read: ReadOptions): void;
}

const DETECTED = '';

/** What was detected (encoding, delimiter, header), each overridable, over the first rows. */
export function PreviewStep({ preview, read, onRead }: Props) {
  const { t } = useTranslation();
  const csv = preview.format === 'csv';
  return (
    <div className="import-preview-step">
      <div className="import-detected" data-testid="import-detected">
        <Tag minimal>{t('import.preview.bytes', { size: formatNumber(preview.bytes) })}</Tag>
        {csv && <Tag minimal intent="primary">{t('import.preview.encodingIs', { encoding: preview.encoding ?? '—' })}</Tag>}
        {csv && <Tag minimal intent="primary">{t('import.preview.delimiterIs', { delimiter: t(`import.delimiter.${delimiterName(preview.delimiter)}`) })}</Tag>}
        <Tag minimal intent="primary">{preview.header ? t('import.preview.headerYes') : t('import.preview.headerNo')}</Tag>
        {preview.encodingReason && <span className="muted small">{preview.encodingReason}</span>}
      </div>
      <div className="form-row import-overrides">
        {csv && (
          <FormGroup label={t('import.preview.encoding')} labelFor="import-encoding" className="grow">
            <HTMLSelect
              id="import-encoding"
              fill
              value={read.encoding ?? DETECTED}
              onChange={(e) => onRead({ ...read, encoding: (e.currentTarget.value || undefined) as Encoding | undefined })}
              options={[{ value: DETECTED, label: t('import.preview.detected') }, ...ENCODINGS.map((x) => ({ value: x, label: x }))]}
            />
          </FormGroup>
        )}
        {csv && (
          <FormGroup label={t('import.preview.delimiter')} labelFor="import-delimiter" className="grow">
            <HTMLSelect
              id="import-delimiter"
              fill
              value={read.delimiter ?? DETECTED}
              onChange={(e) => onRead({ ...read, delimiter: (e.currentTarget.value || undefined) as Delimiter | undefined })}
              options={[{ value: DETECTED, label: t('import.preview.detected') }, ...DELIMITERS.map((x) => ({ value: x, label: t(`import.delimiter.${delimiterName(x)}`) }))]}
            />
          </FormGroup>
        )}
        {!csv && preview.sheets.length > 1 && (
          <FormGroup label={t('import.preview.sheet')} labelFor="import-sheet" className="grow">
            <HTMLSelect id="import-sheet" fill value={read.sheet ?? preview.sheet ?? ''} onChange={(e) => onRead({ ...read, sheet: e.currentTarget.value })} options={preview.sheets} />
          </FormGroup>
        )}
        <FormGroup label={t('import.preview.headerRow')} className="grow">
          <Checkbox id="import-header" checked={read.header ?? preview.header} label={t('import.preview.headerLabel')} onChange={(e) => onRead({ ...read, header: e.currentTarget.checked })} />
        </FormGroup>
      </div>
      <PreviewTable preview={preview} />
    </div>
  );
}

function delimiterName(d: string | null): string {
  return d === ',' ? 'comma' : d === ';' ? 'semicolon' : d === '\t' ? 'tab' : d === '|' ? 'pipe' : 'none';
}
