import { FormGroup, HTMLSelect, InputGroup, NumericInput } from '@blueprintjs/core';
import { TargetIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisruptionResult } from '../../../../shared/dto';
import { call } from '../../api';
import { BUREAU_RE } from '../../app/bureau';
import { afterWrite } from '../../app/caseActions';
import { FormDialog, useSubmit } from '../../app/FormDialog';
import { formatPercent } from '../../format';
import { useCoreRead } from '../operations/useCoop';
import { removedFirst, removalsToHalve } from './disruptionTargets';

/** Saves the entities a disruption run removed as an operation's targets (operation.addTargets:
 * all or none), each with the run, its order of removal and its audit row as the reason. */
export function SaveTargetsDialog({ runs, onClose, onSaved }: { runs: DisruptionResult[]; onClose(): void; onSaved(operation: string, count: number): void }) {
  const { t } = useTranslation();
  const { data: operations } = useCoreRead('operation.list', {});
  const open = (operations ?? []).filter((o) => o.status !== 'concluded');
  const [opId, setOpId] = useState('');
  const [runIndex, setRunIndex] = useState(0);
  const run = runs[runIndex]!;
  const total = run.steps.reduce((s, x) => s + x.removed.length, 0);
  const [count, setCount] = useState(() => removalsToHalve(runs[0]!));
  const op = open.find((o) => o.id === opId) ?? open[0];
  const [bureau, setBureau] = useState<string | null>(null);
  const chosenBureau = bureau ?? op?.leadBureau ?? '';
  const targets = removedFirst(run, Math.min(count, total));
  const strategy = t(`analysis.disrupt.strategies.${run.strategy}`);
  const reason = (order: number, lccFraction: number) =>
    run.strategy === 'targets'
      ? t('analysis.saveTargets.reasonTargets', { lcc: formatPercent(lccFraction), audit: run.auditSeq })
      : t('analysis.saveTargets.reason', { strategy, mode: t(`analysis.saveTargets.mode.${run.mode}`), order, lcc: formatPercent(lccFraction), audit: run.auditSeq });
  const { busy, error, submit } = useSubmit(
    () => call('operation.addTargets', { id: op!.id, targets: targets.map((x) => ({ entityId: x.id, reason: reason(x.order, x.lccFraction), bureau: chosenBureau })) }),
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
      ready={!!op && targets.length > 0 && BUREAU_RE.test(chosenBureau)}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
    >
      {operations && open.length === 0 && <p className="muted">{t('analysis.saveTargets.noOperation')}</p>}
      <FormGroup label={t('analysis.saveTargets.operation')} labelFor="save-targets-operation">
        <HTMLSelect id="save-targets-operation" fill value={op?.id ?? ''} onChange={(e) => setOpId(e.currentTarget.value)}>
          {open.map((o) => (
            <option key={o.id} value={o.id}>
              {o.codeWord ? `${o.name} (${o.codeWord})` : o.name}
            </option>
          ))}
        </HTMLSelect>
      </FormGroup>
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
      <FormGroup label={t('analysis.saveTargets.bureau')} labelFor="save-targets-bureau">
        <InputGroup id="save-targets-bureau" value={chosenBureau} onChange={(e) => setBureau(e.currentTarget.value.toUpperCase())} />
      </FormGroup>
      <p data-testid="save-targets-list">{targets.map((x) => x.caption).join(', ')}</p>
    </FormDialog>
  );
}
