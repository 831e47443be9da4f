import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type CordonApp } from './bridge';
import { chartState, ok } from './helpers';

// Every bureau's language (issue 22) through the screen: Arabic chosen in the settings (the whole
// layout mirrored, the rail on the right, names in their own script isolated beside Latin numbers),
// French at first start from the system's language, and the pseudo-locale (40% longer, accented)
// over the main screens for truncation. Screenshots in test/e2e/screenshots/i18n-*.png.

const PASS = 'i18n e2e passphrase 2026 harbour';

/** A case with names in Arabic, Cyrillic and Chinese beside Latin passport numbers, a chart, a meeting and an operation. */
async function setUpCase(app: CordonApp) {
  await ok(app, 'case.create', { path: join(app.dataDir, 'i18n.cordon'), passphrase: PASS, name: 'Opération Levant', bureau: 'FR' });
  const src = await ok(app, 'source.create', { title: 'تقرير عمّان 42', scheme: 'eu4x4', grade: 'B2', handling: 'H1', tlp: 'AMBER' });
  const ahmad = await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['أحمد الخطيب'], passportNumber: ['P1234567'], phone: ['+962 6 123 4567'] }, sourceId: src.id });
  const ivan = await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Иван Петров'], passportNumber: ['75 1234567'] }, sourceId: src.id });
  const wang = await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['王小明'] }, sourceId: src.id });
  const ring = await ok(app, 'entity.create', { schema: 'Organization', properties: { name: ['Levant ring'] }, sourceId: src.id });
  for (const p of [ahmad, ivan, wang]) await ok(app, 'link.create', { schema: 'Membership', from: p.id, to: ring.id, properties: {}, sourceId: src.id });
  const chart = await ok(app, 'chart.create', { name: 'Levant' });
  await ok(app, 'chart.save', {
    id: chart.id,
    upsert: [
      { entityId: ahmad.id, x: 0, y: 0 },
      { entityId: ivan.id, x: 260, y: 0 },
      { entityId: wang.id, x: 130, y: 220 },
      { entityId: ring.id, x: 130, y: 90 },
    ],
  });
  const meeting = await ok(app, 'meeting.create', { title: 'اجتماع عمّان', date: '2026-05-14', place: 'Amman', bureaus: ['FR', 'JO'] });
  await ok(app, 'meeting.addItem', { meetingId: meeting.id, title: 'Levant ring', entities: [ahmad.id, ivan.id] });
  const op = await ok(app, 'operation.create', { name: 'Levant', codeWord: 'CEDRE', leadBureau: 'FR', bureaus: ['FR', 'JO'] });
  await ok(app, 'operation.addTargets', { id: op.id, targets: [{ entityId: ahmad.id, reason: 'Organiser', bureau: 'JO' }] });
  const withPhase = await ok(app, 'operation.addPhase', { operationId: op.id, name: 'Surveillance', start: '2026-05-01', end: '2026-05-20' });
  await ok(app, 'operation.addTask', { operationId: op.id, phaseId: withPhase.phases[0]!.id, title: 'Observation', owner: 'JO', start: '2026-05-04', end: '2026-05-12' });
  await ok(app, 'operation.setActionDay', { id: op.id, date: '2026-05-21' });
  return { ahmad };
}

/** Clicks a rail module's button by its id (data-rail), whatever the language and whatever is added to the rail. */
async function railTo(page: Page, id: string) {
  await page.locator(`.rail > button[data-rail="${id}"]`).click();
}

/** The case's one chart, opened from the list unless its tab is already showing. */
async function openChart(page: Page) {
  if (await page.locator('.chart-list').isVisible()) await page.locator('.chart-list tbody tr button').first().click();
  await expect(page.locator('[data-testid=chart-canvas]')).toBeVisible();
}

const RAIL = { entities: 'entities', sources: 'sources', charts: 'charts', import: 'import', analysis: 'analysis', officers: 'officers', packages: 'packages', meetings: 'meetings', operations: 'operations' } as const;

/** The main screens, each shot as `${prefix}-NN-name`. */
async function walk(app: CordonApp, prefix: string) {
  const { page } = app;
  await railTo(page, RAIL.entities);
  await app.shot(`${prefix}-02-entities`);
  await page.locator('.entity-row', { hasText: 'أحمد الخطيب' }).click();
  await expect(page.locator('#entity-title')).toContainText('أحمد الخطيب');
  await app.shot(`${prefix}-03-entity-page`);
  await railTo(page, RAIL.sources);
  await app.shot(`${prefix}-04-sources`);
  await railTo(page, RAIL.charts);
  await openChart(page);
  await page.waitForTimeout(500);
  await app.shot(`${prefix}-05-chart`);
  await railTo(page, RAIL.import);
  await app.shot(`${prefix}-06-import`);
  await railTo(page, RAIL.analysis);
  await expect(page.locator('.analysis-panel')).toBeVisible();
  await app.shot(`${prefix}-07-analysis`);
  await railTo(page, RAIL.analysis);
  await railTo(page, RAIL.officers);
  await app.shot(`${prefix}-08-officers`);
  await railTo(page, RAIL.packages);
  await app.shot(`${prefix}-09-packages`);
  await railTo(page, RAIL.meetings);
  await app.shot(`${prefix}-10-meetings`);
  await railTo(page, RAIL.operations);
  await expect(page.locator('[data-testid=gantt]')).toBeVisible();
  await app.shot(`${prefix}-11-operations`);
}

