import { Button, FormGroup, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { AddIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationDetail } from '../../../../shared/cooperation/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { Gantt } from './Gantt';
import { PlanEditor, shiftDay } from './PlanEditor';
import { DateFields, TaskFields } from './TaskFields';
import { today, useWrite } from './useCoop';

const PLAN_WARNINGS = new Set(['phase-overlap', 'task-before-dependency']);

/** Phases and tasks: the timeline, and the forms that add to it. */
export function PlanSection({ op }: { op: OperationDetail }) {
  const { t } = useTranslation();
  const flagged = new Set(op.warnings.filter((w) => PLAN_WARNINGS.has(w.code)).flatMap((w) => w.refs));
  const [selected, setSelected] = useState<{ kind: 'phase' | 'task'; id: string } | null>(null);
  const move = useWrite();
  const onMove = (kind: 'phase' | 'task', id: string, days: number) => {
    const bar = kind === 'phase' ? op.phases.find((p) => p.id === id) : op.tasks.find((x) => x.id === id);
    if (!bar) return;
    const dates = { id, start: shiftDay(bar.start, days), end: shiftDay(bar.end, days) };
    void move.run(() => (kind === 'phase' ? call('operation.updatePhase', dates) : call('operation.updateTask', dates)));
  };
  return (
    <>
      <Gantt op={op} flagged={flagged} selected={selected?.id ?? null} onSelect={(kind, id) => setSelected({ kind, id })} onMove={onMove} />
      <p className="muted small">{t('operations.ganttHelp')}</p>
      <ErrorCallout error={move.error} />
      {selected && <PlanEditor op={op} selected={selected} onClose={() => setSelected(null)} />}
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
        <DateFields idPrefix="phase" start={start} end={end} setStart={setStart} setEnd={setEnd} />
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
        <TaskFields idPrefix="task" title={title} setTitle={setTitle} owner={owner} setOwner={setOwner} phaseId={phaseId} setPhaseId={setPhase} phases={op.phases} />
        <DateFields idPrefix="task" start={start} end={end} setStart={setStart} setEnd={setEnd} />
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
