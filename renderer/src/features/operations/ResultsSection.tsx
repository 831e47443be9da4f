import { Button, Callout, FormGroup, HTMLSelect, HTMLTable, InputGroup } from '@blueprintjs/core';
import { AddIcon } from '@blueprintjs/icons';
import { currentIntlTag } from '../../i18n';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationDetail, OperationResults, ResultKind, ResultTotals } from '../../../../shared/cooperation/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatNumber } from '../../format';
import { BUREAU_RE } from '../../app/bureau';
import { useWrite } from './useCoop';

const KINDS: ResultKind[] = ['arrest', 'seizure', 'freeze'];
const percent = (f: number) => new Intl.NumberFormat(currentIntlTag(), { style: 'percent', maximumFractionDigits: 0 }).format(f);

function money(value: Record<string, number>): string {
  const parts = Object.entries(value).map(([cur, v]) => {
    try {
      return new Intl.NumberFormat(currentIntlTag(), { style: 'currency', currency: cur, maximumFractionDigits: 0 }).format(v);
    } catch {
      return `${formatNumber(v)} ${cur}`;
    }
  });
  return parts.join(' · ') || '—';
}

/** Arrests, seizures and frozen assets per target and country; the network after, against the plan. */
export function ResultsSection({ op }: { op: OperationDetail }) {
  const { t } = useTranslation();
  // The core runs this as a job (the disruption simulator), so it is asked again only when what it
  // depends on changes: the targets, or a result recorded here — not after every write.
  const [recorded, setRecorded] = useState(0);
  const targetsKey = op.targetList.map((x) => `${x.entityId}:${x.state}`).join(',');
  const [{ data: results, error }, setState] = useState<{ data: OperationResults | null; error: unknown }>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    call('operation.results', { id: op.id }).then(
      (data) => live && setState({ data, error: null }),
      (err: unknown) => live && setState({ data: null, error: err }),
    );
    return () => {
      live = false;
    };
  }, [op.id, targetsKey, recorded]);
  return (
    <>
      <ErrorCallout error={error} />
      {results?.network && (
        <Callout intent="primary" className="plan-vs-achieved" data-testid="plan-vs-achieved">
          {t('operations.planVsAchieved', { planned: percent(results.network.planned.lccFraction), achieved: percent(results.network.achieved.lccFraction) })}
          <div className="muted small">
            {t('operations.networkDetail', {
              initial: formatNumber(results.network.initialLcc),
              planned: formatNumber(results.network.planned.lcc),
              achieved: formatNumber(results.network.achieved.lcc),
            })}
          </div>
        </Callout>
      )}
      {results && results.results.length > 0 && (
        <div className="results-grid">
          <TotalsTable title={t('operations.byTarget')} rows={results.byTarget.map((r) => ({ key: r.entityId, name: r.caption, ...r }))} />
          <TotalsTable title={t('operations.byCountry')} rows={results.byCountry.map((r) => ({ key: r.bureau, name: r.bureau, ...r }))} />
        </div>
      )}
      <ResultForm op={op} onRecorded={() => setRecorded((n) => n + 1)} />
    </>
  );
}

function TotalsTable({ title, rows }: { title: string; rows: Array<{ key: string; name: string } & ResultTotals> }) {
  const { t } = useTranslation();
  return (
    <HTMLTable compact striped className="data-table results-table">
      <thead>
        <tr>
          <th>{title}</th>
          <th className="num">{t('operations.arrests')}</th>
          <th className="num">{t('operations.seizures')}</th>
          <th className="num">{t('operations.freezes')}</th>
          <th className="num">{t('operations.value')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.name}</td>
            <td className="num">{formatNumber(r.arrests)}</td>
            <td className="num">{formatNumber(r.seizures)}</td>
            <td className="num">{formatNumber(r.freezes)}</td>
            <td className="num">{money(r.value)}</td>
          </tr>
        ))}
      </tbody>
    </HTMLTable>
  );
}

function ResultForm({ op, onRecorded }: { op: OperationDetail; onRecorded(): void }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [kind, setKind] = useState<ResultKind>('arrest');
  const [target, setTarget] = useState('');
  const [bureau, setBureau] = useState(op.leadBureau);
  const [type, setType] = useState('');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState('');
  const [value, setValue] = useState('');
  const [currency, setCurrency] = useState('');
  const ready = BUREAU_RE.test(bureau) && (kind !== 'arrest' || target !== '') && (kind !== 'seizure' || type.trim() !== '');
  const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
  return (
    <>
      <form
        className="coop-inline-form"
        aria-label={t('operations.recordResult')}
        onSubmit={(e) => {
          e.preventDefault();
          void write
            .run(() =>
              call('operation.recordResult', {
                operationId: op.id,
                ...(target ? { entityId: target } : {}),
                bureau,
                kind,
                type: type.trim(),
                quantity: num(quantity),
                unit: unit.trim(),
                value: num(value),
                currency: currency.trim() || undefined,
              }),
            )
            .then((ok) => {
              if (ok) {
                onRecorded();
                setType('');
                setQuantity('');
                setValue('');
              }
            });
        }}
      >
        <FormGroup label={t('operations.resultKind')} labelFor="result-kind">
          <HTMLSelect id="result-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as ResultKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`operations.kind.${k}`)}
              </option>
            ))}
          </HTMLSelect>
        </FormGroup>
        <FormGroup label={t('operations.colTarget')} labelFor="result-target">
          <HTMLSelect id="result-target" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
            <option value="">—</option>
            {op.targetList.map((tg) => (
              <option key={tg.entityId} value={tg.entityId}>
                {tg.caption}
              </option>
            ))}
          </HTMLSelect>
        </FormGroup>
        <FormGroup label={t('operations.country')} labelFor="result-bureau">
          <InputGroup id="result-bureau" value={bureau} onValueChange={(v) => setBureau(v.toUpperCase().trim())} className="mono short-input" />
        </FormGroup>
        {kind !== 'arrest' && (
          <>
            <FormGroup label={t('operations.resultType')} labelFor="result-type">
              <InputGroup id="result-type" value={type} onValueChange={setType} className="short-input" />
            </FormGroup>
            <FormGroup label={t('operations.quantity')} labelFor="result-qty">
              <InputGroup id="result-qty" type="number" min={0} value={quantity} onValueChange={setQuantity} className="short-input" />
            </FormGroup>
            <FormGroup label={t('operations.unit')} labelFor="result-unit">
              <InputGroup id="result-unit" value={unit} onValueChange={setUnit} className="short-input" />
            </FormGroup>
            <FormGroup label={t('operations.value')} labelFor="result-value">
              <InputGroup id="result-value" type="number" min={0} value={value} onValueChange={setValue} className="short-input" />
            </FormGroup>
            <FormGroup label={t('operations.currency')} labelFor="result-currency">
              <InputGroup id="result-currency" value={currency} onValueChange={(v) => setCurrency(v.toUpperCase())} placeholder="EUR" className="mono short-input" />
            </FormGroup>
          </>
        )}
        <Button type="submit" icon={<AddIcon />} text={t('operations.recordResult')} disabled={!ready} loading={write.busy} className="form-submit" />
      </form>
      <ErrorCallout error={write.error} />
    </>
  );
}
