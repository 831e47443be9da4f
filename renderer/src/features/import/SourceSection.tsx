import { Button, FormGroup, HTMLSelect } from '@blueprintjs/core';
import { AddIcon } from '@blueprintjs/icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gradingLabel } from '../../format';
import { SourceDialog } from '../sources/SourceDialog';
import { useSources } from '../sources/useSources';
import { ColumnSelect, type Columns } from './ColumnSelect';
import { SOURCE_COLUMN_FIELDS, type Draft, type SourceDraft } from './draft';

interface Props {
  draft: Draft;
  columns: Columns;
  onChange(patch: Pick<Partial<Draft>, 'source' | 'sourceColumns'>): void;
}

const AUTO = '=auto';
const INLINE = '=inline';

/** The source report and grading every imported value gets, and per-row overrides. */
export function SourceSection({ draft, columns, onChange }: Props) {
  const { t } = useTranslation();
  const { sources } = useSources();
  const [creating, setCreating] = useState(false);
  // A report created from here is picked as soon as the list shows it.
  const before = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!before.current || !sources) return;
    const fresh = sources.find((s) => !before.current!.has(s.id));
    if (fresh) {
      before.current = null;
      onChange({ source: { kind: 'existing', id: fresh.id } });
    }
  }, [sources, onChange]);

  const s = draft.source;
  const value = s.kind === 'auto' ? AUTO : s.kind === 'inline' ? INLINE : s.id;
  const pick = (v: string): SourceDraft => (v === AUTO ? { kind: 'auto' } : v === INLINE && s.kind === 'inline' ? s : { kind: 'existing', id: v });
  return (
    <section className="map-section" aria-labelledby="map-source-title">
      <h3 id="map-source-title" className="map-section-title">
        {t('import.source.title')}
      </h3>
      <div className="form-row">
        <FormGroup label={t('import.source.report')} labelFor="import-source" className="grow" helperText={s.kind === 'auto' ? t('import.source.autoHelp') : t('import.source.help')}>
          <HTMLSelect
            id="import-source"
            fill
            value={value}
            onChange={(e) => onChange({ source: pick(e.currentTarget.value) })}
            options={[
              { value: AUTO, label: t('import.source.auto') },
              ...(s.kind === 'inline' ? [{ value: INLINE, label: t('import.source.inline', { title: s.source.title, grading: gradingLabel({ grade: s.source.grade, handling: s.source.handling ?? null, tlp: null }) }) }] : []),
              ...(sources ?? []).map((src) => ({ value: src.id, label: `${src.title} — ${gradingLabel(src)}` })),
            ]}
          />
        </FormGroup>
        <Button
          className="map-source-new"
          icon={<AddIcon />}
          text={t('sources.new')}
          onClick={() => {
            before.current = new Set((sources ?? []).map((x) => x.id));
            setCreating(true);
          }}
        />
      </div>
      <FormGroup label={t('import.source.perRow')} helperText={t('import.source.perRowHelp')}>
        <div className="map-source-columns">
          {SOURCE_COLUMN_FIELDS.map((f) => (
            <FormGroup key={f} label={t(`import.source.field.${f}`)} labelFor={`import-source-col-${f}`} className="grow">
              <ColumnSelect
                id={`import-source-col-${f}`}
                columns={columns}
                value={draft.sourceColumns[f] ?? null}
                onChange={(ref) => onChange({ sourceColumns: { ...draft.sourceColumns, [f]: ref ?? undefined } })}
              />
            </FormGroup>
          ))}
        </div>
      </FormGroup>
      {creating && (
        <SourceDialog
          isOpen
          onClose={() => {
            setCreating(false);
          }}
        />
      )}
    </section>
  );
}
