import { Button, Dialog, DialogBody, DialogFooter, FormGroup, HTMLSelect, InputGroup, NumericInput } from '@blueprintjs/core';
import { GraphIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schemataOf } from '../../../../shared/catalogue';
import type { ExpandPreview } from '../../../../shared/charts/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatNumber } from '../../format';

interface Props {
  from: string[];
  onChart: string[];
  onClose(): void;
  onAdd(ids: string[]): Promise<void>;
}

/** Expand N hops, filtered; the count is shown and confirmed before anything is added. */
export function ExpandDialog({ from, onChart, onClose, onAdd }: Props) {
  const { t } = useTranslation();
  const [hops, setHops] = useState(1);
  const [linkType, setLinkType] = useState('');
  const [minGrade, setMinGrade] = useState('');
  const [dateFrom, setDateFrom] = useState('');
  const [dateTo, setDateTo] = useState('');
  const [preview, setPreview] = useState<ExpandPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const count = async () => {
    setBusy(true);
    setError(null);
    try {
      setPreview(
        await call('chart.expand', {
          from,
          hops,
          exclude: onChart,
          ...(linkType ? { linkTypes: [linkType] } : {}),
          ...(minGrade.trim() ? { minGrade: { grade: minGrade.trim() } } : {}),
          ...(dateFrom.trim() ? { dateFrom: dateFrom.trim() } : {}),
          ...(dateTo.trim() ? { dateTo: dateTo.trim() } : {}),
        }),
      );
    } catch (err) {
      setError(err);
    }
    setBusy(false);
  };
  const add = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      await onAdd(preview.ids);
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPreview(null);
  };

  return (
    <Dialog isOpen onClose={onClose} title={t('chart.expand.title', { count: from.length })} icon={<GraphIcon />} className="form-dialog">
      <DialogBody>
        <div className="form-row">
          <FormGroup label={t('chart.expand.hops')} labelFor="expand-hops">
            <NumericInput id="expand-hops" min={1} max={6} value={hops} onValueChange={changed((v: number) => setHops(Number.isFinite(v) ? Math.max(1, Math.min(6, v)) : 1))} />
          </FormGroup>
          <FormGroup label={t('chart.expand.linkType')} labelFor="expand-type">
            <HTMLSelect id="expand-type" value={linkType} onChange={(e) => changed(setLinkType)(e.currentTarget.value)}>
              <option value="">{t('chart.expand.anyLink')}</option>
              {schemataOf('link').map((s) => (
                <option key={s.name} value={s.name}>
                  {s.label}
                </option>
              ))}
            </HTMLSelect>
          </FormGroup>
        </div>
        <div className="form-row">
          <FormGroup label={t('chart.expand.minGrade')} labelFor="expand-grade" helperText={t('chart.expand.minGradeHelp')}>
            <InputGroup id="expand-grade" value={minGrade} onValueChange={changed(setMinGrade)} placeholder="B2" maxLength={2} />
          </FormGroup>
          <FormGroup label={t('chart.expand.from')} labelFor="expand-from">
            <InputGroup id="expand-from" value={dateFrom} onValueChange={changed(setDateFrom)} placeholder={t('analysis.scope.datePlaceholder')} />
          </FormGroup>
          <FormGroup label={t('chart.expand.to')} labelFor="expand-to">
            <InputGroup id="expand-to" value={dateTo} onValueChange={changed(setDateTo)} placeholder={t('analysis.scope.datePlaceholder')} />
          </FormGroup>
        </div>
        {preview && (
          <p className="expand-count" role="status">
            {preview.count === 0
              ? t('chart.expand.nothing')
              : t('chart.expand.confirm', { count: preview.count, n: formatNumber(preview.count), links: formatNumber(preview.links) })}
            {preview.truncated && ` ${t('chart.expand.truncated', { n: formatNumber(preview.ids.length) })}`}
          </p>
        )}
        <ErrorCallout error={error} />
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text={t('chart.cancel')} onClick={onClose} />
            {preview && preview.count > 0 ? (
              <Button intent="primary" loading={busy} text={t('chart.expand.add', { n: formatNumber(preview.ids.length) })} onClick={() => void add()} />
            ) : (
              <Button intent="primary" loading={busy} text={t('chart.expand.count')} onClick={() => void count()} />
            )}
          </>
        }
      />
    </Dialog>
  );
}
