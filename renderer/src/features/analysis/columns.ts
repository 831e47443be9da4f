import type { AnalysisColumn, AnalysisResult, AnalysisRow } from '../../../../shared/analysis/dto';
import { currentIntlTag } from '../../i18n';
import { formatNumber } from '../../format';

// The table's columns: every column of the result, in its order, plus "bridge ties" (how many of
// the ties whose loss splits the network touch the entity), derived from the result's bridges.

export type ColumnKey = AnalysisColumn | 'bridges';
export type ColumnKind = 'count' | 'score' | 'category' | 'flag';
export interface TableColumn {
  key: ColumnKey;
  kind: ColumnKind;
}

export function tableColumns(result: AnalysisResult): TableColumn[] {
  const cols: TableColumn[] = result.columns.map((c) => ({ key: c.key, kind: c.kind }));
  if (result.measures.includes('cuts')) cols.push({ key: 'bridges', kind: 'count' });
  return cols;
}

export function bridgeCounts(result: AnalysisResult): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of result.bridges) {
    out.set(b.source, (out.get(b.source) ?? 0) + 1);
    out.set(b.target, (out.get(b.target) ?? 0) + 1);
  }
  return out;
}

/** A row's value in a column as a number (flags 1/0), or undefined when not computed. */
export function cellValue(row: AnalysisRow, key: ColumnKey, bridges: Map<string, number>): number | undefined {
  if (key === 'bridges') return bridges.get(row.id) ?? 0;
  if (key === 'articulation') return row.articulation === undefined ? undefined : row.articulation ? 1 : 0;
  return row[key];
}

const SCORE = { maximumFractionDigits: 4, minimumFractionDigits: 4 } as const;

export function formatScore(v: number): string {
  return new Intl.NumberFormat(currentIntlTag(), SCORE).format(v);
}

/** A cell for display; flags as yes/no text given by the caller. */
export function formatCell(kind: ColumnKind, v: number | undefined, yesNo: (b: boolean) => string): string {
  if (v === undefined) return '';
  if (kind === 'flag') return yesNo(v === 1);
  if (kind === 'score') return formatScore(v);
  return formatNumber(v);
}

/** RFC 4180 CSV of the table, unformatted values (full precision), for spreadsheets and court. */
export function tableCsv(result: AnalysisResult, cols: TableColumn[], header: string[], rows: AnalysisRow[]): string {
  const bridges = bridgeCounts(result);
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  // A caption a spreadsheet would take for a formula is written as text.
  const text = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
  const lines = [header.map(quote).join(',')];
  for (const r of rows) {
    const cells = [r.id, text(r.caption), r.schema, ...cols.map((c) => {
      const v = cellValue(r, c.key, bridges);
      if (v === undefined) return '';
      return c.kind === 'flag' ? (v === 1 ? 'true' : 'false') : String(v);
    })];
    lines.push(cells.map(quote).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
