import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type CordonApp } from './bridge';
import { ok } from './helpers';

// A plan shared by a participating bureau (issue 7) as France sees it: read-only under Operations →
// Received plans, its target shown as the entity that arrived in the same package. Spain chooses
// the plan in the export dialog; the rest of the exchange is set up through the core (issue 6's
// e2e covers it on the screen); the bridge has one core, so the two cases take turns in it.

const PASS = 'received plans e2e passphrase';

async function spainWithAPlan(app: CordonApp): Promise<{ usb: string; frFile: string; pkg: string }> {
  const usb = join(app.dataDir, 'usb');
  mkdirSync(usb);
  const frFile = join(app.dataDir, 'fr.cordon');
  await ok(app, 'case.create', { path: frFile, passphrase: PASS, name: 'FR — Clan del Norte', bureau: 'FR' });
  await ok(app, 'officer.init', { bureau: 'FR', name: 'Benoît Martin', role: 'Contact officer', languages: ['fr'], country: 'France', bureauName: 'OCRGDF' });
  await ok(app, 'officer.exportCard', { path: join(usb, 'fr-card.json') });
  await ok(app, 'case.close', {});

  await ok(app, 'case.create', { path: join(app.dataDir, 'es.cordon'), passphrase: PASS, name: 'ES — Operación Niebla', bureau: 'ES' });
  await ok(app, 'officer.init', { bureau: 'ES', name: 'Ana García', role: 'Contact officer', languages: ['es'], country: 'Spain', bureauName: 'UCO' });
  await ok(app, 'officer.importCard', { path: join(usb, 'fr-card.json'), verified: true });
  await ok(app, 'officer.exportCard', { path: join(usb, 'es-card.json') });
  const src = await ok(app, 'source.create', { title: 'Guardia Civil report 118', scheme: 'eu4x4', grade: 'B2', tlp: 'GREEN' });
  const carlos = await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Carlos Ruiz'] }, sourceId: src.id });
  const op = await ok(app, 'operation.create', { name: 'Tide', codeWord: 'NEPTUNE', leadBureau: 'ES', bureaus: ['FR'] });
  await ok(app, 'operation.addTargets', { id: op.id, targets: [{ entityId: carlos.id, bureau: 'FR', reason: 'runs the Lyon warehouse' }] });
  await ok(app, 'operation.addPhase', { operationId: op.id, name: 'Surveillance', start: '2031-03-01', end: '2031-03-20' });
  return { usb, frFile, pkg: join(usb, 'es-to-fr-plan.cordonpkg') };
}

async function franceKnowsSpain(app: CordonApp, usb: string, frFile: string): Promise<void> {
  await ok(app, 'case.close', {});
  await ok(app, 'case.open', { path: frFile, passphrase: PASS });
  await ok(app, 'officer.importCard', { path: join(usb, 'es-card.json'), verified: true });
}

test('a plan received from a participating bureau is listed read-only with its target mapped', async ({ app }) => {
  const { page } = app;
  const { usb, frFile, pkg } = await spainWithAPlan(app);

  // Spain shares the plan from the export dialog: the plan is chosen beside the recipient, and
  // the handling review says what of it goes.
  await app.open();
  await page.locator('.rail').getByRole('button', { name: 'Packages' }).click();
  await page.getByRole('button', { name: 'Export a package…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.recipient-list li', { hasText: 'Benoît Martin' }).locator('label.bp6-checkbox').click();
  await dialog.locator('.plan-picker li', { hasText: 'Tide (NEPTUNE)' }).locator('label.bp6-checkbox').click();
  await expect(dialog.getByRole('checkbox', { name: /Tide \(NEPTUNE\)/ })).toBeChecked();
  await dialog.locator('#export-folder').fill(usb);
  await dialog.locator('#export-name').fill('es-to-fr-plan.cordonpkg');
  await dialog.getByRole('button', { name: 'Review handling' }).click();
  await expect(dialog.locator('.review-plans')).toHaveText('Plans: Tide (NEPTUNE): 1 target sent, 0 withheld');
  await app.shot('received-plans-00-export');
  await dialog.getByRole('button', { name: 'Write package' }).click();
  await expect(dialog.getByTestId('export-done')).toContainText(pkg);

  await franceKnowsSpain(app, usb, frFile);
  await page.reload();
  await expect(page.locator('.top-bar .case-name')).toHaveText('FR — Clan del Norte');
  // France sees the plan in the preview before importing, and in the import's figures after.
  await page.locator('.rail').getByRole('button', { name: 'Packages' }).click();
  await page.getByRole('button', { name: 'Import a package…' }).click();
  const importing = page.getByRole('dialog');
  await importing.locator('#import-path').fill(pkg);
  await importing.getByRole('button', { name: 'Verify' }).click();
  const plans = importing.getByTestId('import-preview').locator('.preview-plans');
  await expect(plans).toContainText('1 operation plan shared with this bureau');
  await expect(plans.locator('li')).toHaveText(['Tide (NEPTUNE), led by ES: 1 target']);
  await plans.scrollIntoViewIfNeeded();
  await app.shot('received-plans-00b-preview');
  await importing.getByRole('button', { name: 'Accept all' }).click();
  await expect(importing.getByTestId('import-done')).toContainText('1 operation plan received (Operations → Received plans)');
  await importing.locator('.bp6-dialog-footer').getByRole('button', { name: 'Close' }).click();
  await page.locator('.rail').getByRole('button', { name: 'Operations' }).click();
  await page.getByRole('tab', { name: 'Received plans' }).click();
  const row = page.locator('.received-plan-table tbody tr', { hasText: 'Tide' });
  await expect(row).toContainText('NEPTUNE');
  await expect(row).toContainText('ES');
  const plan = page.getByRole('article', { name: 'Tide' });
  await expect(plan).toContainText('Received from Ana García (ES)');
  await expect(plan.locator('.received-plan-targets li')).toHaveText([/Carlos Ruiz\s+FR\s+runs the Lyon warehouse/]);
  await expect(plan).toContainText('Surveillance');
  // Read-only: no edit or status controls on a received plan.
  await expect(plan.getByRole('button')).toHaveCount(0);
  await app.shot('received-plans-01');

  // France plans its own raid on the same man: deconfliction names Spain's received plan beside it.
  const carlos = (await ok(app, 'entity.list', { schema: 'Person' })).items.find((e) => e.caption === 'Carlos Ruiz')!;
  const rhone = await ok(app, 'operation.create', { name: 'Rhône', leadBureau: 'FR' });
  await ok(app, 'operation.addTargets', { id: rhone.id, targets: [{ entityId: carlos.id, bureau: 'FR' }] });
  await page.getByRole('tab', { name: 'Deconfliction' }).click();
  const conflict = page.locator('.deconfliction-table tbody tr', { hasText: 'Carlos Ruiz' });
  await expect(conflict.locator('.decon-op')).toHaveText([/Rhône/, /Tide\s+plan received from ES\s+NEPTUNE/]);
  await expect(conflict.getByRole('button', { name: 'Rhône' })).toBeVisible();
  await expect(conflict.getByRole('button', { name: 'Tide' })).toHaveCount(0);
  await app.shot('received-plans-02-deconfliction');
});
