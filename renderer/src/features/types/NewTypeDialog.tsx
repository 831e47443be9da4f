import { Button, Checkbox, FormGroup, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { AddIcon, TagIcon, TrashIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATATYPES, type Datatype, type TypeView } from '../../../../shared/vocabulary/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { FormDialog } from '../../app/FormDialog';
import { schemaLabel } from '../../catalogueText';

// Defining a type: name, kind, parent, look (colour, the analyst's own SVG icon), caption template
// and properties. The core checks everything again (store/case-types/type-store.ts) and says what is wrong.

interface PropRow {
  name: string;
  datatype: Datatype;
  values: string;
  required: boolean;
  identifies: boolean;
}

const emptyProp = (): PropRow => ({ name: '', datatype: 'text', values: '', required: false, identifies: false });

export function NewTypeDialog({ types, onClose }: { types: TypeView[]; onClose(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'entity' | 'link'>('entity');
  const [parent, setParent] = useState('');
  const [color, setColor] = useState('#4c90f0');
  const [label, setLabel] = useState('');
  const [iconSvg, setIconSvg] = useState<string | null>(null);
  const [iconName, setIconName] = useState('');
  const [props, setProps] = useState<PropRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const parents = types.filter((x) => x.kind === kind && x.id !== 'Similar');
  const chosenParent = parent || parents[0]?.id || '';
  const propsOk = props.every((p) => p.name.trim() !== '' && (p.datatype !== 'enum' || p.values.trim() !== ''));
  const ready = name.trim() !== '' && chosenParent !== '' && propsOk && !busy;
  const setProp = (i: number, change: Partial<PropRow>) => setProps((list) => list.map((p, j) => (j === i ? { ...p, ...change } : p)));

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('type.add', {
        name: name.trim(),
        kind,
        parent: chosenParent,
        color,
        ...(label.trim() ? { label: label.trim() } : {}),
        ...(iconSvg ? { iconSvg } : {}),
        properties: props.map((p) => ({
          name: p.name.trim(),
          datatype: p.datatype,
          required: p.required,
          identifies: p.identifies,
          ...(p.datatype === 'enum' ? { values: p.values.split(',').map((v) => v.trim()).filter(Boolean) } : {}),
        })),
      });
      await afterWrite();
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <FormDialog title={t('types.newTitle')} icon={<TagIcon />} onClose={onClose} submitText={t('types.create')} ready={ready} busy={busy} error={error} onSubmit={() => void submit()}>
      <FormGroup label={t('types.name')} labelFor="type-name">
        <InputGroup id="type-name" value={name} onValueChange={setName} autoFocus />
      </FormGroup>
      <FormGroup label={t('types.kindLabel')} labelFor="type-kind" inline>
        <HTMLSelect
          id="type-kind"
          value={kind}
          onChange={(e) => {
            setKind(e.currentTarget.value as 'entity' | 'link');
            setParent('');
          }}
          options={[
            { value: 'entity', label: t('types.kind.entity') },
            { value: 'link', label: t('types.kind.link') },
          ]}
        />
      </FormGroup>
      <FormGroup label={t('types.parent')} labelFor="type-parent" helperText={t('types.parentHelp')}>
        <HTMLSelect id="type-parent" fill value={chosenParent} onChange={(e) => setParent(e.currentTarget.value)} options={parents.map((x) => ({ value: x.id, label: x.builtin ? schemaLabel(x.id) : x.name }))} />
      </FormGroup>
      <FormGroup label={t('types.color')} labelFor="type-color" inline>
        <input id="type-color" type="color" value={color} onChange={(e) => setColor(e.currentTarget.value)} />
      </FormGroup>
      <FormGroup label={t('types.icon')} labelFor="type-icon" helperText={iconName ? t('types.iconChosen', { name: iconName }) : t('types.iconHelp')}>
        <input
          id="type-icon"
          type="file"
          accept=".svg,image/svg+xml"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (!file) return;
            setIconName(file.name);
            void file.text().then(setIconSvg);
          }}
        />
      </FormGroup>
      <FormGroup label={t('types.labelTemplate')} labelFor="type-label" helperText={t('types.labelHelp')}>
        <InputGroup id="type-label" value={label} onValueChange={setLabel} className="mono" placeholder={t('types.labelPlaceholder')} />
      </FormGroup>
      <FormGroup label={t('types.properties')}>
        {props.map((p, i) => (
          <div className="new-type-prop" key={i}>
            <InputGroup aria-label={t('types.propName')} placeholder={t('types.propName')} value={p.name} onValueChange={(v) => setProp(i, { name: v })} />
            <HTMLSelect aria-label={t('types.propDatatype')} value={p.datatype} onChange={(e) => setProp(i, { datatype: e.currentTarget.value as Datatype })} options={DATATYPES.map((d) => ({ value: d, label: t(`types.datatype.${d}`) }))} />
            <InputGroup aria-label={t('types.propValues')} placeholder={t('types.propValues')} disabled={p.datatype !== 'enum'} value={p.values} onValueChange={(v) => setProp(i, { values: v })} />
            <Checkbox label={t('types.required')} checked={p.required} onChange={(e) => setProp(i, { required: e.currentTarget.checked })} />
            <Checkbox label={t('types.identifies')} checked={p.identifies} onChange={(e) => setProp(i, { identifies: e.currentTarget.checked })} />
            <Button variant="minimal" icon={<TrashIcon />} aria-label={t('types.propRemove')} onClick={() => setProps((list) => list.filter((_, j) => j !== i))} />
          </div>
        ))}
        <Button size="small" icon={<AddIcon />} text={t('types.propAdd')} onClick={() => setProps((list) => [...list, emptyProp()])} />
      </FormGroup>
    </FormDialog>
  );
}
