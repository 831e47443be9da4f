import { FormGroup, HTMLSelect, NumericInput } from '@blueprintjs/core';
import { TargetIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisruptionResult } from '../../../../shared/analysis/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { FormDialog, useSubmit } from '../../app/FormDialog';
import { formatPercent } from '../../format';
import { BureauField, OperationField, useTargetOperation } from '../operations/targetOperation';
import { removedFirst, removalsToHalve } from './disruptionTargets';

/** Saves the entities a disruption run removed as an operation's targets (operation.addTargets:
 * all or none), each with the run, its order of removal and its audit row as the reason. */
export function SaveTargetsDialog({ runs, onClose, onSaved }: { runs: DisruptionResult[]; onClose(): void; onSaved(operation: string, count: number): void }) {
  const { t } = useTranslation();
  const target = useTargetOperation();
  const [runIndex, setRunIndex] = useState(0);
  const run = runs[runIndex]!;
  const total = run.steps.reduce((s, x) => s + x.removed.length, 0);
  const [count, setCount] = useState(() => removalsToHalve(runs[0]!));
  const targets = removedFirst(run, Math.min(count, total));
  const strategy = t(`analysis.disrupt.strategies.${run.strategy}`);
  const reason = (order: number, lccFraction: number) =>
    run.strategy === 'targets'
      ? t('analysis.saveTargets.reasonTargets', { lcc: formatPercent(lccFraction), audit: run.auditSeq })
      : t('analysis.saveTargets.reason', { strategy, mode: t(`analysis.saveTargets.mode.${run.mode}`), order, lcc: formatPercent(lccFraction), audit: run.auditSeq });
  const { busy, error, submit } = useSubmit(
    () => call('operation.addTargets', { id: target.op!.id, targets: targets.map((x) => ({ entityId: x.id, reason: reason(x.order, x.lccFraction), bureau: target.bureau })) }),
    (detail) => {
      void afterWrite();
      onSaved(detail.name, targets.length);
    },
  );
  return (
    <FormDialog
      title={t('analysis.saveTargets.title')}
      icon={<TargetIcon />}
      onClose={onClose}
      submitText={t('analysis.saveTargets.submit', { count: targets.length })}
      ready={target.ready && targets.length > 0}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
    >
      <OperationField target={target} id="save-targets-operation" />
      {runs.length > 1 && (
        <FormGroup label={t('analysis.saveTargets.run')} labelFor="save-targets-run">
          <HTMLSelect
            id="save-targets-run"
            fill
            value={runIndex}
            onChange={(e) => {
              const i = Number(e.currentTarget.value);
              setRunIndex(i);
              setCount(removalsToHalve(runs[i]!));
            }}
          >
            {runs.map((r, i) => (
              <option key={i} value={i}>
                {t(`analysis.disrupt.strategies.${r.strategy}`)}
              </option>
            ))}
          </HTMLSelect>
        </FormGroup>
      )}
      {run.strategy !== 'targets' && (
        <FormGroup label={t('analysis.saveTargets.count', { total })} labelFor="save-targets-count" helperText={t('analysis.saveTargets.countHelp')}>
          <NumericInput id="save-targets-count" min={1} max={total} value={count} onValueChange={(v) => setCount(Math.min(total, Math.max(1, Math.round(v) || 1)))} />
        </FormGroup>
      )}
      <BureauField target={target} id="save-targets-bureau" />
      <p data-testid="save-targets-list">{targets.map((x) => x.caption).join(', ')}</p>
    </FormDialog>
  );
}
