import { Button, Dialog, DialogBody, DialogFooter, FormGroup, H5, Tooltip } from '@blueprintjs/core';
import { EditIcon, TrashIcon, UndoIcon } from '@blueprintjs/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSchema } from '../../../../shared/catalogue';
import type { EntityDetail, StatementView } from '../../../../shared/entities/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { propLabel } from '../../catalogueText';
import { gradingLabel } from '../../format';
import { useSession } from '../../state/session';
import { PropertyFields } from '../properties/PropertyFields';
import { filledValues, hasProblems, valueProblem } from '../properties/validate';
import { ValueInput } from '../properties/ValueInput';
import { SourceSelect } from '../sources/SourceSelect';

interface Props {
  entity: EntityDetail;
  isOpen: boolean;
  onClose(): void;
  onSaved(detail: EntityDetail): void;
}

/**
 * Values are statements (DESIGN.md §3): nothing is overwritten. Changing a value retracts the old
 * statement and adds a new one from the chosen source; only this bureau's statements can be
 * retracted, so others' values are shown read-only.
 */
export function EditEntityDialog({ entity, isOpen, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const bureau = useSession((s) => s.info?.bureau ?? '');
  const schema = getSchema(entity.schema)!;
  const defs = useMemo(
    () => schema.properties.filter((d) => !schema.edge || (d.name !== schema.edge.source && d.name !== schema.edge.target)),
    [schema],
  );
  const statements = useMemo(() => defs.flatMap((d) => entity.properties[d.name] ?? []), [defs, entity]);
  const [edits, setEdits] = useState<Record<number, string>>({});
  const [removed, setRemoved] = useState<Set<number>>(new Set());
  const [added, setAdded] = useState<Record<string, string[]>>({});
  // New values most likely come from the report the entity's current values came from.
  const [sourceId, setSourceId] = useState(() => commonSource(statements));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const changed = statements.filter((s) => !removed.has(s.id) && edits[s.id] !== undefined && edits[s.id]!.trim() !== s.value);
  const retract = [...removed, ...changed.map((s) => s.id)];
  const add = [
    ...changed.map((s) => ({ prop: s.prop, value: edits[s.id]!.trim() })),
    ...Object.entries(filledValues(added)).flatMap(([prop, list]) => list.map((value) => ({ prop, value }))),
  ];
  const editProblem = changed.some((s) => valueProblem(defs.find((d) => d.name === s.prop)!, edits[s.id]!) !== null);
  const ready = (retract.length > 0 || add.length > 0) && !editProblem && !hasProblems(defs, added) && !busy;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const detail = await call('entity.update', { id: entity.id, add, retract, ...(sourceId ? { sourceId } : {}) });
      await afterWrite();
      onSaved(detail);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const toggleRemoved = (id: number) => {
    const next = new Set(removed);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setRemoved(next);
  };

  const current = (s: StatementView) => {
    const def = defs.find((d) => d.name === s.prop)!;
    const own = s.originator === bureau;
    const gone = removed.has(s.id);
    return (
      <FormGroup
        key={s.id}
        className={`statement-edit${gone ? ' retracted' : ''}`}
        label={propLabel(schema, def, s.prop)}
        labelFor={`edit-${s.id}`}
        labelInfo={<span className="muted">{s.source ? gradingLabel(s.source) : t('provenance.unsourced')} · {s.originator}</span>}
        helperText={own ? undefined : t('entityForm.notOwn', { bureau: s.originator })}
      >
        <div className="value-line with-action">
          {own && !gone ? (
            <ValueInput id={`edit-${s.id}`} def={def} value={edits[s.id] ?? s.value} onChange={(v) => setEdits({ ...edits, [s.id]: v })} invalid={false} />
          ) : (
            <span className={`value-readonly${gone ? ' struck' : ''}`} id={`edit-${s.id}`}>
              {s.value}
            </span>
          )}
          {own && (
            <Tooltip content={gone ? t('entityForm.keep') : t('entityForm.retract')}>
              <Button
                variant="minimal"
                icon={gone ? <UndoIcon /> : <TrashIcon />}
                aria-label={gone ? t('entityForm.keep') : t('entityForm.retract')}
                onClick={() => toggleRemoved(s.id)}
              />
            </Tooltip>
          )}
        </div>
      </FormGroup>
    );
  };

  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={t('entityForm.editTitle', { name: entity.caption })} icon={<EditIcon />} className="form-dialog wide">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void submit();
        }}
      >
        <DialogBody>
          <SourceSelect id="edit-source" value={sourceId} onChange={setSourceId} />
          {statements.length > 0 && (
            <>
              <H5>{t('entityForm.current')}</H5>
              <div className="property-fields">{statements.map(current)}</div>
            </>
          )}
          <H5>{t('entityForm.addValues')}</H5>
          <PropertyFields schema={schema} defs={defs} values={added} onChange={setAdded} idPrefix="edit-add" />
          <ErrorCallout error={error} />
        </DialogBody>
        <DialogFooter
          minimal
          actions={
            <>
              <Button text={t('form.cancel')} onClick={onClose} />
              <Button type="submit" intent="primary" text={t('form.save')} disabled={!ready} loading={busy} />
            </>
          }
        >
          <span className="muted">{t('entityForm.summary', { add: add.length, retract: retract.length })}</span>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

/** The source most of the entity's values came from, or none. */
function commonSource(statements: StatementView[]): string {
  const counts = new Map<string, number>();
  for (const s of statements) if (s.sourceId) counts.set(s.sourceId, (counts.get(s.sourceId) ?? 0) + 1);
  let best = '';
  let most = 0;
  for (const [id, n] of counts) if (n > most) [best, most] = [id, n];
  return best;
}
