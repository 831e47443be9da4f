import { join } from 'node:path';
import { expect, test } from './bridge';
import { chartState, ok } from './helpers';

// The case's own types (issue 24) through the real renderer and core: define "Safe house" on the
// Types page with its own icon, colour, label and a property; create one; see it on the chart with
// its label, colour and icon.

const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><path fill="#ffffff" d="M10 2 L18 9 H15 V18 H5 V9 H2 Z"/></svg>';

test('define a type with an icon, create an entity of it, and see its label, colour and icon on the chart', async ({ app }) => {
  test.setTimeout(180_000);
  const { page, core } = app;
  expect((await core.call('case.create', { path: join(app.dataDir, 'types.cordon'), passphrase: 'types e2e passphrase 2024', name: 'Harbour', bureau: 'NL' })).ok).toBe(true);
  await app.open();

  await page.locator('.rail').getByRole('button', { name: 'Types' }).click();
  await expect(page.getByText('Only the built-in types')).toBeVisible();
  await page.getByRole('button', { name: 'New type' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name', { exact: true }).fill('Safe house');
  await dialog.locator('#type-parent').selectOption('Address');
  await dialog.locator('#type-color').fill('#aa3300');
  await dialog.locator('#type-icon').setInputFiles({ name: 'safe-house.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(ICON) });
  await expect(dialog.getByText('safe-house.svg chosen')).toBeVisible();
  await dialog.getByLabel('Label', { exact: true }).fill('{Code name} ({city})');
  await dialog.getByRole('button', { name: 'Add a property' }).click();
  await dialog.getByLabel('Property name').fill('Code name');
  await dialog.getByLabel('Datatype').selectOption('identifier');
  await dialog.getByText('Required').click();
  await app.shot('types-01-new-type');
  await dialog.getByRole('button', { name: 'Create type' }).click();
  await expect(dialog).toBeHidden();
  const row = page.locator('.types-view tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Safe house');
  await expect(row).toContainText('Code name: identifier *');
  await expect(row).toContainText('{Code name} ({city})');
  await app.shot('types-02-list');

  // A name a built-in has is refused, with the core's reason; nothing is added.
  await page.getByRole('button', { name: 'New type' }).first().click();
  await dialog.getByLabel('Name', { exact: true }).fill('vehicle');
  await dialog.getByRole('button', { name: 'Create type' }).click();
  await expect(dialog).toContainText('is the name of the built-in type Vehicle');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toHaveCount(1);

  // An entity of the new type, from the entity form: the type is offered, its properties asked.
  await page.locator('.rail').getByRole('button', { name: /Entities/ }).click();
  await page.getByRole('button', { name: 'New entity' }).first().click();
  const form = page.getByRole('dialog');
  await form.locator('#new-entity-type').selectOption({ label: 'Safe house' });
  await form.getByLabel(/^Code name/).fill('KESTREL');
  await form.getByLabel(/^City/).fill('Rotterdam');
  await form.getByRole('button', { name: 'Create Safe house' }).click();
  await expect(form).toBeHidden();
  const found = await ok(core, 'search', { query: 'KESTREL' });
  expect(found[0]).toMatchObject({ caption: 'KESTREL (Rotterdam)' });

  // On a chart: its label from the template, the type's colour and its own icon.
  await page.locator('.rail').getByRole('button', { name: /Charts/ }).click();
  await page.getByLabel('New chart name').fill('Safe houses');
  await page.getByRole('button', { name: 'New chart' }).click();
  await page.getByTestId('chart-canvas').click();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('KESTREL');
  await page.locator('.chart-add-results').getByText('KESTREL (Rotterdam)').click();
  await expect.poll(async () => (await chartState(page)).nodes.map((n) => n.label)).toEqual(['KESTREL (Rotterdam)']);
  const data = await page.evaluate(() => {
    const el = document.querySelector('[data-testid=chart-canvas]') as unknown as { _cyreg: { cy: import('cytoscape').Core } };
    const n = el._cyreg.cy.nodes().not('.group, .ghost').first();
    return { colour: String(n.data('colour')), icon: String(n.data('icon')) };
  });
  expect(data.colour).toBe('#aa3300');
  expect(decodeURIComponent(data.icon)).toContain('M10 2 L18 9');
  await page.getByRole('button', { name: 'Fit the chart' }).click();
  await app.shot('types-03-chart');
});
