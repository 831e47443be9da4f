import { Button, Checkbox, HTMLSelect, InputGroup, Popover, Switch } from '@blueprintjs/core';
import { ChevronDownIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import { schemataOf } from '../../../../shared/catalogue';
import { schemaLabel } from '../../catalogueText';
import type { ChartController } from '../chart/controller';
import { useAnalysis, type ScopeKind } from './store';

/** What the analysis runs on: the case, the chart in front or its selection, and which links count. */
export function ScopeBar({ ctl, selected }: { ctl: ChartController | null; selected: number }) {
  const { t } = useTranslation();
  const scope = useAnalysis((s) => s.scope);
  const setScope = useAnalysis((s) => s.setScope);
  // The chart scopes need a chart on screen; fall back to the case when it goes.
  const kind: ScopeKind = !ctl ? 'case' : scope.kind === 'selection' && selected === 0 ? 'chart' : scope.kind;
  const toggleType = (name: string, on: boolean) => setScope({ linkTypes: on ? [...scope.linkTypes, name] : scope.linkTypes.filter((x) => x !== name) });
  return (
    <div className="analysis-scope" role="group" aria-label={t('analysis.scope.label')}>
      <label className="analysis-field">
        <span>{t('analysis.scope.on')}</span>
        <HTMLSelect value={kind} onChange={(e) => setScope({ kind: e.currentTarget.value as ScopeKind })} aria-label={t('analysis.scope.on')}>
          <option value="case">{t('analysis.scope.case')}</option>
          <option value="chart" disabled={!ctl}>
            {t('analysis.scope.chart')}
          </option>
          <option value="selection" disabled={!ctl || selected === 0}>
            {t('analysis.scope.selection', { count: selected })}
          </option>
        </HTMLSelect>
      </label>
      <Popover
        placement="bottom-start"
        content={
          <div className="analysis-types">
            {schemataOf('link').map(({ name }) => (
              <Checkbox key={name} label={schemaLabel(name)} checked={scope.linkTypes.includes(name)} onChange={(e) => toggleType(name, e.currentTarget.checked)} />
            ))}
          </div>
        }
      >
        <Button size="small" endIcon={<ChevronDownIcon />} text={scope.linkTypes.length === 0 ? t('analysis.scope.allLinks') : t('analysis.scope.someLinks', { count: scope.linkTypes.length })} />
      </Popover>
      <label className="analysis-field">
        <span>{t('analysis.scope.minGrade')}</span>
        <InputGroup size="small" className="analysis-grade" value={scope.minGrade} placeholder={t('analysis.scope.minGradePlaceholder')} title={t('analysis.scope.minGradeHelp')} maxLength={2} onValueChange={(v) => setScope({ minGrade: v })} aria-label={t('analysis.scope.minGrade')} />
      </label>
      <label className="analysis-field">
        <span>{t('analysis.scope.asOf')}</span>
        <InputGroup size="small" className="analysis-date" value={scope.asOf} placeholder={t('analysis.scope.datePlaceholder')} onValueChange={(v) => setScope({ asOf: v })} aria-label={t('analysis.scope.asOf')} />
      </label>
      <Switch className="analysis-switch" checked={scope.directed} label={t('analysis.scope.directed')} onChange={(e) => setScope({ directed: e.currentTarget.checked })} />
      <Switch className="analysis-switch" checked={scope.weighted} label={t('analysis.scope.weighted')} onChange={(e) => setScope({ weighted: e.currentTarget.checked })} />
    </div>
  );
}
