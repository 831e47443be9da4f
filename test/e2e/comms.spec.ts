import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './bridge';
import { chartState, ok } from './helpers';

// Call records through the import wizard (issue 17): a French operator's export with semicolons,
// recognised as call records from its headers; the mapping shown, one column the analyst places by
// hand, the case's time zone; the report with the row left out and why; the phones on a chart with
// their aggregated call links; a phone's top contacts, activity and events in the analysis panel
// and on its entity page.

const PASS = 'communications wizard passphrase 2024';

const A = '06 12 34 56 78';
const B = '06 98 76 54 32';
const C = '07 66 66 66 66';
const ROWS = [
  ['01/03/2024', '10:00:00', A, B, 'voix', '60'],
  ['01/03/2024', '11:00:00', A, B, 'SMS', '0'],
  ['02/03/2024', '09:30:00', B, A, 'voix', '125'],
  ['02/03/2024', '12:00:00', A, C, 'voix', '300'],
  ['04/03/2024', '08:15:00', A, B, 'voix', '45'],
  ['31/02/2024', '09:00:00', C, A, 'voix', '20'],
  ['05/03/2024', '22:40:00', C, B, 'voix', '30'],
];
const CDR = ['date;heure;appelant;appelé;type;secondes;commentaire', ...ROWS.map((r) => [...r, ''].join(';'))].join('\r\n');

