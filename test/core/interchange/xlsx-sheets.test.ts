import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openCase } from './support';

// The wizard's sheet picker: the preview names every sheet of the workbook, however long the
// first one is, so the analyst can pick the sheet that holds the data.

describe('XLSX preview: the sheets of the workbook', () => {
  it('lists every sheet even when the first one is longer than the preview, and reads the one chosen', async () => {
    const { core, dir } = await openCase();
    const wb = new ExcelJS.Workbook();
    const summary = wb.addWorksheet('Summary');
    summary.addRow(['Line', 'Comment']);
    for (let i = 1; i <= 60; i++) summary.addRow([i, `note ${i}`]);
    const accounts = wb.addWorksheet('Accounts');
    accounts.addRow(['holder', 'iban']);
    accounts.addRow(['Ana Ruiz', 'ES9121000418450200051332']);
    wb.addWorksheet('Empty');
    const file = join(dir, 'book.xlsx');
    await wb.xlsx.writeFile(file);

    const first = await core.ok('import.preview', { path: file, format: 'xlsx', rows: 20 });
    expect(first).toMatchObject({ sheet: 'Summary', sheets: ['Summary', 'Accounts', 'Empty'], columns: ['Line', 'Comment'] });
    expect(first.rows).toHaveLength(20);
    const chosen = await core.ok('import.preview', { path: file, format: 'xlsx', sheet: 'Accounts', rows: 20 });
    expect(chosen).toMatchObject({ sheet: 'Accounts', sheets: ['Summary', 'Accounts', 'Empty'], columns: ['holder', 'iban'], rows: [['Ana Ruiz', 'ES9121000418450200051332']] });
  });
});
