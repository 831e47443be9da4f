import { Button, Dialog, DialogBody, DialogFooter, FormGroup, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { LinkIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schemataOf } from '../../../../shared/catalogue';
import { ErrorCallout } from '../../app/ErrorCallout';
import { SourceSelect } from '../sources/SourceSelect';

interface Props {
  fromLabel: string;
  toLabel: string;
  onClose(): void;
  onCreate(schema: string, properties: Record<string, string[]>, sourceId?: string): Promise<void>;
}

/** After a link was drawn from one node to another: pick its type (and a role or relationship). */
export function LinkTypeDialog({ fromLabel, toLabel, onClose, onCreate }: Props) {
  const { t } = useTranslation();
  const [schema, setSchema] = useState('Associate');
  const [detail, setDetail] = useState('');
  const [sourceId, setSourceId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const def = schemataOf('link').find((s) => s.name === schema)!;
  const detailProp = def.properties.find((p) => p.name === 'role' || p.name === 'relationship' || p.name === 'purpose')?.name;
  const submit = async () => {
    setBusy(true);
    try {
      await onCreate(schema, detailProp && detail.trim() ? { [detailProp]: [detail.trim()] } : {}, sourceId || undefined);
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog isOpen onClose={onClose} title={t('chart.link.title', { from: fromLabel, to: toLabel })} icon={<LinkIcon />} className="form-dialog">
      <DialogBody>
        <FormGroup label={t('chart.link.type')} labelFor="chart-link-type">
          <HTMLSelect id="chart-link-type" value={schema} onChange={(e) => setSchema(e.currentTarget.value)}>
            {schemataOf('link').map((s) => (
              <option key={s.name} value={s.name}>
                {s.label}
              </option>
            ))}
          </HTMLSelect>
        </FormGroup>
        {detailProp && (
          <FormGroup label={def.properties.find((p) => p.name === detailProp)!.label} labelFor="chart-link-detail">
            <InputGroup id="chart-link-detail" value={detail} onValueChange={setDetail} />
          </FormGroup>
        )}
        <SourceSelect id="chart-link-source" value={sourceId} onChange={setSourceId} />
        <ErrorCallout error={error} />
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text={t('chart.cancel')} onClick={onClose} />
            <Button intent="primary" loading={busy} text={t('chart.link.create')} onClick={() => void submit()} />
          </>
        }
      />
    </Dialog>
  );
}
