import { Button, Dialog, DialogBody, DialogFooter, FormGroup, HTMLSelect } from '@blueprintjs/core';
import { ExchangeIcon, NewLinkIcon } from '@blueprintjs/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getProperty, getSchema, schemataOf } from '../../../../shared/catalogue';
import type { EntitySummary } from '../../../../shared/entities/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { propLabel, schemaLabel } from '../../catalogueText';
import { PropertyFields } from '../properties/PropertyFields';
import { filledValues, hasProblems } from '../properties/validate';
import { EntityPicker } from '../search/EntityPicker';
import { SourceSelect } from '../sources/SourceSelect';

interface Props {
  from: EntitySummary | null;
  isOpen: boolean;
  onClose(): void;
}

/** A link is an entity of its own (DESIGN.md §3): a type, two endpoints, properties and a source. */
export function LinkDialog({ from: initialFrom, isOpen, onClose }: Props) {
  const { t } = useTranslation();
  const [schemaName, setSchemaName] = useState(() => suggestLinkType(initialFrom?.schema));
  const [from, setFrom] = useState<EntitySummary | null>(initialFrom);
  const [to, setTo] = useState<EntitySummary | null>(null);
  const [values, setValues] = useState<Record<string, string[]>>({});
  const [sourceId, setSourceId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const schema = getSchema(schemaName)!;
  const edge = schema.edge!;
  const sourceDef = getProperty(schema, edge.source)!;
  const targetDef = getProperty(schema, edge.target)!;
  const defs = useMemo(() => schema.properties.filter((d) => d.name !== edge.source && d.name !== edge.target), [schema, edge]);
  const fits = (e: EntitySummary | null, range: readonly string[] | undefined) => !e || !range?.length || range.includes(e.schema);
  const fromFits = fits(from, sourceDef.range);
  const toFits = fits(to, targetDef.range);
  const ready = from !== null && to !== null && fromFits && toFits && !hasProblems(defs, values) && !busy;

  const submit = async () => {
    if (!from || !to) return;
    setBusy(true);
    setError(null);
    try {
      await call('link.create', { schema: schemaName, from: from.id, to: to.id, properties: filledValues(values), ...(sourceId ? { sourceId } : {}) });
      await afterWrite();
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const endpoint = (id: string, label: string, value: EntitySummary | null, set: (e: EntitySummary | null) => void, range: readonly string[] | undefined, ok: boolean, exclude?: string) => (
    <FormGroup
      label={label}
      labelFor={id}
      className="grow"
      intent={ok ? 'none' : 'danger'}
      helperText={ok ? undefined : t('linkForm.wrongType', { types: (range ?? []).map(schemaLabel).join(', ') })}
    >
      <EntityPicker id={id} value={value} onChange={set} range={range ?? []} {...(exclude ? { exclude } : {})} />
    </FormGroup>
  );

  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={t('linkForm.title')} icon={<NewLinkIcon />} className="form-dialog wide">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void submit();
        }}
      >
        <DialogBody>
          <div className="form-row">
            <FormGroup label={t('linkForm.type')} labelFor="link-type" className="grow">
              <HTMLSelect
                id="link-type"
                fill
                value={schemaName}
                onChange={(e) => {
                  setSchemaName(e.currentTarget.value);
                  setValues({});
                }}
                options={schemataOf('link').map((s) => ({ value: s.name, label: schemaLabel(s.name) }))}
              />
            </FormGroup>
            <div className="grow">
              <SourceSelect id="link-source" value={sourceId} onChange={setSourceId} />
            </div>
          </div>
          <div className="form-row endpoints-row">
            {endpoint('link-from', propLabel(schema, sourceDef, edge.source), from, setFrom, sourceDef.range, fromFits, to?.id)}
            <Button
              className="swap"
              variant="minimal"
              icon={<ExchangeIcon />}
              aria-label={t('linkForm.swap')}
              title={t('linkForm.swap')}
              onClick={() => {
                setFrom(to);
                setTo(from);
              }}
            />
            {endpoint('link-to', propLabel(schema, targetDef, edge.target), to, setTo, targetDef.range, toFits, from?.id)}
          </div>
          <PropertyFields schema={schema} defs={defs} values={values} onChange={setValues} idPrefix="link-prop" />
          <ErrorCallout error={error} />
        </DialogBody>
        <DialogFooter
          minimal
          actions={
            <>
              <Button text={t('form.cancel')} onClick={onClose} />
              <Button type="submit" intent="primary" text={t('linkForm.create', { type: schemaLabel(schemaName) })} disabled={!ready} loading={busy} />
            </>
          }
        />
      </form>
    </Dialog>
  );
}

/** The first link type whose source endpoint accepts this entity: Membership for a person. */
function suggestLinkType(schema: string | undefined): string {
  if (!schema) return schemataOf('link')[0]!.name;
  for (const s of schemataOf('link')) {
    const def = s.edge && getProperty(s, s.edge.source);
    if (def?.range?.includes(schema)) return s.name;
  }
  return 'UnknownLink';
}
