import { Button, Dialog, DialogBody, DialogFooter, FormGroup, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { AddIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSchema, schemataOf } from '../../../../shared/catalogue';
import { ErrorCallout } from '../../app/ErrorCallout';
import { SourceSelect } from '../sources/SourceSelect';

interface Props {
  schema: string;
  onClose(): void;
  onCreate(schema: string, properties: Record<string, string[]>, sourceId?: string): Promise<void>;
}

/** Double-click on the canvas: a new entity of the chosen type, named, where the click was. */
export function NewEntityOnChart({ schema: initial, onClose, onCreate }: Props) {
  const { t } = useTranslation();
  const [schema, setSchema] = useState(initial);
  const [caption, setCaption] = useState('');
  const [sourceId, setSourceId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const prop = getSchema(schema)!.caption[0]!;
  const submit = async () => {
    if (!caption.trim()) return;
    setBusy(true);
    try {
      await onCreate(schema, { [prop]: [caption.trim()] }, sourceId || undefined);
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog isOpen onClose={onClose} title={t('chart.newEntity.title')} icon={<AddIcon />} className="form-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <DialogBody>
          <FormGroup label={t('chart.newEntity.type')} labelFor="chart-new-type">
            <HTMLSelect id="chart-new-type" value={schema} onChange={(e) => setSchema(e.currentTarget.value)}>
              {schemataOf('entity').map((s) => (
                <option key={s.name} value={s.name}>
                  {s.label}
                </option>
              ))}
            </HTMLSelect>
          </FormGroup>
          <FormGroup label={getSchema(schema)!.properties.find((p) => p.name === prop)?.label ?? prop} labelFor="chart-new-caption">
            <InputGroup id="chart-new-caption" autoFocus value={caption} onValueChange={setCaption} />
          </FormGroup>
          <SourceSelect id="chart-new-source" value={sourceId} onChange={setSourceId} />
          <ErrorCallout error={error} />
        </DialogBody>
        <DialogFooter
          actions={
            <>
              <Button text={t('chart.cancel')} onClick={onClose} />
              <Button type="submit" intent="primary" loading={busy} disabled={!caption.trim()} text={t('chart.newEntity.create')} />
            </>
          }
        />
      </form>
    </Dialog>
  );
}
