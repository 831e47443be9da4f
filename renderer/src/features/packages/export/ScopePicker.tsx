import { FormGroup, HTMLSelect, InputGroup, Radio, RadioGroup, Tag } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartSummary } from '../../../../../shared/charts/dto';
import type { EntitySummary } from '../../../../../shared/entities/dto';
import { call } from '../../../api';
import { SchemaIcon } from '../../../app/schemaIcon';
import { EntityPicker } from '../../search/EntityPicker';
import { useProjects } from '../../projects/useProjects';
import { emptyChoice, SCOPE_KINDS, type ScopeChoice, type ScopeKind } from './scope';

/** What goes into the package: everything, what changed since the last package to each
 * recipient, chosen entities, a chart, a search, or a project. */
export function ScopePicker({ value, onChange, disabled }: { value: ScopeChoice; onChange(c: ScopeChoice): void; disabled: boolean }) {
  const { t } = useTranslation();
  const { projects } = useProjects();
  const [charts, setCharts] = useState<ChartSummary[]>([]);
  useEffect(() => {
    let live = true;
    // Charts are optional here: a case without any simply offers none.
    call('chart.list', {}).then(
      (c) => live && setCharts(c),
      () => live && setCharts([]),
    );
    return () => {
      live = false;
    };
  }, []);
  const addEntity = (e: EntitySummary | null) => {
    if (!e || value.kind !== 'entities' || value.picked.some((p) => p.id === e.id)) return;
    onChange({ kind: 'entities', picked: [...value.picked, e] });
  };
  return (
    <FormGroup label={t('packages.scope')} className="scope-picker">
      <RadioGroup selectedValue={value.kind} onChange={(e) => onChange(emptyChoice(e.currentTarget.value as ScopeKind))} disabled={disabled}>
        {SCOPE_KINDS.map((k) => (
          <Radio key={k} value={k} label={t(`packages.scopeKind.${k}`)} />
        ))}
      </RadioGroup>
      <div className="scope-detail">
        {value.kind === 'changed' && <p className="muted small">{t('packages.scopeChangedHelp')}</p>}
        {value.kind === 'entities' && (
          <>
            <EntityPicker id="scope-entity" value={null} onChange={addEntity} />
            <div className="picked-list">
              {value.picked.map((p) => (
                <Tag
                  key={p.id}
                  minimal
                  icon={<SchemaIcon schema={p.schema} />}
                  onRemove={disabled ? undefined : () => onChange({ kind: 'entities', picked: value.picked.filter((x) => x.id !== p.id) })}
                >
                  {p.caption || t('entity.noCaption')}
                </Tag>
              ))}
            </div>
          </>
        )}
        {value.kind === 'chart' && (
          <HTMLSelect
            id="scope-chart"
            fill
            disabled={disabled}
            value={value.chartId}
            onChange={(e) => onChange({ kind: 'chart', chartId: e.currentTarget.value })}
            options={[{ value: '', label: charts.length ? t('packages.chooseChart') : t('packages.noCharts') }, ...charts.map((c) => ({ value: c.id, label: c.name }))]}
          />
        )}
        {value.kind === 'search' && (
          <InputGroup id="scope-search" disabled={disabled} value={value.query} onValueChange={(query) => onChange({ kind: 'search', query })} placeholder={t('packages.searchPlaceholder')} />
        )}
        {value.kind === 'project' && (
          <HTMLSelect
            id="scope-project"
            fill
            disabled={disabled}
            value={value.id}
            onChange={(e) => onChange({ kind: 'project', id: e.currentTarget.value })}
            options={[{ value: '', label: projects?.length ? t('packages.chooseProject') : t('packages.noProjects') }, ...(projects ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          />
        )}
      </div>
    </FormGroup>
  );
}
