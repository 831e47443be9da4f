import ExcelJS from 'exceljs';
import { CordonError } from '../../../../shared/errors';

// XLSX through exceljs's streaming reader: one sheet, row by row, cells turned into text the way
// the analyst sees them (dates as ISO dates, formulas as their result, rich text as its text).

export interface SheetRow {
  cells: string[];
  /** The spreadsheet row number. */
  line: number;
}

/** A zip bomb disguised as a spreadsheet stops here rather than filling memory. */
const MAX_ROWS = 5_000_000;
/** Reads of one file before exceljs's sheet-order race (see rows()) is reported as a failure. */
const ATTEMPTS = 3;

function isSheetsRace(err: unknown): boolean {
  return err instanceof TypeError && /reading 'sheets'/.test(err.message);
}

function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : isoDate(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('result' in o) return cellText(o.result);
    if (typeof o.text === 'string') return o.text;
    if ('error' in o) return '';
  }
  return String(v);
}

export class XlsxReader {
  sheets: string[] = [];
  sheetRead: string | null = null;
  rowsRead = 0;

  constructor(
    private readonly path: string,
    private readonly sheet: string | undefined,
  ) {}

  /**
   * exceljs 4.4's streaming reader has a race (exceljs#3064, open): a worksheet can be parsed
   * before the workbook part that names the sheets, and the read throws "Cannot read properties of
   * undefined (reading 'sheets')" before any row. It is timing-dependent (seen under load in CI) and
   * the same file reads on a second try, so the read is tried again, up to ATTEMPTS times, but only
   * while no row has been given out: a failure after the first row is reported, never papered over.
   */
  async *rows(): AsyncGenerator<SheetRow> {
    for (let attempt = 1; ; attempt++) {
      this.sheets = [];
      this.sheetRead = null;
      this.rowsRead = 0;
      try {
        yield* this.read();
        return;
      } catch (err) {
        if (attempt < ATTEMPTS && this.rowsRead === 0 && isSheetsRace(err)) continue;
        if (err instanceof CordonError) throw err;
        throw new CordonError('INVALID_INPUT', `${this.path.split(/[\\/]/).pop()} is not a readable XLSX workbook.`);
      }
    }
  }

  private async *read(): AsyncGenerator<SheetRow> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(this.path, {
      sharedStrings: 'cache',
      // Styles are what tells a date cell from a number.
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    let found = false;
    for await (const ws of reader) {
      const name = (ws as unknown as { name: string }).name;
      // The workbook part (read before any sheet) names every sheet in tab order: the preview stops
      // after its first rows, and must still offer the sheets it did not reach.
      const listed = (reader as unknown as { model?: { sheets?: Array<{ name?: string }> } }).model?.sheets;
      if (listed && this.sheets.length === 0) this.sheets = listed.map((s) => s.name ?? '').filter(Boolean);
      if (!this.sheets.includes(name)) this.sheets.push(name);
      if (found || (this.sheet !== undefined && name !== this.sheet)) {
        // exceljs needs each sheet drained before the next one is read.
        for await (const _row of ws) void _row;
        continue;
      }
      found = true;
      this.sheetRead = name;
      for await (const row of ws) {
        if (++this.rowsRead > MAX_ROWS) throw new CordonError('INVALID_INPUT', `the sheet has more than ${MAX_ROWS.toLocaleString('en-US')} rows`);
        const values = (row.values as unknown[]).slice(1);
        yield { cells: values.map(cellText), line: row.number };
      }
    }
    if (!found) {
      throw new CordonError('INVALID_INPUT', this.sheet ? `the workbook has no sheet "${this.sheet}" (it has ${this.sheets.join(', ')})` : 'the workbook has no sheet');
    }
  }
}
