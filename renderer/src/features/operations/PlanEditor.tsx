import { Button, Checkbox, FormGroup, InputGroup } from '@blueprintjs/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationDetail, PhaseView, TaskView } from '../../../../shared/cooperation/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { DateFields, TaskFields } from './TaskFields';
import { useWrite } from './useCoop';

const DAY = 86_400_000;

/** A YYYY-MM-DD day moved by whole days. */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The edit form of the phase or task selected on the timeline. The core refuses an end before
 * the start and a dependency cycle (the refusal shows here); overlaps come back as warnings. */
export function PlanEditor({ op, selected, onClose }: { op: OperationDetail; selected: { kind: 'phase' | 'task'; id: string }; onClose(): void }) {
  const phase = selected.kind === 'phase' ? op.phases.find((p) => p.id === selected.id) : undefined;
  const task = selected.kind === 'task' ? op.tasks.find((x) => x.id === selected.id) : undefined;
  // Keyed by id so the fields start again from the stored values when another bar is chosen.
  if (phase) return <PhaseEditor key={phase.id} phase={phase} onClose={onClose} />;
  if (task) return <TaskEditor key={task.id} op={op} task={task} onClose={onClose} />;
  return null;
}

function EditorFrame({ title, ready, busy, error, onSave, onClose, children }: { title: string; ready: boolean; busy: boolean; error: unknown; onSave(): void; onClose(): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="plan-editor" aria-label={title}>
      <h4 className="plan-editor-title">{title}</h4>
      <form
        className="coop-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) onSave();
        }}
      >
        {children}
        <Button type="submit" intent="primary" text={t('operations.saveEdit')} disabled={!ready} loading={busy} className="form-submit" />
        <Button text={t('operations.closeEdit')} onClick={onClose} className="form-submit" />
      </form>
      <ErrorCallout error={error} />
    </section>
  );
}

function PhaseEditor({ phase, onClose }: { phase: PhaseView; onClose(): void }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [name, setName] = useState(phase.name);
  const [start, setStart] = useState(phase.start);
  const [end, setEnd] = useState(phase.end);
  return (
    <EditorFrame
      title={t('operations.editPhase', { name: phase.name })}
      ready={name.trim() !== '' && start !== '' && end !== ''}
      busy={write.busy}
      error={write.error}
      onSave={() => void write.run(() => call('operation.updatePhase', { id: phase.id, name: name.trim(), start, end }))}
      onClose={onClose}
    >
      <FormGroup label={t('operations.phaseName')} labelFor="edit-name" className="grow">
        <InputGroup id="edit-name" value={name} onValueChange={setName} />
      </FormGroup>
      <DateFields idPrefix="edit" start={start} end={end} setStart={setStart} setEnd={setEnd} />
    </EditorFrame>
  );
}

function TaskEditor({ op, task, onClose }: { op: OperationDetail; task: TaskView; onClose(): void }) {
  const { t } = useTranslation();
  const write = useWrite();
  const [title, setTitle] = useState(task.title);
  const [owner, setOwner] = useState(task.owner);
  const [phaseId, setPhaseId] = useState(task.phaseId ?? '');
  const [start, setStart] = useState(task.start);
  const [end, setEnd] = useState(task.end);
  const [deps, setDeps] = useState(new Set(task.dependsOn));
  const toggle = (id: string) => setDeps((d) => (d.has(id) ? new Set([...d].filter((x) => x !== id)) : new Set([...d, id])));
  const save = () =>
    void write.run(() => call('operation.updateTask', { id: task.id, title: title.trim(), owner: owner.trim(), phaseId: phaseId || null, start, end, dependsOn: [...deps] }));
  return (
    <EditorFrame
      title={t('operations.editTask', { name: task.title })}
      ready={title.trim() !== '' && owner.trim() !== '' && start !== '' && end !== ''}
      busy={write.busy}
      error={write.error}
      onSave={save}
      onClose={onClose}
    >
      <TaskFields idPrefix="edit" title={title} setTitle={setTitle} owner={owner} setOwner={setOwner} phaseId={phaseId} setPhaseId={setPhaseId} phases={op.phases} />
      <DateFields idPrefix="edit" start={start} end={end} setStart={setStart} setEnd={setEnd} />
      <FormGroup label={t('operations.dependsOn')} className="grow">
        <div className="edit-depends">
          {op.tasks
            .filter((x) => x.id !== task.id)
            .map((x) => (
              <Checkbox key={x.id} checked={deps.has(x.id)} label={x.title} onChange={() => toggle(x.id)} />
            ))}
        </div>
      </FormGroup>
    </EditorFrame>
  );
}
