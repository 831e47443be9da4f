import { Button, Dialog, DialogBody, DialogFooter, FormGroup, HTMLSelect } from '@blueprintjs/core';
import { AddIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSchema, schemataOf } from '../../../../shared/catalogue';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { schemaLabel } from '../../catalogueText';
import { useWorkspace } from '../../state/workspace';
import { PropertyFields } from '../properties/PropertyFields';
import { filledValues, hasProblems } from '../properties/validate';
import { SourceSelect } from '../sources/SourceSelect';

interface Props {
  isOpen: boolean;
  onClose(): void;
}

export function NewEntityDialog({ isOpen, onClose }: Props) {
  const { t } = useTranslation();
  const [schemaName, setSchemaName] = useState('Person');
  const [values, setValues] = useState<Record<string, string[]>>({});
  const [sourceId, setSourceId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const schema = getSchema(schemaName)!;
  const filled = filledValues(values);
  const ready = Object.keys(filled).length > 0 && !hasProblems(schema.properties, values) && !busy;

  const reset = () => {
    setValues({});
    setError(null);
    setBusy(false);
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const { id } = await call('entity.create', { schema: schemaName, properties: filled, ...(sourceId ? { sourceId } : {}) });
      await afterWrite();
      useWorkspace.getState().select(id);
      reset();
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={t('entityForm.newTitle')} icon={<AddIcon />} className="form-dialog wide">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void submit();
        }}
      >
        <DialogBody>
          <div className="form-row">
            <FormGroup label={t('entityForm.type')} labelFor="new-entity-type" className="grow">
              <HTMLSelect
                id="new-entity-type"
                fill
                value={schemaName}
                onChange={(e) => {
                  setSchemaName(e.currentTarget.value);
                  setValues({});
                }}
                options={schemataOf('entity').map((s) => ({ value: s.name, label: schemaLabel(s.name) }))}
              />
            </FormGroup>
            <div className="grow">
              <SourceSelect id="new-entity-source" value={sourceId} onChange={setSourceId} />
            </div>
          </div>
          <PropertyFields schema={schema} defs={schema.properties} values={values} onChange={setValues} idPrefix="new-entity" />
          <ErrorCallout error={error} />
        </DialogBody>
        <DialogFooter
          minimal
          actions={
            <>
              <Button text={t('form.cancel')} onClick={onClose} />
              <Button type="submit" intent="primary" text={t('entityForm.create', { type: schemaLabel(schemaName) })} disabled={!ready} loading={busy} />
            </>
          }
        >
          {!ready && Object.keys(filled).length === 0 && <span className="muted">{t('entityForm.needOne')}</span>}
        </DialogFooter>
      </form>
    </Dialog>
  );
}
