import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './bridge';
import { openDemoCase } from './helpers';

const PASS = 'quay lantern harbour tide 1987';

test('opening: wrong passphrase, not a case, missing file, existing file, then the right passphrase', async ({ app }) => {
  const { page, core } = app;
  const path = join(app.dataDir, 'existing.cordon');
  // A case made earlier (through the same core the UI talks to), then closed.
  expect((await core.call('case.create', { path, passphrase: PASS, name: 'Existing case', bureau: 'FR_NCB' })).ok).toBe(true);
  expect((await core.call('case.close', {})).ok).toBe(true);
  await app.open();

  const open = page.locator('.start-card', { has: page.getByRole('heading', { name: 'Open a case' }) });
  // The recent list offers the file; picking it fills the path.
  await open.getByRole('button', { name: /existing\.cordon/ }).click();
  await expect(page.locator('#open-path')).toHaveValue(path);
  await expect(page.locator('#open-pass')).toBeFocused();

  await page.locator('#open-pass').fill('wrong passphrase');
  await open.getByRole('button', { name: 'Open case' }).click();
  await expect(open.getByRole('alert')).toHaveAttribute('data-code', 'WRONG_PASSPHRASE');
  await expect(open.getByRole('alert')).toContainText('Wrong passphrase');
  await app.shot('13-start-wrong-passphrase');

  const junk = join(app.dataDir, 'notes.cordon');
  writeFileSync(junk, 'shopping list: bread, milk\n'.repeat(200));
  await page.locator('#open-path').fill(junk);
  await page.locator('#open-pass').fill(PASS);
  await open.getByRole('button', { name: 'Open case' }).click();
  await expect(open.getByRole('alert')).toHaveAttribute('data-code', 'NOT_A_CASE');
  await expect(open.getByRole('alert')).toContainText('not a Cordon case');

  await page.locator('#open-path').fill(join(app.dataDir, 'nowhere.cordon'));
  await open.getByRole('button', { name: 'Open case' }).click();
  await expect(open.getByRole('alert')).toHaveAttribute('data-code', 'FILE_NOT_FOUND');

  // Creating over an existing file is refused.
  const create = page.locator('.start-card', { has: page.getByRole('heading', { name: 'New case' }) });
  await page.locator('#create-path').fill(path);
  await page.locator('#create-name').fill('Clobber');
  await page.locator('#create-bureau').fill('FR_NCB');
  await page.locator('#create-pass').fill(PASS);
  await page.locator('#create-pass2').fill(PASS);
  await create.getByRole('button', { name: 'Create case' }).click();
  await expect(create.getByRole('alert')).toHaveAttribute('data-code', 'FILE_EXISTS');
  await app.shot('14-start-errors');

  // Browse… asks the host; the bridge's host answers "cancelled", which leaves the path alone.
  await open.getByRole('button', { name: 'Browse…' }).click();
  await expect(page.locator('#open-path')).toHaveValue(join(app.dataDir, 'nowhere.cordon'));

  await page.locator('#open-path').fill(path);
  await page.locator('#open-pass').fill(PASS);
  await page.locator('#open-pass').press('Enter');
  await expect(page.locator('.top-bar .case-name')).toHaveText('Existing case');
});

test('the demo case opens on its chart, then lists its 107 actors', async ({ app }) => {
  const { page } = app;
  await openDemoCase(app);
  // The first impression is the network: the CAVIAR chart, laid out, sized by betweenness.
  await expect(page.getByRole('tab', { name: /CAVIAR network/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.chart-count')).toContainText(/^107 entities · \d+ links/, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Style' }).click();
  await expect(page.getByRole('menuitem', { name: 'Clear styling rules' })).not.toHaveClass(/disabled/);
  await page.keyboard.press('Escape');
  // The betweenness sizes arrive from the analysis; give the chart its frame.
  await page.waitForTimeout(1500);
  await app.shot('15-demo-chart');

  await page.locator('.rail').getByRole('button', { name: /^Entities/ }).click();
  await expect(page.getByTestId('entity-count')).toHaveAttribute('data-count', '107');
  await expect(page.getByTestId('entity-count')).toHaveText('107 entities');
  await expect(page.locator('.rail')).toContainText('107');
  await app.shot('15-demo-case');

  // An actor's page: its calls, each other endpoint clickable.
  await page.locator('.entity-row').first().click();
  await expect(page.locator('#entity-title')).not.toBeEmpty();
  const first = await page.locator('#entity-title').textContent();
  await expect(page.locator('.links-table tbody tr').first()).toBeVisible();
  await page.locator('.links-table .link-other').first().click();
  await expect(page.locator('#entity-title')).not.toHaveText(first ?? '');
  await app.shot('16-demo-entity-page');

  // A call link's own page: endpoints and weighted, dated properties with their provenance.
  await page.locator('.links-table tbody tr').first().getByRole('button').first().click();
  await expect(page.locator('.entity-section.endpoints')).toBeVisible();
  // Weighted (a count of calls, the same as its weight) and dated (the phase's months), each with its source.
  const table = page.locator('.property-table');
  const count = (await table.locator('tr[data-prop=count] .property-value').first().textContent())!.trim();
  expect(Number(count)).toBeGreaterThan(0);
  await expect(table.locator('tr[data-prop=weight] .property-value').first()).toHaveText(count);
  await expect(table.locator('tr[data-prop=startDate] .property-value').first()).toHaveText(/^\w* ?\d{4}|^\d{4}-\d{2}/);
  await expect(table.locator('tr[data-prop=endDate] .property-value').first()).toHaveText(/\d{4}/);
  await expect(table.locator('tr[data-prop=count] .property-provenance').first()).toContainText(/CAVIAR|phase|A2/i);
  await app.shot('17-demo-link-page');
});