test('a CDR through the wizard: recognised mapping, one column placed by hand, report, chart of phones, top contacts', async ({ app }) => {
  const { page } = app;
  await ok(app, 'case.create', { path: join(app.dataDir, 'cdr.cordon'), passphrase: PASS, name: 'Opération Fadettes', bureau: 'FR' });
  await ok(app, 'case.setRegion', { region: 'FR', timeZone: 'Europe/Paris' });
  const csv = join(app.dataDir, 'fadettes.csv');
  writeFileSync(csv, `${CDR}\r\n`, 'utf8');
  await app.open();

  // A .csv whose headers read as call records: the wizard offers "Call records".
  await page.locator('.rail').getByRole('button', { name: /Import/ }).click();
  await page.locator('#import-path').fill(csv);
  await expect(page.locator('#import-format')).toHaveValue('csv');
  const hint = page.getByTestId('cdr-hint');
  await expect(hint).toContainText('fadettes.csv looks like call records');
  await hint.getByRole('button', { name: 'Read it as call records' }).click();
  await expect(page.locator('#import-format')).toHaveValue('cdr');
  await app.shot('comms-01-file');
  await page.getByRole('button', { name: 'Next' }).click();

  // The recognised mapping, header → field; "secondes" is not recognised and is placed by hand.
  const mapping = page.getByTestId('cdr-mapping');
  await expect(page.getByTestId('cdr-detected')).toContainText('delimiter ;');
  await expect(page.locator('#cdr-field-caller')).toHaveValue('appelant');
  await expect(page.locator('#cdr-field-callee')).toHaveValue('appelé');
  await expect(page.locator('#cdr-field-date')).toHaveValue('date');
  await expect(page.locator('#cdr-field-time')).toHaveValue('heure');
  await expect(page.locator('#cdr-field-type')).toHaveValue('type');
  await expect(page.locator('#cdr-field-duration')).toHaveValue('');
  await expect(page.getByTestId('cdr-unplaced')).toHaveText('Columns not read: secondes, commentaire');
  await expect(page.locator('#cdr-tz')).toHaveValue('Europe/Paris');
  await expect(page.locator('#cdr-dayfirst')).toHaveValue('day');
  await expect(mapping.getByRole('table', { name: 'First rows of the file' }).locator('tbody tr')).toHaveCount(7);
  // Taking the caller's column away leaves a mapping that cannot read a call: said, and no import.
  await page.locator('#cdr-field-caller').selectOption('');
  await expect(page.getByTestId('cdr-missing')).toContainText('Choose the columns of the two numbers');
  await expect(page.getByRole('button', { name: 'Run the import' })).toBeDisabled();
  await page.locator('#cdr-field-caller').selectOption('appelant');
  await page.locator('#cdr-field-duration').selectOption('secondes');
  await expect(page.getByTestId('cdr-missing')).toHaveCount(0);
  await expect(page.getByTestId('cdr-unplaced')).toHaveText('Columns not read: commentaire');
  const durationRow = mapping.getByRole('table', { name: 'Columns of the call records' }).locator('tr', { has: page.locator('#cdr-field-duration') });
  await expect(durationRow).toContainText('chosen');
  await expect(mapping.getByRole('table', { name: 'Columns of the call records' }).locator('tr', { has: page.locator('#cdr-field-caller') })).toContainText('recognised');
  await app.shot('comms-02-mapping');
  expect((await ok(app, 'case.info', {}))!.entities).toBe(0);

  // The import and its report: 7 records, 6 events, the 31/02 row left out with its reason.
  await page.getByRole('button', { name: 'Run the import' }).click();
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  await expect(report).toContainText('times read in Europe/Paris');
  const figures = report.getByTestId('import-figures');
  await expect(figures.locator('[data-figure="records"] dd')).toHaveText('7');
  await expect(figures.locator('[data-figure="events"] dd')).toHaveText('6');
  await expect(figures.locator('[data-figure="skipped"] dd')).toHaveText('1');
  await expect(figures.locator('[data-figure="phones"] dd')).toHaveText('3');
  const skipped = report.getByRole('table', { name: 'Rows skipped and why' }).locator('tbody tr');
  await expect(skipped).toHaveCount(1);
  await expect(skipped.locator('td').first()).toHaveText('7');
  await expect(skipped.locator('td').nth(1)).toContainText('31/02/2024');
  await app.shot('comms-03-report');
  // Stored in UTC: 10:00 in Paris in March is 09:00 UTC.
  const page0 = await ok(app, 'comms.events', { a: '+33612345678', offset: 0, limit: 1, sort: 'start', desc: false });
  expect(page0.rows[0]!.start).toBe('2024-03-01T09:00:00Z');

  // The same file again is refused by its hash, with the choice to import it on purpose.
  await report.getByRole('button', { name: 'Import another file' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.locator('#cdr-field-duration').selectOption('secondes');
  await page.getByRole('button', { name: 'Run the import' }).click();
  await expect(page.locator('.cordon-error')).toContainText('fadettes.csv was already imported');
  await expect(page.getByRole('button', { name: 'Import it again anyway' })).toBeVisible();
  await app.shot('comms-04-already');
  await page.getByRole('button', { name: 'Start again' }).first().click();

  // On a chart: the three phones and their aggregated call links.
  await page.locator('.import-history').getByRole('button', { name: 'Open what fadettes.csv brought on a chart' }).click();
  await expect(page.getByRole('tab', { name: /Import: fadettes\.csv/ })).toBeVisible();
  const state = await chartState(page);
  expect(state.nodes.map((n) => n.label).sort()).toEqual(['+33 6 12 34 56 78', '+33 6 98 76 54 32', '+33 7 66 66 66 66']);
  // Aggregated links go from caller to receiver: A→B and B→A, A→C, C→B.
  expect(state.edges.map((e) => e.schema)).toEqual(['Call', 'Call', 'Call', 'Call']);
  await app.shot('comms-05-chart');

  // The phone selected on the chart: its top contacts in the analysis panel.
  const target = state.nodes.find((n) => n.label === '+33 6 12 34 56 78')!;
  const box = (await page.getByTestId('chart-canvas').boundingBox())!;
  await page.mouse.click(box.x + target.rx, box.y + target.ry);
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('tab', { name: 'Communications' }).click();
  const panel = page.getByTestId('comms-panel');
  await expect(page.locator('.comms-pick-phone')).toContainText('Phone selected on the chart: +33 6 12 34 56 78');
  const top = panel.getByRole('table', { name: 'Top contacts' }).locator('tbody tr');
  await expect(top).toHaveCount(2);
  // B: 4 events (3 calls, 1 SMS), 60 + 125 + 45 s; C: 1 call of 5 min.
  await expect(top.nth(0).locator('td')).toContainText(['+33 6 98 76 54 32', '4', '3', '1', '3 min, 50 sec']);
  await expect(top.nth(1).locator('td')).toContainText(['+33 7 66 66 66 66', '1', '1', '0', '5 min']);
  await expect(panel.getByTestId('comms-heat')).toBeVisible();
  await expect(panel.getByTestId('comms-days')).toBeVisible();
  await expect(panel.getByTestId('comms-events-total')).toHaveText('5 events');
  await app.shot('comms-06-panel');

  // A phone's entity page: the same panel; the events with one contact.
  await top.nth(0).getByRole('button', { name: 'Show the events with +33 6 98 76 54 32' }).click();
  await expect(panel.getByTestId('comms-events-total')).toHaveText('4 events');
  await expect(panel.getByTestId('comms-event-row')).toHaveCount(4);
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.locator('.rail').getByRole('button', { name: /Entities/ }).click();
  await page.locator('.entity-row', { hasText: '+33 7 66 66 66 66' }).click();
  const onPage = page.locator('.entity-page').getByTestId('comms-panel');
  await expect(onPage.getByRole('table', { name: 'Top contacts' }).locator('tbody tr')).toHaveCount(2);
  await expect(onPage.getByTestId('comms-events-total')).toHaveText('2 events');
  await app.shot('comms-07-entity');
});

test('people, not phones: the phones fold into their users and the calls are drawn between the people', async ({ app }) => {
  const { page } = app;
  await ok(app, 'case.create', { path: join(app.dataDir, 'fold.cordon'), passphrase: PASS, name: 'Opération Plis', bureau: 'FR' });
  await ok(app, 'case.setRegion', { region: 'FR', timeZone: 'Europe/Paris' });
  const csv = join(app.dataDir, 'fadettes.csv');
  writeFileSync(csv, `${CDR}\r\n`, 'utf8');
  await ok(app, 'comms.importCdr', { path: csv, mapping: { version: 1, columns: { caller: 'appelant', callee: 'appelé', date: 'date', time: 'heure', type: 'type', duration: 'secondes' } } });
  const src = await ok(app, 'source.create', { title: 'Subscriber check', scheme: 'eu4x4', grade: 'B2' });
  const marc = (await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Marc Dubois'] }, sourceId: src.id })).id;
  const lea = (await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Léa Martin'] }, sourceId: src.id })).id;
  await ok(app, 'link.create', { schema: 'UsesPhone', from: marc, to: 'phone-33612345678', properties: {}, sourceId: src.id });
  await ok(app, 'link.create', { schema: 'UsesPhone', from: lea, to: 'phone-33698765432', properties: {}, sourceId: src.id });
  await app.open();

  await page.locator('.rail').getByRole('button', { name: /Import/ }).click();
  await page.locator('.import-history').getByRole('button', { name: 'Open what fadettes.csv brought on a chart' }).click();
  await expect(page.getByRole('tab', { name: /Import: fadettes\.csv/ })).toBeVisible();
  const visible = () =>
    page.evaluate(() => {
      const el = document.querySelector('[data-testid=chart-canvas]') as unknown as { _cyreg: { cy: import('cytoscape').Core } };
      const cy = el._cyreg.cy;
      const shown = (x: import('cytoscape').SingularElementArgument) => x.style('display') !== 'none';
      const label = (id: string) => String(cy.getElementById(id).data('label'));
      return {
        nodes: cy.nodes().filter(shown).map((n) => String(n.data('label'))).sort(),
        edges: cy
          .edges()
          .filter(shown)
          .map((e) => `${label(e.data('source') as string)} > ${label(e.data('target') as string)}: ${String(e.data('label'))}`)
          .sort(),
      };
    });
  await expect.poll(async () => (await visible()).nodes).toEqual(['+33 6 12 34 56 78', '+33 6 98 76 54 32', '+33 7 66 66 66 66']);

  await page.getByRole('checkbox', { name: 'People, not phones' }).locator('xpath=..').click();
  // Marc and Léa join the chart; their phones fold into them; the third phone has no known user.
  await expect.poll(async () => (await visible()).nodes).toEqual(['+33 7 66 66 66 66', 'Léa Martin', 'Marc Dubois']);
  expect((await visible()).edges).toEqual([
    '+33 7 66 66 66 66 > Léa Martin: Call: 1 call',
    'Léa Martin > Marc Dubois: Call: 1 call',
    'Marc Dubois > +33 7 66 66 66 66: Call: 1 call',
    'Marc Dubois > Léa Martin: Call: 2 calls · 1 SMS',
  ]);
  await page.getByRole('button', { name: 'Fit the chart' }).click();
  await app.shot('comms-08-people-not-phones');
  // Saved with the chart: the switch, and the two people now on it (the phones stay on it too).
  const saved = async () => {
    const [chart] = (await ok(app, 'chart.list', {})).filter((c) => c.name.includes('fadettes.csv'));
    const open = await ok(app, 'chart.open', { id: chart!.id });
    return { fold: open.chart.settings.foldPhones ?? false, items: open.nodes.length };
  };
  await expect.poll(saved).toEqual({ fold: true, items: 5 });

  // Off again: the phones where they were, the people stay on the chart with their phones.
  await page.getByRole('checkbox', { name: 'People, not phones' }).locator('xpath=..').click();
  await expect.poll(async () => (await visible()).nodes).toEqual(['+33 6 12 34 56 78', '+33 6 98 76 54 32', '+33 7 66 66 66 66', 'Léa Martin', 'Marc Dubois']);
  expect((await visible()).edges.filter((e) => e.includes('Uses phone'))).toHaveLength(2);
  await expect.poll(saved).toEqual({ fold: false, items: 5 });
});

test('Arabic: a phone’s communications on its entity page, right to left', async ({ app }) => {
  const { page } = app;
  await ok(app, 'case.create', { path: join(app.dataDir, 'ar.cordon'), passphrase: PASS, name: 'Opération Levant', bureau: 'FR' });
  await ok(app, 'case.setRegion', { region: 'FR', timeZone: 'Europe/Paris' });
  const csv = join(app.dataDir, 'fadettes.csv');
  writeFileSync(csv, `${CDR}\r\n`, 'utf8');
  await ok(app, 'comms.importCdr', { path: csv, mapping: { version: 1, columns: { caller: 'appelant', callee: 'appelé', date: 'date', time: 'heure', type: 'type', duration: 'secondes' } } });
  await app.open();
  await page.getByTestId('settings-open').click();
  await page.locator('#settings-language').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('dialog').getByRole('button', { name: 'إغلاق' }).click();
  await page.locator('.rail button').first().click();
  await page.locator('.entity-row', { hasText: '+33 6 12 34 56 78' }).click();
  const panel = page.locator('.entity-page').getByTestId('comms-panel');
  await expect(page.locator('.entity-page')).toContainText('الاتصالات');
  await expect(panel.getByRole('table', { name: 'أبرز جهات الاتصال' }).locator('tbody tr')).toHaveCount(2);
  await expect(panel.getByTestId('comms-heat')).toBeVisible();
  await panel.getByTestId('comms-heat').scrollIntoViewIfNeeded();
  await app.shot('comms-09-entity-ar');
});
