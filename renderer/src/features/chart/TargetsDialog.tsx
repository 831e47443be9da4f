import { FormGroup, InputGroup } from '@blueprintjs/core';
import { TargetIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { FormDialog, useSubmit } from '../../app/FormDialog';
import { BureauField, OperationField, useTargetOperation } from '../operations/targetOperation';

/** The entities selected on a chart become an operation's targets (all or none), with one reason. */
export function TargetsDialog({ entities, chartName, onClose, onSaved }: { entities: Array<{ id: string; caption: string }>; chartName: string; onClose(): void; onSaved(operation: string, count: number): void }) {
  const { t } = useTranslation();
  const target = useTargetOperation();
  const [reason, setReason] = useState(() => t('chart.targets.reasonDefault', { chart: chartName }));
  const { busy, error, submit } = useSubmit(
    () => call('operation.addTargets', { id: target.op!.id, targets: entities.map((e) => ({ entityId: e.id, reason: reason.trim(), bureau: target.bureau })) }),
    (detail) => {
      void afterWrite();
      onSaved(detail.name, entities.length);
    },
  );
  return (
    <FormDialog
      title={t('chart.targets.title')}
      icon={<TargetIcon />}
      onClose={onClose}
      submitText={t('analysis.saveTargets.submit', { count: entities.length })}
      ready={target.ready && entities.length > 0 && reason.trim() !== ''}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
    >
      <OperationField target={target} id="chart-targets-operation" />
      <FormGroup label={t('chart.targets.reason')} labelFor="chart-targets-reason">
        <InputGroup id="chart-targets-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </FormGroup>
      <BureauField target={target} id="chart-targets-bureau" />
      <p data-testid="chart-targets-list">{entities.map((e) => e.caption).join(', ')}</p>
    </FormDialog>
  );
}
