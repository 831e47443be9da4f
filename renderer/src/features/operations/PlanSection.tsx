import { Button, FormGroup, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { AddIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationDetail } from '../../../../shared/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { Gantt } from './Gantt';
import { today, useWrite } from './useCoop';

const PLAN_WARNINGS = new Set(['phase-overlap', 'task-before-dependency']);

/** Phases and tasks: the timeline, and the forms that add to it. */
export function PlanSection({ op }: { op: OperationDetail }) {
  const { t } = useTranslation();
  const flagged = new Set(op.warnings.filter((w) => PLAN_WARNINGS.has(w.code)).flatMap((w) => w.refs));
  return (
    <>
      <Gantt op={op} flagged={flagged} />
      <p className="muted small">{t('operations.ganttReadOnly')}</p>
      <PhaseForm op={op} />
      <TaskForm op={op} />
    </>
  );
}

function PhaseForm({ op }: { op: OperationDetail }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [name, setName] = useState('');
  const [start, setStart] = useState(today());
  const [end, setEnd] = useState(today());
  return (
    <>
      <form
        className="coop-inline-form"
        aria-label={t('operations.addPhase')}
        onSubmit={(e) => {
          e.preventDefault();
          void write.run(() => call('operation.addPhase', { operationId: op.id, name: name.trim(), start, end })).then((ok) => ok && setName(''));
        }}
      >
        <FormGroup label={t('operations.phaseName')} labelFor="phase-name" className="grow">
          <InputGroup id="phase-name" value={name} onValueChange={setName} />
        </FormGroup>
        <FormGroup label={t('operations.start')} labelFor="phase-start">
          <InputGroup id="phase-start" type="date" value={start} onValueChange={setStart} />
        </FormGroup>
        <FormGroup label={t('operations.end')} labelFor="phase-end">
          <InputGroup id="phase-end" type="date" value={end} onValueChange={setEnd} />
        </FormGroup>
        <Button type="submit" icon={<AddIcon />} text={t('operations.addPhase')} disabled={!name.trim() || !start || !end} loading={write.busy} className="form-submit" />
      </form>
      <ErrorCallout error={write.error} />
    </>
  );
}

function TaskForm({ op }: { op: OperationDetail }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState(op.leadBureau);
  const [phase, setPhase] = useState<string | null>(null);
  const [dependsOn, setDependsOn] = useState('');
  const [start, setStart] = useState(today());
  const [end, setEnd] = useState(today());
  const phaseId = phase ?? op.phases[0]?.id ?? '';
  const ready = title.trim() !== '' && owner.trim() !== '' && start !== '' && end !== '';
  return (
    <>
      <form
        className="coop-inline-form"
        aria-label={t('operations.addTask')}
        onSubmit={(e) => {
          e.preventDefault();
          void write
            .run(() =>
              call('operation.addTask', {
                operationId: op.id,
                ...(phaseId ? { phaseId } : {}),
                title: title.trim(),
                owner: owner.trim(),
                start,
                end,
                dependsOn: dependsOn ? [dependsOn] : [],
              }),
            )
            .then((ok) => {
              if (ok) {
                setTitle('');
                setDependsOn('');
              }
            });
        }}
      >
        <FormGroup label={t('operations.taskTitle')} labelFor="task-title" className="grow">
          <InputGroup id="task-title" value={title} onValueChange={setTitle} />
        </FormGroup>
        <FormGroup label={t('operations.owner')} labelFor="task-owner">
          <InputGroup id="task-owner" value={owner} onValueChange={setOwner} className="short-input" />
        </FormGroup>
        <FormGroup label={t('operations.phase')} labelFor="task-phase">
          <HTMLSelect id="task-phase" value={phaseId} onChange={(e) => setPhase(e.currentTarget.value)}>
            <option value="">{t('operations.noPhase')}</option>
            {op.phases.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </HTMLSelect>
        </FormGroup>
        <FormGroup label={t('operations.start')} labelFor="task-start">
          <InputGroup id="task-start" type="date" value={start} onValueChange={setStart} />
        </FormGroup>
        <FormGroup label={t('operations.end')} labelFor="task-end">
          <InputGroup id="task-end" type="date" value={end} onValueChange={setEnd} />
        </FormGroup>
        <FormGroup label={t('operations.dependsOn')} labelFor="task-depends">
          <HTMLSelect id="task-depends" value={dependsOn} onChange={(e) => setDependsOn(e.currentTarget.value)}>
            <option value="">—</option>
            {op.tasks.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </HTMLSelect>
        </FormGroup>
        <Button type="submit" icon={<AddIcon />} text={t('operations.addTask')} disabled={!ready} loading={write.busy} className="form-submit" />
      </form>
      <ErrorCallout error={write.error} />
    </>
  );
}