test('Arabic: chosen in the settings, remembered, the layout mirrored, names isolated, the Gantt right to left', async ({ app }) => {
  const { page } = app;
  await app.open();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByTestId('settings-open').click();
  await page.locator('#settings-language').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('dialog')).toContainText('لغة الواجهة');
  // Arabic-Indic digits by default; Latin on request, shown at once.
  await expect(page.getByTestId('settings-time-zone')).toContainText('١٬٢٣٤٬٥٦٧٫٥');
  await page.getByRole('dialog').getByText('أرقام لاتينية', { exact: false }).click();
  await expect(page.getByTestId('settings-time-zone')).toContainText('1,234,567.5');
  await page.getByRole('dialog').getByText('أرقام عربية مشرقية', { exact: false }).click();
  await app.shot('i18n-ar-00-settings');
  await page.getByRole('dialog').getByRole('button', { name: 'إغلاق' }).click();
  await expect(page.getByRole('heading', { name: 'فتح قضية' })).toBeVisible();
  await app.shot('i18n-ar-01-start');

  // The choice stays with the workstation: a reload keeps Arabic.
  await setUpCase(app);
  await app.open();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.top-bar .case-name')).toHaveText('Opération Levant');

  // The rail sits on the right, the list beside it to its left.
  const viewport = page.viewportSize()!;
  const rail = (await page.locator('.rail').boundingBox())!;
  expect(rail.x).toBeGreaterThan(viewport.width / 2);
  expect(rail.x + rail.width).toBeGreaterThan(viewport.width - 4);
  await expect(page.locator('.rail > button').first()).toContainText('الكيانات');
  // Counts in Arabic-Indic digits.
  await expect(page.locator('.rail-count').first()).toHaveText('٤');

  await walk(app, 'i18n-ar');

  // On the entity page: the Arabic name and the Latin passport number each keep their own order.
  await railTo(page, RAIL.entities);
  await page.locator('.entity-row', { hasText: 'أحمد الخطيب' }).click();
  const passport = page.locator('.entity-page bdi.mono', { hasText: 'P1234567' });
  await expect(passport).toHaveCount(1);
  expect(await passport.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('isolate');
  await expect(page.locator('.entity-page bdi.value-text', { hasText: 'أحمد الخطيب' })).toHaveCount(1);

  // The chart canvas is not mirrored: Ahmad (x 0) is drawn left of Ivan (x 260).
  await railTo(page, RAIL.charts);
  await openChart(page);
  const canvasDir = await page.locator('[data-testid=chart-canvas]').evaluate((el) => getComputedStyle(el).direction);
  expect(canvasDir).toBe('ltr');
  const nodes = (await chartState(page)).nodes;
  const at = (label: string) => nodes.find((n) => n.label === label)!;
  expect(at('أحمد الخطيب').rx).toBeLessThan(at('Иван Петров').rx);

  // The Gantt runs right to left: the task starts later than its phase, so its bar sits further left.
  await railTo(page, RAIL.operations);
  const phaseBar = (await page.getByTestId('gantt-bar-phase').boundingBox())!;
  const taskBar = (await page.getByTestId('gantt-bar-task').boundingBox())!;
  expect(taskBar.x + taskBar.width).toBeLessThan(phaseBar.x + phaseBar.width);
});

test.describe('French from the system language', () => {
  test.use({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });

  test('first start follows navigator.languages; dates in the officer’s time zone, named', async ({ app }) => {
    const { page } = app;
    await app.open();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { name: 'Ouvrir une affaire' })).toBeVisible();
    await app.shot('i18n-fr-01-start');
    await setUpCase(app);
    await app.open();
    await expect(page.locator('.rail > button').first()).toContainText('Entités');
    const rail = (await page.locator('.rail').boundingBox())!;
    expect(rail.x).toBeLessThan(4);
    await walk(app, 'i18n-fr');
    await railTo(page, RAIL.sources);
    // Recorded just now, shown in Paris time with the zone's name.
    await expect(page.locator('.bp6-html-table tbody tr').first()).toContainText(/UTC\+[12]/);
  });
});

test('pseudo-locale: every main screen with strings 40% longer, for truncation and overlap', async ({ app }) => {
  const { page } = app;
  await page.addInitScript(() => localStorage.setItem('cordon.language', 'pseudo'));
  await app.open();
  await expect(page.getByRole('heading', { name: /^\[Öþéñ ȧ çȧšé/ })).toBeVisible();
  await app.shot('i18n-pseudo-01-start');
  await setUpCase(app);
  await app.open();
  await walk(app, 'i18n-pseudo');
  // The rail's labels fit: none is cut (its text is as wide as it needs).
  const cut = await page.locator('.rail > button .bp6-button-text').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
  expect(cut).toEqual([]);
});
