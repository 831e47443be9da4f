import { Callout, FormGroup, HTMLSelect, HTMLTable, Tag } from '@blueprintjs/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CdrField, CdrPreview } from '../../../../../shared/comms/dto';
import { formatNumber } from '../../../format';
import { missingOf, useCommsWizard } from './commsWizardStore';

// The fields of a call record, in the order an analyst reads a CDR (as shared/comms/dto's CDR_FIELDS,
// whose values the renderer may not import from the contract's runtime side).
const FIELDS: readonly CdrField[] = ['caller', 'callee', 'msisdn', 'other', 'direction', 'type', 'start', 'date', 'time', 'duration', 'imei', 'imsi', 'cell', 'calleeCell', 'lac', 'ci', 'latitude', 'longitude'];

function timeZones(current: string): string[] {
  const supported = (Intl as { supportedValuesOf?(key: string): string[] }).supportedValuesOf?.('timeZone') ?? [];
  return [...new Set(['UTC', current, ...supported])];
}

/** Header → field, as Cordon recognised it, editable; the zone the times are in; the first rows. */
export function CdrMappingStep({ preview }: { preview: CdrPreview }) {
  const { t } = useTranslation();
  const { columns, timeZone, dayFirst, set } = useCommsWizard();
  const zones = useMemo(() => timeZones(timeZone), [timeZone]);
  const fieldOf = new Map(Object.entries(columns).map(([f, h]) => [h, f as CdrField]));
  const missing = missingOf(columns);
  const unplaced = preview.header.filter((h) => h !== '' && !fieldOf.has(h));
  const setField = (field: CdrField, header: string) => {
    const next = { ...columns };
    // One header reads one field: taking it from another field frees that one.
    for (const [f, h] of Object.entries(next)) if (h === header) delete next[f as CdrField];
    if (header === '') delete next[field];
    else next[field] = header;
    set({ columns: next });
  };
  return (
    <div className="cdr-mapping" data-testid="cdr-mapping">
      <p className="import-detected muted" data-testid="cdr-detected">
        {t('comms.import.detected', { file: preview.file, size: formatNumber(preview.bytes), encoding: preview.encoding, delimiter: preview.delimiter === '\t' ? 'TAB' : preview.delimiter })}
      </p>
      {missing.length > 0 && (
        <Callout intent="warning" title={t('comms.import.missingTitle')} data-testid="cdr-missing">
          <ul>
            {missing.map((m) => (
              <li key={m}>{t(`comms.import.missing.${m}`)}</li>
            ))}
          </ul>
        </Callout>
      )}
      <div className="cdr-mapping-grid">
        <HTMLTable compact striped className="data-table cdr-fields" aria-label={t('comms.import.mappingTable')}>
          <thead>
            <tr>
              <th>{t('comms.import.field')}</th>
              <th>{t('comms.import.column')}</th>
              <th>{t('comms.import.how')}</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS.map((f) => {
              const header = columns[f] ?? '';
              const recognised = header !== '' && preview.recognised[f] === header;
              return (
                <tr key={f}>
                  <td>
                    <label htmlFor={`cdr-field-${f}`}>{t(`comms.field.${f}`)}</label>
                  </td>
                  <td>
                    <HTMLSelect
                      id={`cdr-field-${f}`}
                      minimal
                      value={header}
                      onChange={(e) => setField(f, e.currentTarget.value)}
                      options={[{ value: '', label: t('comms.import.noColumn') }, ...preview.header.map((h) => ({ value: h, label: h }))]}
                    />
                  </td>
                  <td>
                    {header !== '' && (
                      <Tag minimal intent={recognised ? 'success' : 'primary'}>
                        {recognised ? t('comms.import.recognised') : t('comms.import.chosen')}
                      </Tag>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </HTMLTable>
        <div className="cdr-options">
          <FormGroup label={t('comms.import.timeZone')} labelFor="cdr-tz" helperText={preview.caseTimeZone ? t('comms.import.timeZoneCase', { zone: preview.caseTimeZone }) : t('comms.import.timeZoneNone')}>
            <HTMLSelect id="cdr-tz" value={timeZone} onChange={(e) => set({ timeZone: e.currentTarget.value })} options={zones} />
          </FormGroup>
          <FormGroup label={t('comms.import.dates')} labelFor="cdr-dayfirst">
            <HTMLSelect
              id="cdr-dayfirst"
              value={dayFirst ? 'day' : 'month'}
              onChange={(e) => set({ dayFirst: e.currentTarget.value === 'day' })}
              options={[
                { value: 'day', label: t('comms.import.dayFirst') },
                { value: 'month', label: t('comms.import.monthFirst') },
              ]}
            />
          </FormGroup>
          {unplaced.length > 0 && (
            <p className="muted small" data-testid="cdr-unplaced">
              {t('comms.import.unplaced', { headers: unplaced.join(', ') })}
            </p>
          )}
        </div>
      </div>
      <div className="table-scroll">
        <HTMLTable compact striped className="data-table" aria-label={t('comms.import.firstRows')}>
          <thead>
            <tr>
              {preview.header.map((h, i) => (
                <th key={i}>
                  <bdi>{h}</bdi>
                  {fieldOf.has(h) && <div className="cdr-col-field">{t(`comms.field.${fieldOf.get(h)!}`)}</div>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r, i) => (
              <tr key={i}>
                {preview.header.map((_, j) => (
                  <td key={j}>
                    <bdi>{r[j] ?? ''}</bdi>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      </div>
    </div>
  );
}
