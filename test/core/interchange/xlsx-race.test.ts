import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { XlsxReader } from '../../../electron/core/interchange/tabular/xlsx-reader';
import { tempDir } from '../helpers';

// exceljs 4.4's streaming reader can parse a worksheet before the workbook part that names the
// sheets (exceljs#3064) and throw "Cannot read properties of undefined (reading 'sheets')". The race
// depends on timing; here it is forced by making the worksheet parser fail as exceljs does.

type Proto = { _parseWorksheet: (...a: unknown[]) => Generator<unknown> };
const proto = (ExcelJS.stream.xlsx.WorkbookReader as unknown as { prototype: Proto }).prototype;
const raceError = () => new TypeError("Cannot read properties of undefined (reading 'sheets')");

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Summary').addRow(['Item', 'Note']);
  const holders = wb.addWorksheet('Holders');
  holders.addRow(['holder', 'phone']);
  holders.addRow(['Ana Ruiz', '+34 600 111 222']);
  const file = join(tempDir(), 'book.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

async function readAll(reader: XlsxReader): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const r of reader.rows()) rows.push(r.cells);
  return rows;
}

afterEach(() => vi.restoreAllMocks());

describe("XLSX reader and exceljs's sheet-order race", () => {
  it('reads the workbook again when the race strikes before the first row, and gives every row once', async () => {
    const file = await workbook();
    const real = proto._parseWorksheet;
    // The race strikes in the first two reads of the workbook (each read is its own exceljs
    // reader; one read may start parsing both sheets before the first throw is seen, so counting
    // calls instead of readers made the test depend on timing).
    const readers: unknown[] = [];
    vi.spyOn(proto, '_parseWorksheet').mockImplementation(function (this: unknown, ...a: unknown[]) {
      if (!readers.includes(this)) readers.push(this);
      if (readers.indexOf(this) < 2) throw raceError();
      return real.apply(this, a);
    });
    const reader = new XlsxReader(file, 'Holders');
    expect(await readAll(reader)).toEqual([
      ['holder', 'phone'],
      ['Ana Ruiz', '+34 600 111 222'],
    ]);
    expect(reader.sheetRead).toBe('Holders');
    expect(reader.rowsRead).toBe(2);
  });

  it('reports a workbook that keeps failing as not readable, after three reads', async () => {
    const file = await workbook();
    const spy = vi.spyOn(proto, '_parseWorksheet').mockImplementation(() => {
      throw raceError();
    });
    await expect(readAll(new XlsxReader(file, undefined))).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'book.xlsx is not a readable XLSX workbook.' });
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('never reads again once a row was given out: the failure is reported', async () => {
    const file = await workbook();
    const real = proto._parseWorksheet;
    let calls = 0;
    // The first sheet reads; the failure comes with the second (drained, since the first is the data), after a row was given out.
    vi.spyOn(proto, '_parseWorksheet').mockImplementation(function (this: unknown, ...a: unknown[]) {
      if (++calls === 2) throw raceError();
      return real.apply(this, a);
    });
    const seen: string[][] = [];
    const reader = new XlsxReader(file, undefined);
    await expect(
      (async () => {
        for await (const r of reader.rows()) seen.push(r.cells);
      })(),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'book.xlsx is not a readable XLSX workbook.' });
    // The first sheet's row was given out once, and the reader did not start again.
    expect(seen).toEqual([['Item', 'Note']]);
    expect(calls).toBe(2);
  });
});
