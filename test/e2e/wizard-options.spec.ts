import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type CordonApp } from './bridge';
import { ok } from './helpers';

// The import wizard on what the detection cannot know (issue 5): an XLSX workbook whose data is on
// its second sheet, and a company register without a header row that looks like one, where the
// analyst overrides the delimiter and the header, maps columns by position, and the import
// honours what the preview showed.

const PASS = 'wizard options passphrase 2024';

/** Every non-link entity as "Schema caption: prop=value; …", sorted. */
async function caseContent(app: CordonApp): Promise<string[]> {
  const db = app.core.session.case.db;
  const rows = db.prepare('SELECT id, schema, caption FROM entities WHERE is_link = 0 AND deleted = 0').all() as Array<{ id: string; schema: string; caption: string }>;
  const st = db.prepare("SELECT prop, value FROM statements WHERE entity_id = ? AND retracted = 0 AND prop <> 'name' ORDER BY prop, value");
  return rows.map((r) => `${r.schema} ${r.caption}: ${(st.all(r.id) as Array<{ prop: string; value: string }>).map((s) => `${s.prop}=${s.value}`).join('; ')}`).sort();
}

async function runImport(app: CordonApp) {
  const { page } = app;
  await page.getByRole('button', { name: 'Preview what will be created' }).click();
  await expect(page.getByTestId('import-dry')).toBeVisible();
  await page.getByRole('button', { name: 'Run the import' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  return report;
}

test('an XLSX workbook through the wizard: the sheet chosen from the preview, dates read as dates', async ({ app }) => {
  const { page } = app;
  await ok(app, 'case.create', { path: join(app.dataDir, 'bank.cordon'), passphrase: PASS, name: 'Operation Ledger', bureau: 'ES' });
  const wb = new ExcelJS.Workbook();
  // A cover sheet longer than the preview, as bank returns often have; the data is on the second.
  const cover = wb.addWorksheet('Summary');
  cover.addRow(['Item', 'Note']);
  for (let i = 1; i <= 30; i++) cover.addRow([i, `Production order line ${i}`]);
  const holders = wb.addWorksheet('Holders');
  holders.addRow(['holder', 'born', 'phone']);
  holders.addRow(['Ana Ruiz', new Date(Date.UTC(1980, 4, 17)), '+34 600 111 222']);
  holders.addRow(['Jon Etxeberria', new Date(Date.UTC(1975, 10, 2)), '+34 600 333 444']);
  holders.addRow(['Lucía Gómez', new Date(Date.UTC(1991, 0, 30)), '+34 600 555 666']);
  const xlsx = join(app.dataDir, 'holders.xlsx');
  await wb.xlsx.writeFile(xlsx);
  await app.open();

  await page.locator('.rail').getByRole('button', { name: /Import/ }).click();
  await page.locator('#import-path').fill(xlsx);
  await expect(page.locator('#import-format')).toHaveValue('xlsx');
  await page.getByRole('button', { name: 'Next' }).click();
  const table = page.getByRole('table', { name: 'First rows of the file' });
  await expect(table.locator('thead')).toContainText('Note');
  await expect(page.locator('#import-sheet')).toHaveValue('Summary');
  await page.locator('#import-sheet').selectOption('Holders');
  await expect(table.locator('thead')).toContainText('holder');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator('tbody tr').first()).toContainText('1980-05-17');
  await app.shot('wizard-01-xlsx-sheet');
  await page.getByRole('button', { name: 'Next' }).click();

  await page.locator('#map-entity-0-0-column').selectOption({ label: 'holder' });
  const card = page.getByTestId('map-entity-0');
  await card.getByRole('button', { name: 'Add property' }).click();
  await page.locator('#map-entity-0-1-prop').selectOption('birthDate');
  await page.locator('#map-entity-0-1-column').selectOption({ label: 'born' });
  await card.getByRole('button', { name: 'Add property' }).click();
  await page.locator('#map-entity-0-2-prop').selectOption('phone');
  await page.locator('#map-entity-0-2-column').selectOption({ label: 'phone' });
  await app.shot('wizard-02-xlsx-mapping');
  const report = await runImport(app);
  await expect(report.getByTestId('import-figures').locator('[data-figure="created"] dd')).toHaveText('3');
  await expect(report.getByTestId('import-figures').locator('[data-figure="skipped"] dd')).toHaveText('0');
  await app.shot('wizard-03-xlsx-report');
  expect(await caseContent(app)).toEqual([
    'Person Ana Ruiz: birthDate=1980-05-17; phone=+34600111222',
    'Person Jon Etxeberria: birthDate=1975-11-02; phone=+34600333444',
    'Person Lucía Gómez: birthDate=1991-01-30; phone=+34600555666',
  ]);
  expect((await ok(app, 'import.list', {})).map((r) => [r.fileName, r.format])).toEqual([['holders.xlsx', 'xlsx']]);
});

test('overrides: a register without a header row; the delimiter and header changed in the preview, columns mapped by position, and the import honours them', async ({ app }) => {
  const { page } = app;
  await ok(app, 'case.create', { path: join(app.dataDir, 'register.cordon'), passphrase: PASS, name: 'Operazione Registro', bureau: 'IT' });
  const csv = join(app.dataDir, 'register.csv');
  // Three text columns and no header: the first row looks like column names to the detection.
  writeFileSync(csv, ['Rossi Import Srl;Milano;Marco Rossi', 'Bianchi Logistica SpA;Torino;Luca Bianchi', 'Verdi Trasporti Srl;Napoli;Anna Verdi', ''].join('\n'));
  await app.open();

  await page.locator('.rail').getByRole('button', { name: /Import/ }).click();
  await page.locator('#import-path').fill(csv);
  await page.getByRole('button', { name: 'Next' }).click();
  const detected = page.getByTestId('import-detected');
  const table = page.getByRole('table', { name: 'First rows of the file' });
  await expect(detected).toContainText('Delimiter: semicolon (;)');
  await expect(detected).toContainText('First row is a header');
  await expect(table.locator('thead')).toContainText('Rossi Import Srl');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await app.shot('wizard-04-register-detected');

  // A comma instead: every line is one column. The preview shows it at once.
  await page.locator('#import-delimiter').selectOption('comma (,)');
  await expect(detected).toContainText('Delimiter: comma (,)');
  await expect(table.locator('thead th')).toHaveCount(2);
  await page.locator('#import-delimiter').selectOption('semicolon (;)');
  await expect(table.locator('thead th')).toHaveCount(4);

  // The first row is data: all three companies appear, the columns are named by position.
  await page.locator('#import-header').locator('xpath=..').click();
  await expect(detected).toContainText('No header row');
  await expect(table.locator('thead')).toContainText('Column 1');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator('tbody tr').first()).toContainText('Rossi Import Srl');
  await app.shot('wizard-05-register-overridden');
  await page.getByRole('button', { name: 'Next' }).click();

  // Company (name, address) ← columns 1 and 2; Person ← column 3; the person directs the company.
  await page.locator('#map-entity-0-schema').selectOption('Company');
  await page.locator('#map-entity-0-0-prop').selectOption('name');
  await page.locator('#map-entity-0-0-column').selectOption({ label: 'Column 1' });
  await page.getByTestId('map-entity-0').getByRole('button', { name: 'Add property' }).click();
  await page.locator('#map-entity-0-1-prop').selectOption('address');
  await page.locator('#map-entity-0-1-column').selectOption({ label: 'Column 2' });
  await page.getByRole('button', { name: 'Add another entity' }).click();
  await page.locator('#map-entity-1-0-prop').selectOption('name');
  await page.locator('#map-entity-1-0-column').selectOption({ label: 'Column 3' });
  await page.getByRole('button', { name: 'Add a link' }).click();
  await page.locator('#map-link-0-schema').selectOption('Directorship');
  await page.locator('#map-link-0-from').selectOption('entity2');
  await page.locator('#map-link-0-to').selectOption('entity1');
  await app.shot('wizard-06-register-mapping');

  const report = await runImport(app);
  const figures = report.getByTestId('import-figures');
  await expect(figures.locator('[data-figure="records"] dd')).toHaveText('3');
  await expect(figures.locator('[data-figure="created"] dd')).toHaveText('6');
  await expect(figures.locator('[data-figure="links"] dd')).toHaveText('3');
  await app.shot('wizard-07-register-report');
  expect(await caseContent(app)).toEqual([
    'Company Bianchi Logistica SpA: address=Torino',
    'Company Rossi Import Srl: address=Milano',
    'Company Verdi Trasporti Srl: address=Napoli',
    'Person Anna Verdi: ',
    'Person Luca Bianchi: ',
    'Person Marco Rossi: ',
  ]);
  const db = app.core.session.case.db;
  const links = db
    .prepare("SELECT s.caption AS director, t.caption AS company FROM links l JOIN entities e ON e.id = l.id JOIN entities s ON s.id = l.source_id JOIN entities t ON t.id = l.target_id WHERE e.schema = 'Directorship' ORDER BY 1")
    .all();
  expect(links).toEqual([
    { director: 'Anna Verdi', company: 'Verdi Trasporti Srl' },
    { director: 'Luca Bianchi', company: 'Bianchi Logistica SpA' },
    { director: 'Marco Rossi', company: 'Rossi Import Srl' },
  ]);
});
