import { FormGroup, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { PhaseView } from '../../../../shared/cooperation/dto';

interface Props {
  /** "task" in the add form, "edit" in the edit form: the fields' ids. */
  idPrefix: string;
  title: string;
  setTitle(v: string): void;
  owner: string;
  setOwner(v: string): void;
  phaseId: string;
  setPhaseId(v: string): void;
  phases: PhaseView[];
}

/** A task's title, owner and phase: the same fields where a task is added and where it is edited. */
export function TaskFields({ idPrefix, title, setTitle, owner, setOwner, phaseId, setPhaseId, phases }: Props) {
  const { t } = useTranslation();
  const titleId = idPrefix === 'edit' ? 'edit-name' : `${idPrefix}-title`;
  return (
    <>
      <FormGroup label={t('operations.taskTitle')} labelFor={titleId} className="grow">
        <InputGroup id={titleId} value={title} onValueChange={setTitle} />
      </FormGroup>
      <FormGroup label={t('operations.owner')} labelFor={`${idPrefix}-owner`}>
        <InputGroup id={`${idPrefix}-owner`} value={owner} onValueChange={setOwner} className="short-input" />
      </FormGroup>
      <FormGroup label={t('operations.phase')} labelFor={`${idPrefix}-phase`}>
        <HTMLSelect id={`${idPrefix}-phase`} value={phaseId} onChange={(e) => setPhaseId(e.currentTarget.value)}>
          <option value="">{t('operations.noPhase')}</option>
          {phases.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </HTMLSelect>
      </FormGroup>
    </>
  );
}

/** Start and end days, with ids `${idPrefix}-start` and `${idPrefix}-end`. */
export function DateFields({ idPrefix, start, end, setStart, setEnd }: { idPrefix: string; start: string; end: string; setStart(v: string): void; setEnd(v: string): void }) {
  const { t } = useTranslation();
  return (
    <>
      <FormGroup label={t('operations.start')} labelFor={`${idPrefix}-start`}>
        <InputGroup id={`${idPrefix}-start`} type="date" value={start} onValueChange={setStart} />
      </FormGroup>
      <FormGroup label={t('operations.end')} labelFor={`${idPrefix}-end`}>
        <InputGroup id={`${idPrefix}-end`} type="date" value={end} onValueChange={setEnd} />
      </FormGroup>
    </>
  );
}
