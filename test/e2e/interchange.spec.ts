import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Locator } from '@playwright/test';
import { expect, test, type CordonApp } from './bridge';
import type { Input } from '../../shared/api';
import { callsFile, ok } from './helpers';

// Intake and interchange from the screen (issue 5), beyond the wizard of import.spec.ts: export to
// every format with handling codes honoured (the files read back), an export and an import
// cancelled mid-way leaving nothing behind, an XLSX workbook, and the wizard's overrides.

const PASS = 'interchange e2e passphrase 2024';

/** A case with an open source, an H2 source and values from both (as in test/core/interchange/export.test.ts). */
async function gradedCase(app: CordonApp): Promise<void> {
  await ok(app, 'case.create', { path: join(app.dataDir, 'graded.cordon'), passphrase: PASS, name: 'Operazione Porto', bureau: 'IT' });
  const open = (await ok(app, 'source.create', { title: 'Open report', scheme: 'eu4x4', grade: 'B2', handling: 'H0' })).id;
  const secret = (await ok(app, 'source.create', { title: 'Informant', scheme: 'eu4x4', grade: 'A1', handling: 'H2' })).id;
  const a = (await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Marco Rossi'], phone: ['+39 333 1234567'] }, sourceId: open })).id;
  await ok(app, 'entity.update', { id: a, add: [{ prop: 'passportNumber', value: 'YA1234567' }], sourceId: secret });
  const d = (await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Luca Bianchi'] }, sourceId: open })).id;
  const c = (await ok(app, 'entity.create', { schema: 'Company', properties: { name: ['Porto Servizi Srl'] }, sourceId: open })).id;
  await ok(app, 'link.create', { schema: 'Associate', from: a, to: d, properties: { relationship: ['cousin'] }, sourceId: open });
  await ok(app, 'link.create', { schema: 'Directorship', from: a, to: c, properties: { role: ['director'] }, sourceId: open });
}

/**
 * Clicks a job's Cancel button. The bridge runs the core in this test's own Node process, so while
 * a job works Playwright's driver competes with it for the event loop and an actionability-checked
 * click can time out; the button is checked visible and enabled, then clicked as a DOM event (its
 * real handler, job.cancel through the bridge). In the app the core has a worker thread of its own.
 */
async function cancelJob(job: Locator): Promise<void> {
  const button = job.getByRole('button', { name: 'Cancel' });
  await expect(button).toBeVisible();
  await expect(button).toBeEnabled();
  await button.dispatchEvent('click');
}

async function openExport(app: CordonApp) {
  await app.page.locator('.rail').getByRole('button', { name: /Import/ }).click();
  await app.page.getByRole('button', { name: 'Export…' }).click();
  return app.page.getByRole('dialog', { name: 'Export' });
}

test('export to ANX, CSV, FtM, GraphML and GEXF from the screen: the files hold the case, never the H2 value unless asked', async ({ app }) => {
  await gradedCase(app);
  await app.open();
  const out = (f: string) => join(app.dataDir, f);

  const exportAs = async (format: string, path: string, includeRestricted = false) => {
    const dialog = await openExport(app);
    await dialog.locator('#export-format').selectOption(format);
    await dialog.locator('#export-path').fill(path);
    if (includeRestricted) await dialog.getByText('Include H2 and TLP:RED values').click();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const result = dialog.getByTestId('export-result');
    await expect(result).toBeVisible();
    return { dialog, result };
  };

  // ANX: the warning says what was left out; the file has the people and links, not the passport.
  const anx = await exportAs('anx', out('porto.anx'));
  await expect(anx.dialog.getByTestId('export-restricted')).toHaveCount(0);
  await expect(anx.result).toContainText('Exported 3 entities and 2 links');
  await expect(anx.result).toContainText('1 value graded H2 or TLP:RED (not to be disseminated) was left out');
  await expect(anx.result).toContainText(out('porto.anx'));
  await app.shot('interchange-01-export-anx-withheld');
  const anxText = readFileSync(out('porto.anx'), 'utf8');
  for (const name of ['Marco Rossi', 'Luca Bianchi', 'Porto Servizi Srl', 'cousin']) expect(anxText).toContain(name);
  expect(anxText.match(/<Link /g)).toHaveLength(2);
  expect(anxText).not.toContain('YA1234567');
  await anx.dialog.locator('.bp6-dialog-footer').getByRole('button', { name: 'Close' }).click();

  // CSV: two tables, read back with a CSV parser.
  const csv = await exportAs('csv', out('porto.csv'));
  await expect(csv.result).toContainText(out('porto-links.csv'));
  await expect(csv.result).toContainText('1 value graded H2 or TLP:RED (not to be disseminated) was left out');
  const entities = parse(readFileSync(out('porto.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(entities.map((e) => e.caption).sort()).toEqual(['Luca Bianchi', 'Marco Rossi', 'Porto Servizi Srl']);
  expect(entities.find((e) => e.caption === 'Marco Rossi')).toMatchObject({ schema: 'Person', phone: '+393331234567' });
  expect(readFileSync(out('porto.csv'), 'utf8')).not.toContain('YA1234567');
  const links = parse(readFileSync(out('porto-links.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(links.map((l) => `${l.source} -${l.schema}-> ${l.target}`).sort()).toEqual(['Marco Rossi -Associate-> Luca Bianchi', 'Marco Rossi -Directorship-> Porto Servizi Srl']);
  await csv.dialog.locator('.bp6-dialog-footer').getByRole('button', { name: 'Close' }).click();

  // FtM JSON lines, GraphML and GEXF: the same three entities, no passport.
  const ftm = await exportAs('ftm', out('porto.ftm.jsonl'));
  await ftm.dialog.locator('.bp6-dialog-footer').getByRole('button', { name: 'Close' }).click();
  const lines = readFileSync(out('porto.ftm.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { schema: string; properties: Record<string, string[]> });
  expect(lines.filter((l) => l.schema === 'Person').flatMap((l) => l.properties.name).sort()).toEqual(['Luca Bianchi', 'Marco Rossi']);
  expect(lines.map((l) => l.schema).sort()).toEqual(['Associate', 'Company', 'Directorship', 'Person', 'Person']);
  for (const [format, file] of [
    ['graphml', 'porto.graphml'],
    ['gexf', 'porto.gexf'],
  ] as const) {
    const r = await exportAs(format, out(file));
    await expect(r.result).toContainText('Exported 3 entities and 2 links');
    await r.dialog.locator('.bp6-dialog-footer').getByRole('button', { name: 'Close' }).click();
    const text = readFileSync(out(file), 'utf8');
    expect(text).toContain('Porto Servizi Srl');
    expect(text).not.toContain('YA1234567');
  }
  expect(readFileSync(out('porto.ftm.jsonl'), 'utf8')).not.toContain('YA1234567');

  // Asked for, with the originator's consent: the passport goes, and the dialog says so loudly.
  const all = await exportAs('anx', out('porto-all.anx'), true);
  await expect(all.result).toContainText('This export INCLUDES 1 value graded H2 or TLP:RED');
  await expect(all.result).toContainText('Most restrictive marking written: H2');
  expect(readFileSync(out('porto-all.anx'), 'utf8')).toContain('YA1234567');
  await app.shot('interchange-02-export-including-h2');
  const log = await ok(app, 'audit.list', { limit: 10 });
  expect(log.rows.filter((r) => r.action === 'export')).toHaveLength(6);
});

test('an export of a big case shows its progress in the dialog; Cancel leaves no file', async ({ app }) => {
  await ok(app, 'case.create', { path: join(app.dataDir, 'big.cordon'), passphrase: PASS, name: 'Big calls', bureau: 'GB' });
  const { csv, spec } = callsFile(app, 'big.csv', 24_000, 6000);
  await ok(app, 'import.run', { path: csv, format: 'csv', spec: JSON.parse(readFileSync(spec, 'utf8')) as Input<'import.run'>['spec'] });
  await app.open();
  const before = readdirSync(app.dataDir).sort();

  const dialog = await openExport(app);
  await dialog.locator('#export-path').fill(join(app.dataDir, 'big.anx'));
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const job = dialog.getByTestId('job-row');
  await expect(job).toContainText('Export of big.anx');
  await expect(job).toHaveAttribute('data-state', 'running');
  // Running: the dialog cannot be closed under the job, only the job cancelled.
  await expect(dialog.locator('.bp6-dialog-footer').getByRole('button', { name: 'Close' })).toBeDisabled();
  await expect(job.locator('.job-count')).toContainText(/\d+ \/ \d+/);
  // The options cannot change under a running export.
  await expect(dialog.locator('#export-format')).toBeDisabled();
  await expect(dialog.locator('#export-include-restricted')).toBeDisabled();
  await app.shot('interchange-03-export-progress');
  await cancelJob(job);
  await expect(dialog.getByText('The export was cancelled; no file was written.')).toBeVisible();
  await expect(job).toHaveAttribute('data-state', 'cancelled');
  await expect(dialog.locator('#export-format')).toBeEnabled();
  await app.shot('interchange-04-export-cancelled');
  expect(readdirSync(app.dataDir).sort()).toEqual(before);
  expect((await ok(app, 'audit.list', { limit: 5 })).rows.filter((r) => r.action === 'export')).toHaveLength(0);
  await dialog.locator('.bp6-dialog-footer').getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('an import cancelled mid-way from the progress panel writes nothing and leaves no trace in the history', async ({ app }) => {
  const { page } = app;
  await ok(app, 'case.create', { path: join(app.dataDir, 'cancel.cordon'), passphrase: PASS, name: 'Cancelled intake', bureau: 'GB' });
  await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Already here'] } });
  // 200,000 calls: several seconds of rows even on a fast machine, so the cancel below lands while
  // rows are going in and not in the final COMMIT (which no cancel can stop: the panel then shows
  // the job saving, without a Cancel button).
  const { csv, spec } = callsFile(app, 'many.csv', 200_000, 200);
  await app.open();

  await page.locator('.rail').getByRole('button', { name: /Import/ }).click();
  await page.locator('#import-path').fill(csv);
  await page.locator('#import-spec-path').fill(spec);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByText(`Specification loaded from ${spec}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('#map-entity-1-key')).toHaveValue('receiver');
  await page.getByRole('button', { name: 'Preview what will be created' }).click();
  await expect(page.getByTestId('import-dry')).toBeVisible();
  await page.getByRole('button', { name: 'Run the import' }).click();

  const job = page.locator('.jobs-panel').getByTestId('job-row').filter({ hasText: 'Import of many.csv' });
  await expect(job).toHaveAttribute('data-state', 'running');
  await expect(page.getByText('Importing… the progress bar and Cancel are in the panel below.')).toBeVisible();
  // Wait until rows are really going in, so the cancel is mid-way and not before the start.
  await expect(job.locator('.job-count')).toContainText(/^[1-9][\d,]* \/ /);
  // A cancel lands when the import yields, between batches of rows.
  await cancelJob(job);
  await expect(page.getByText('Import cancelled')).toBeVisible();
  await expect(page.getByText('The import is one transaction: nothing from this file was written.')).toBeVisible();
  await expect(job).toHaveAttribute('data-state', 'cancelled');
  // The bar is empty at once: no width transition left over from the running bar beside a count of 0.
  expect(await job.locator('.bp6-progress-meter').evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
  await expect(job.locator('.bp6-progress-meter')).toHaveCSS('width', '0px');
  await app.shot('interchange-05-import-cancelled');

  expect((await ok(app, 'case.info', {}))!.entities).toBe(1);
  expect(await ok(app, 'import.list', {})).toEqual([]);
  await expect(page.locator('.import-history')).toHaveCount(0);
  await page.locator('.rail').getByRole('button', { name: /Entities/ }).click();
  await expect(page.getByTestId('entity-count')).toHaveAttribute('data-count', '1');
});

test('a job saving its result shows Saving without a Cancel, then Done', async ({ app }) => {
  const { page } = app;
  await ok(app, 'case.create', { path: join(app.dataDir, 'saving.cordon'), passphrase: PASS, name: 'Saving', bureau: 'GB' });
  await app.open();
  // The core's own progress events for one job, as they arrive over the bridge (in the app the
  // core runs in its worker thread, so "saving" shows for as long as the COMMIT takes).
  const job = '6f1c2a4e-8d3b-4f5a-9c7e-2b1d0e9f8a76';
  const emit = (state: string, done: number) =>
    page.evaluate(([s, d, id]) => (window as unknown as { __cordonEmit(e: string, p: unknown): void }).__cordonEmit('progress', { job: id, label: 'Import of calls.csv', done: d, total: 100, state: s }), [state, done, job] as const);
  const row = page.locator('.jobs-panel').getByTestId('job-row');
  await emit('running', 40);
  await expect(row).toHaveAttribute('data-state', 'running');
  await expect(row.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await emit('saving', 100);
  await expect(row).toHaveAttribute('data-state', 'saving');
  await expect(row.locator('.job-state')).toHaveText('Saving');
  await expect(row.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await app.shot('interchange-06-import-saving');
  // A late throttled "running" event does not bring the Cancel back; the end does.
  await emit('running', 90);
  await expect(row.locator('.job-state')).toHaveText('Saving');
  await emit('done', 100);
  await expect(row).toHaveAttribute('data-state', 'done');
  await expect(row.locator('.job-state')).toHaveText('Done');
});
