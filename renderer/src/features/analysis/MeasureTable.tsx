import { AnchorButton, Button, Tooltip } from '@blueprintjs/core';
import { ArrowDownIcon, ArrowUpIcon, DownloadIcon, HeatmapIcon, TagIcon, TimelineBarChartIcon } from '@blueprintjs/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../../../shared/analysis/dto';
import { schemaLabel } from '../../catalogueText';
import { formatNumber } from '../../format';
import { applyMeasureRule } from '../chart/analysisRules';
import type { ChartController } from '../chart/controller';
import { bridgeCounts, cellValue, formatCell, formatScore, tableColumns, tableCsv, type ColumnKey, type TableColumn } from './columns';

const ROW = 26;
type Sort = { key: ColumnKey | 'caption'; desc: boolean };

/** Every entity with every measure: sortable, virtualised, exportable; each column can size or
 * colour the chart in front. */
export function MeasureTable({ result, ctl, onError }: { result: AnalysisResult; ctl: ChartController | null; onError(err: unknown): void }) {
  const { t } = useTranslation();
  const cols = useMemo(() => tableColumns(result), [result]);
  const bridges = useMemo(() => bridgeCounts(result), [result]);
  const [sort, setSort] = useState<Sort>({ key: 'degree', desc: true });
  const [applied, setApplied] = useState<string | null>(null);
  const rows = useMemo(() => {
    const out = [...result.rows];
    const dir = sort.desc ? -1 : 1;
    if (sort.key === 'caption') out.sort((a, b) => dir * a.caption.localeCompare(b.caption, undefined, { numeric: true }));
    else {
      const k = sort.key;
      out.sort((a, b) => {
        const va = cellValue(a, k, bridges) ?? -Infinity;
        const vb = cellValue(b, k, bridges) ?? -Infinity;
        return va === vb ? a.caption.localeCompare(b.caption, undefined, { numeric: true }) : dir * (va - vb);
      });
    }
    return out;
  }, [result, sort, bridges]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 12 });

  const header = (c: TableColumn) => t(`analysis.col.${c.key}`);
  const csvHref = useMemo(() => {
    const head = [t('analysis.csv.id'), t('analysis.col.caption'), t('analysis.csv.type'), ...cols.map(header)];
    return URL.createObjectURL(new Blob([tableCsv(result, cols, head, rows)], { type: 'text/csv;charset=utf-8' }));
  }, [result, cols, rows, t]);
  useEffect(() => () => URL.revokeObjectURL(csvHref), [csvHref]);

  const sortBy = (key: Sort['key']) => setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key !== 'caption' }));
  const ariaSort = (key: Sort['key']) => (sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none');

  const toChart = (c: TableColumn) => {
    if (!ctl) return;
    const values: Record<string, number> = {};
    for (const r of result.rows) {
      const v = cellValue(r, c.key, bridges);
      if (v !== undefined) values[r.id] = v;
    }
    const rule = c.kind === 'category' ? { kind: 'colour' as const, measure: c.key } : c.kind === 'flag' ? { kind: 'badge' as const, measure: c.key, threshold: 1 } : { kind: 'size' as const, measure: c.key };
    applyMeasureRule(ctl, rule, values).then(() => setApplied(t(`analysis.chartBy.${rule.kind}`, { column: header(c) })), onError);
  };
  const ruleIcon = (c: TableColumn) => (c.kind === 'category' ? <HeatmapIcon /> : c.kind === 'flag' ? <TagIcon /> : <TimelineBarChartIcon />);
  const ruleText = (c: TableColumn) => t(`analysis.chartBy.${c.kind === 'category' ? 'colour' : c.kind === 'flag' ? 'badge' : 'size'}`, { column: header(c) });

  const yesNo = (b: boolean) => (b ? t('analysis.yes') : t('analysis.no'));
  const grid = `analysis-grid`;
  return (
    <div className="analysis-table-wrap">
      <div className="analysis-table-bar">
        <span className="muted" data-testid="analysis-summary">
          {t('analysis.summary', { nodes: formatNumber(result.graph.nodes), edges: formatNumber(result.graph.edges), components: formatNumber(result.graph.components) })}
          {result.communities && ` · ${t('analysis.communities', { count: result.communities.count, modularity: formatScore(result.communities.modularity) })}`}
          {result.betweenness && !result.betweenness.exact && ` · ${t('analysis.sampled', { samples: formatNumber(result.betweenness.samples), epsilon: result.betweenness.epsilon, delta: result.betweenness.delta })}`}
        </span>
        {applied && <span className="analysis-applied">{applied}</span>}
        <AnchorButton size="small" icon={<DownloadIcon />} href={csvHref} download={t('analysis.csv.file')} text={t('analysis.csv.export')} className="pane-action" />
      </div>
      <div className="analysis-table" role="table" aria-label={t('analysis.tableLabel')} aria-rowcount={rows.length + 1}>
        <div className={`${grid} analysis-head`} role="row">
          <div role="columnheader" aria-sort={ariaSort('caption')} className="analysis-th analysis-name">
            <button type="button" className="analysis-sort" onClick={() => sortBy('caption')}>
              {t('analysis.col.caption')} {sort.key === 'caption' && (sort.desc ? <ArrowDownIcon size={12} /> : <ArrowUpIcon size={12} />)}
            </button>
          </div>
          {cols.map((c) => (
            <div key={c.key} role="columnheader" aria-sort={ariaSort(c.key)} className="analysis-th">
              <button type="button" className="analysis-sort" onClick={() => sortBy(c.key)}>
                {header(c)} {sort.key === c.key && (sort.desc ? <ArrowDownIcon size={12} /> : <ArrowUpIcon size={12} />)}
              </button>
              <Tooltip content={ctl ? ruleText(c) : t('analysis.chartBy.noChart')} placement="top">
                <Button size="small" variant="minimal" icon={ruleIcon(c)} disabled={!ctl} aria-label={ruleText(c)} onClick={() => toChart(c)} />
              </Tooltip>
            </div>
          ))}
        </div>
        <div className="analysis-scroller" ref={scroller}>
          <div className="list-sizer" style={{ blockSize: virtual.getTotalSize() }}>
            {virtual.getVirtualItems().map((v) => {
              const r = rows[v.index]!;
              return (
                <div key={r.id} role="row" aria-rowindex={v.index + 2} data-testid="analysis-row" className={`${grid} analysis-row list-slot`} style={{ blockSize: v.size, transform: `translateY(${v.start}px)` }}>
                  <div role="cell" className="analysis-name" title={schemaLabel(r.schema)}>
                    {r.caption || t('entity.noCaption')}
                  </div>
                  {cols.map((c) => (
                    <div role="cell" key={c.key} className={c.kind === 'flag' || c.kind === 'category' ? 'analysis-cat' : 'analysis-num'}>
                      {formatCell(c.kind, cellValue(r, c.key, bridges), yesNo)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
