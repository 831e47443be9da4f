import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './bridge';
import { ok } from './helpers';

// The import wizard (issue 5): a call-record CSV with a BOM and semicolons mapped to caller,
// receiver and call, the mapping saved as a specification, the import and its report, the
// entities in the list; a PDF renamed .csv refused; a merge and a split in the duplicates view.

const PASS = 'intake wizard passphrase 2024';

const CALLS = [
  'caller;receiver;date;duration;caller_name',
  '+34 600 111 222;+34 600 333 444;01/03/2024 10:15;65;Iñaki Etxeberria',
  '+34 600 333 444;+34 600 111 222;01/03/2024 10:20;12;',
  '+34 600 111 222;0034 600 555 666;02/03/2024 08:00;300;Iñaki Etxeberria',
  '+34 600 555 666;+34 600 111 222;31/02/2024 09:00;20;',
].join('\r\n');

test('map a semicolon CSV with a BOM, save the spec, import, see the entities; a PDF renamed .csv is refused', async ({ app }) => {
  const { page } = app;
  await ok(app, 'case.create', { path: join(app.dataDir, 'calls.cordon'), passphrase: PASS, name: 'Operación Llamada', bureau: 'ES' });
  await ok(app, 'source.create', { title: 'Telecom return 2024/17', scheme: 'eu4x4', grade: 'B2', handling: 'H1' });
  const csv = join(app.dataDir, 'calls.csv');
  writeFileSync(csv, `\uFEFF${CALLS}\r\n`, 'utf8');
  await app.open();

  await page.locator('.rail').getByRole('button', { name: /Import/ }).click();
  await page.locator('#import-path').fill(csv);
  await expect(page.locator('#import-format')).toHaveValue('csv');
  await app.shot('import-01-file');
  await page.getByRole('button', { name: 'Next' }).click();

  // Preview: UTF-8 with a BOM, semicolons, a header row.
  const detected = page.getByTestId('import-detected');
  await expect(detected).toContainText('Encoding: utf-8');
  await expect(detected).toContainText('Delimiter: semicolon (;)');
  await expect(detected).toContainText('First row is a header');
  await expect(detected).toContainText(/byte-order mark/);
  await expect(page.getByRole('table', { name: 'First rows of the file' }).locator('tbody tr')).toHaveCount(4);
  await expect(page.getByRole('table', { name: 'First rows of the file' }).locator('thead')).toContainText('caller_name');
  await app.shot('import-02-preview');
  await page.getByRole('button', { name: 'Next' }).click();

  // Mapping: caller (phone, name; phone identifies), receiver (phone), a call with its date format.
  await page.locator('#import-spec-name').fill('Call records');
  await page.locator('#map-entity-0-key').fill('caller');
  await page.locator('#map-entity-0-0-column').selectOption({ label: 'caller_name' });
  await page.getByTestId('map-entity-0').getByRole('button', { name: 'Add property' }).click();
  await page.locator('#map-entity-0-1-prop').selectOption('phone');
  await page.locator('#map-entity-0-1-column').selectOption({ label: 'caller' });
  await page.getByTestId('map-entity-0').getByRole('checkbox', { name: 'Phone identifies the same entity' }).locator('xpath=..').click();
  await page.getByRole('button', { name: 'Add another entity' }).click();
  await page.locator('#map-entity-1-key').fill('receiver');
  await page.locator('#map-entity-1-0-prop').selectOption('phone');
  await page.locator('#map-entity-1-0-column').selectOption({ label: 'receiver' });
  await page.getByTestId('map-entity-1').getByRole('checkbox', { name: 'Phone identifies the same entity' }).locator('xpath=..').click();
  await page.getByRole('button', { name: 'Add a link' }).click();
  await expect(page.locator('#map-link-0-schema')).toHaveValue('Call');
  await expect(page.locator('#map-link-0-from')).toHaveValue('caller');
  await expect(page.locator('#map-link-0-to')).toHaveValue('receiver');
  const link = page.getByTestId('map-link-0');
  await link.getByRole('button', { name: 'Add property' }).click();
  await page.locator('#map-link-0-0-prop').selectOption('date');
  await page.locator('#map-link-0-0-column').selectOption({ label: 'date' });
  await page.locator('#map-link-0-0-date').fill('DD/MM/YYYY HH:mm');
  await link.getByRole('button', { name: 'Add property' }).click();
  await page.locator('#map-link-0-1-prop').selectOption('duration');
  await page.locator('#map-link-0-1-column').selectOption({ label: 'duration' });
  await page.locator('#import-source').selectOption({ label: 'Telecom return 2024/17 — B2 · H1' });

  // Save the mapping as a specification file: the JSON the CLI takes with --mapping.
  const specPath = join(app.dataDir, 'calls.spec.json');
  await page.locator('#import-spec-path').fill(specPath);
  await page.getByRole('button', { name: 'Save specification' }).click();
  await expect(page.getByText(`Specification saved to ${specPath}.`)).toBeVisible();
  const saved = JSON.parse(readFileSync(specPath, 'utf8')) as { entities: Array<{ key: string; identity: string[] }>; links: Array<{ properties: { date: unknown } }> };
  expect(saved.entities.map((e) => [e.key, e.identity])).toEqual([
    ['caller', ['phone']],
    ['receiver', ['phone']],
  ]);
  expect(saved.links[0]!.properties.date).toEqual({ column: 'date', dateFormat: 'DD/MM/YYYY HH:mm' });
  await app.shot('import-03-mapping');

  // Dry run: what the first rows would create, nothing written.
  await page.getByRole('button', { name: 'Preview what will be created' }).click();
  const dry = page.getByTestId('import-dry');
  await expect(dry.getByRole('table', { name: 'What the first rows would create' })).toContainText('Iñaki Etxeberria');
  await expect(dry).toContainText("date '31/02/2024 09:00' is not a date");
  expect((await ok(app, 'case.info', {}))!.entities).toBe(0);
  await app.shot('import-04-dry-run');

  // Import, and its report: created, merged, skipped with the reason per row.
  await page.getByRole('button', { name: 'Run the import' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  const figures = report.getByTestId('import-figures');
  await expect(figures.locator('[data-figure="records"] dd')).toHaveText('4');
  await expect(figures.locator('[data-figure="created"] dd')).toHaveText('3');
  await expect(figures.locator('[data-figure="skipped"] dd')).toHaveText('1');
  // The row in its own column, the reason beside it (not "row 5: …" again).
  const skippedRow = report.getByRole('table', { name: 'Rows skipped and why' }).locator('tbody tr');
  await expect(skippedRow.locator('td')).toHaveText(['5', "date '31/02/2024 09:00' is not a date"]);
  await expect(page.locator('.import-history')).toContainText('calls.csv');
  await app.shot('import-05-report');

  // What came in, on a chart of its own: the three phones and the calls among them.
  await report.getByRole('button', { name: 'Open on a chart' }).click();
  await expect(page.getByRole('tab', { name: /Import: calls\.csv/ })).toBeVisible();
  await expect(page.locator('.chart-count')).toContainText(/^3 entities · 3 links/);
  // Three entities fitted in view, but not blown up to fill the screen.
  const zoom = await page.evaluate(() => {
    const el = document.querySelector('[data-testid=chart-canvas]') as unknown as { _cyreg: { cy: import('cytoscape').Core } };
    return el._cyreg.cy.zoom();
  });
  expect(zoom).toBeLessThanOrEqual(1.25);
  await app.shot('import-05b-chart');
  // Back in Import, the report is where it was; the same chart from the list of earlier imports
  // opens beside the first one.
  await page.locator('.rail').getByRole('button', { name: /Import/ }).click();
  await expect(report).toBeVisible();
  await page.locator('.import-history').getByRole('button', { name: 'Open what calls.csv brought on a chart' }).click();
  await expect(page.getByRole('tab', { name: /Import: calls\.csv/ })).toHaveCount(2);
  await page.locator('.rail').getByRole('button', { name: /Import/ }).click();

  await report.getByRole('button', { name: 'Show the entities' }).click();
  await expect(page.getByTestId('entity-count')).toHaveAttribute('data-count', '3');
  await expect(page.locator('.entity-row', { hasText: 'Iñaki Etxeberria' })).toBeVisible();
  await app.shot('import-06-entities');

  // The saved specification loads into a new wizard.
  await page.locator('.rail').getByRole('button', { name: /Import/ }).click();
  await page.getByRole('button', { name: 'Start again' }).first().click();
  await page.locator('#import-path').fill(csv);
  await page.locator('#import-spec-path').fill(specPath);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByText(`Specification loaded from ${specPath}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('#map-entity-1-key')).toHaveValue('receiver');
  await expect(page.locator('#map-link-0-0-date')).toHaveValue('DD/MM/YYYY HH:mm');

  // A PDF renamed .csv is refused with its message.
  const pdf = join(app.dataDir, 'statement.csv');
  writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), Buffer.alloc(64, 0)]));
  await page.getByRole('button', { name: 'Start again' }).first().click();
  await page.locator('#import-path').fill(pdf);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('.cordon-error')).toContainText(/statement\.csv is a PDF document, not a CSV file|not a CSV file/);
  await app.shot('import-07-refused');
  expect((await ok(app, 'case.info', {}))!.entities).toBe(3);
});

test('duplicates: a candidate pair judged the same, then split again', async ({ app }) => {
  const { page } = app;
  await ok(app, 'case.create', { path: join(app.dataDir, 'dup.cordon'), passphrase: PASS, name: 'Duplicates', bureau: 'ES' });
  const src = await ok(app, 'source.create', { title: 'Registry extract', scheme: 'eu4x4', grade: 'B2' });
  await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Marco Bellini'], birthDate: ['1975-03-14'], nationality: ['it'] }, sourceId: src.id });
  await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Marco Belini'], birthDate: ['1975-03-14'], phone: ['+39 06 1234 5678'] }, sourceId: src.id });
  await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Anna Schmidt'] }, sourceId: src.id });
  await app.open();

  await page.locator('.rail').getByRole('button', { name: /Duplicates/ }).click();
  const rows = page.getByRole('table', { name: 'Candidate pairs' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Marco Bellini');
  await expect(rows.first()).toContainText('Marco Belini');
  await rows.first().click();
  const pair = page.getByTestId('pair-panel');
  await expect(pair.getByRole('table', { name: 'The pair side by side' })).toContainText('+390612345678');
  await app.shot('import-08-duplicates-pair');

  await pair.getByRole('button', { name: 'Same', exact: true }).click();
  const cluster = page.getByTestId('cluster-panel');
  await expect(cluster).toContainText('2 records merged');
  expect((await ok(app, 'match.candidates', {})).length).toBe(0);
  await app.shot('import-09-merged');

  // Everywhere else the two records are one entity: one row in the list, one page with both.
  await page.locator('.rail').getByRole('button', { name: /Entities/ }).click();
  await expect(page.getByTestId('entity-count')).toHaveAttribute('data-count', '2');
  await page.locator('.entity-row', { hasText: /Marco Bell?ini/ }).click();
  const merged = page.locator('.merged-from');
  await expect(merged).toContainText('Judged the same: 2 records shown as one');
  await expect(merged).toContainText('Marco Bellini');
  await expect(merged).toContainText('Marco Belini');
  await expect(page.locator('.entity-page')).toContainText('+390612345678');
  await expect(page.locator('.entity-page')).toContainText('Mar 14, 1975');
  await app.shot('import-09b-merged-entity');
  await merged.getByRole('button', { name: 'Review or split in Duplicates' }).click();
  await expect(cluster).toContainText('2 records merged');

  await cluster.getByRole('button', { name: 'Split' }).first().click();
  await expect(cluster).toContainText('stands alone');
  await expect(rows).toHaveCount(1);
  await app.shot('import-10-split');
});
