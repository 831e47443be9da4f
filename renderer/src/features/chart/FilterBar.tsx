import { Button, HTMLSelect, InputGroup, Slider, Switch } from '@blueprintjs/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { schemataOf } from '../../../../shared/catalogue';
import type { ChartController } from './controller';
import { monthRange } from './dates';

/** Filters that keep the layout: type, link type, "as of" slider, minimum grading, search highlight. */
export function FilterBar({ ctl }: { ctl: ChartController }) {
  const { t } = useTranslation();
  const s = ctl.settings;
  const f = s.filters;
  // Months spanned by the links on the chart; recomputed when the chart changes (version).
  const months = useMemo(() => monthRange(ctl.cy.edges().map((e) => [e.data('start') as string | null, e.data('end') as string | null]).flat()), [ctl, ctl.version]);
  const set = (label: string, filters: Partial<typeof f>) => void ctl.changeSettings(label, { ...s, filters: { ...f, ...filters } });
  const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const asOfIndex = f.asOf ? Math.max(0, months.indexOf(f.asOf.slice(0, 7))) : 0;
  return (
    <div className="chart-filters" role="group" aria-label={t('chart.filters.label')}>
      <HTMLSelect aria-label={t('chart.filters.types')} value="" onChange={(e) => e.currentTarget.value && set('filter', { hiddenTypes: toggle(f.hiddenTypes, e.currentTarget.value) })}>
        <option value="">{t('chart.filters.types')}</option>
        {schemataOf('entity').map((x) => (
          <option key={x.name} value={x.name}>
            {f.hiddenTypes.includes(x.name) ? '☐ ' : '☑ '}
            {x.label}
          </option>
        ))}
      </HTMLSelect>
      <HTMLSelect aria-label={t('chart.filters.linkTypes')} value="" onChange={(e) => e.currentTarget.value && set('filter', { hiddenLinkTypes: toggle(f.hiddenLinkTypes, e.currentTarget.value) })}>
        <option value="">{t('chart.filters.linkTypes')}</option>
        {schemataOf('link').map((x) => (
          <option key={x.name} value={x.name}>
            {f.hiddenLinkTypes.includes(x.name) ? '☐ ' : '☑ '}
            {x.label}
          </option>
        ))}
      </HTMLSelect>
      <InputGroup
        size="small"
        className="grade-filter"
        aria-label={t('chart.filters.minGrade')}
        placeholder={t('chart.filters.minGrade')}
        maxLength={2}
        value={f.minGrade ?? ''}
        onValueChange={(v) => (v.length === 0 || v.length === 2) && set('filter', { minGrade: v ? v.toUpperCase() : null })}
      />
      {months.length > 1 && (
        <div className="as-of">
          <Switch
            label={t('chart.filters.asOf')}
            checked={f.asOf !== null}
            onChange={(e) => set('filter', { asOf: e.currentTarget.checked ? months[asOfIndex]! : null })}
            inline
          />
          <Slider
            className="as-of-slider"
            min={0}
            max={months.length - 1}
            stepSize={1}
            value={asOfIndex}
            disabled={f.asOf === null}
            labelRenderer={false}
            onRelease={(i) => set('filter', { asOf: months[i]! })}
            handleHtmlProps={{ 'aria-label': t('chart.filters.asOfDate') }}
          />
          <span className="as-of-date mono">{f.asOf ?? `${months[0]} – ${months.at(-1)}`}</span>
        </div>
      )}
      <InputGroup
        size="small"
        type="search"
        aria-label={t('chart.filters.highlight')}
        placeholder={t('chart.filters.highlight')}
        defaultValue={f.search}
        onKeyDown={(e) => e.key === 'Enter' && set('highlight', { search: e.currentTarget.value })}
      />
      <Switch
        inline
        label={t('chart.filters.remove')}
        checked={s.hideMode === 'remove'}
        onChange={(e) => void ctl.changeSettings('filter', { ...s, hideMode: e.currentTarget.checked ? 'remove' : 'grey' })}
      />
      <Switch inline label={t('chart.filters.merge')} checked={s.mergeParallel} onChange={(e) => void ctl.changeSettings('merge', { ...s, mergeParallel: e.currentTarget.checked })} />
      {(s.foldPhones || ctl.cy.nodes('[schema = "Phone"]').nonempty()) && (
        <Switch inline label={t('chart.filters.foldPhones')} checked={s.foldPhones ?? false} onChange={(e) => void ctl.setFoldPhones(e.currentTarget.checked)} />
      )}
      <Button
        size="small"
        variant="minimal"
        text={t('chart.filters.clear')}
        onClick={() => set('filter', { hiddenTypes: [], hiddenLinkTypes: [], asOf: null, minGrade: null, search: '' })}
      />
    </div>
  );
}
