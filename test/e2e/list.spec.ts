import { join } from 'node:path';
import { expect, test } from './bridge';

const N = 3000;

test('the entity list is virtualised and loads pages as it scrolls', async ({ app }) => {
  const { page, core } = app;
  expect((await core.call('case.create', { path: join(app.dataDir, 'big.cordon'), passphrase: 'big list of many entities 2024', name: 'Big list', bureau: 'DE_BKA' })).ok).toBe(true);
  for (let i = 1; i <= N; i++) {
    const r = await core.call('entity.create', { schema: i % 3 === 0 ? 'Company' : 'Person', properties: { name: [`Subject ${String(i).padStart(5, '0')}`] } });
    expect(r.ok).toBe(true);
  }
  await app.open();
  await expect(page.getByTestId('entity-count')).toHaveAttribute('data-count', String(N));
  // Only the rows in view (plus overscan) are in the DOM.
  expect(await page.locator('.entity-row').count()).toBeLessThan(80);

  const scroller = page.locator('.list-scroller');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.locator('.entity-row', { hasText: `Subject ${String(N).padStart(5, '0')}` })).toBeVisible();
  await expect(page.locator('.entity-row.loading')).toHaveCount(0);
  expect(await page.locator('.entity-row').count()).toBeLessThan(80);

  // The type filter asks the core for that type only.
  await page.locator('.list-filters select').selectOption('Company');
  await expect(page.getByTestId('entity-count')).toHaveAttribute('data-count', String(N / 3));
  // The text filter shows search results.
  await page.locator('.list-filters').getByRole('searchbox').fill('Subject 01500');
  await expect(page.locator('.entity-row')).toHaveCount(1);
  await expect(page.locator('.entity-row')).toContainText('Subject 01500');
  await app.shot('18-list-filtered');

  // Arabic is planned: with the document right-to-left, the layout mirrors (logical CSS only).
  await page.locator('.entity-row').click();
  const width = page.viewportSize()!.width;
  const ltr = (await page.locator('.rail').boundingBox())!;
  expect(ltr.x).toBeLessThan(2);
  await page.evaluate(() => (document.documentElement.dir = 'rtl'));
  // The rail moves to the right edge, the same size.
  await expect.poll(async () => Math.round((await page.locator('.rail').boundingBox())!.x + ltr.width)).toBeGreaterThanOrEqual(width - 2);
  const rtl = (await page.locator('.rail').boundingBox())!;
  expect(rtl.x + rtl.width).toBeLessThanOrEqual(width + 1);
  expect(rtl.width).toBeCloseTo(ltr.width, 0);
  await app.shot('19-rtl-layout');
});
