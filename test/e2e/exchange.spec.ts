import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type CordonApp } from './bridge';
import { ok } from './helpers';

// Two workstations in one test (issue 6): Spain (ES) and France (FR), each its own case file and
// officer. The bridge has one core, so the two cases take turns in it: identities live in each
// case file. Setup that is not the subject (B's identity, cards handed over) goes through the
// core; the identity of A, the card exchange and verification, the export with its handling
// review, the import with its preview, the receipt and a refused package go through the screen.

const PASS = 'exchange e2e passphrase 2024';

/** The French workstation: its case, its officer, its card on the "drive". */
async function setUpFrance(app: CordonApp, usb: string): Promise<{ file: string; card: string; fingerprint: string }> {
  const file = join(app.dataDir, 'fr.cordon');
  await ok(app, 'case.create', { path: file, passphrase: PASS, name: 'FR — Clan del Norte', bureau: 'FR' });
  await ok(app, 'officer.init', { bureau: 'FR', name: 'Benoît Martin', role: 'Contact officer', languages: ['fr', 'en'], country: 'France', bureauName: 'OCRGDF' });
  // FR already knows Carlos Ruiz: the preview must show the match.
  const src = await ok(app, 'source.create', { title: 'FR surveillance log 3', scheme: 'eu4x4', grade: 'B2', tlp: 'GREEN' });
  await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Carlos Ruiz'] }, sourceId: src.id });
  const card = join(usb, 'fr-card.json');
  const written = await ok(app, 'officer.exportCard', { path: card });
  await ok(app, 'case.close', {});
  return { file, card, fingerprint: written.fingerprintGroups };
}

/** The Spanish case: an open source and an H2 ("not to be disseminated") one. */
async function setUpSpain(app: CordonApp): Promise<string> {
  const file = join(app.dataDir, 'es.cordon');
  await ok(app, 'case.create', { path: file, passphrase: PASS, name: 'ES — Operación Niebla', bureau: 'ES' });
  const open = await ok(app, 'source.create', { title: 'Guardia Civil report 118', scheme: 'eu4x4', grade: 'B2', tlp: 'GREEN' });
  const h2 = await ok(app, 'source.create', { title: 'Protected informant 7', scheme: 'eu4x4', grade: 'A1', handling: 'H2', tlp: 'AMBER' });
  const carlos = await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Carlos Ruiz'], nationality: ['es'] }, sourceId: open.id });
  const clan = await ok(app, 'entity.create', { schema: 'Organization', properties: { name: ['Clan del Norte'] }, sourceId: open.id });
  await ok(app, 'link.create', { schema: 'Membership', from: carlos.id, to: clan.id, properties: { role: ['lieutenant'] }, sourceId: open.id });
  await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Witness Lucía'] }, sourceId: h2.id });
  return file;
}

test('two bureaus: identity, cards, export with the handling review, import with the preview, receipt, a refused package', async ({ app }) => {
  const { page } = app;
  const usb = join(app.dataDir, 'usb');
  mkdirSync(usb);
  const fr = await setUpFrance(app, usb);
  await setUpSpain(app);
  await app.open();
  await expect(page.locator('.top-bar .case-name')).toHaveText('ES — Operación Niebla');
  const rail = page.locator('.rail');

  // --- ES: my identity (keys generated in the case), my card on the drive.
  await rail.getByRole('button', { name: 'Officers' }).click();
  await expect(page.getByText('This workstation has no officer identity yet')).toBeVisible();
  await page.getByRole('button', { name: 'Set up my identity…' }).click();
  let dialog = page.getByRole('dialog');
  await expect(dialog.locator('#me-bureau')).toHaveValue('ES');
  await dialog.locator('#me-country').fill('Spain');
  await dialog.locator('#me-bureau-name').fill('Guardia Civil — UCO');
  await dialog.locator('#me-name').fill('Ana García');
  await dialog.locator('#me-role').fill('Contact officer, organised crime');
  await dialog.locator('#me-languages').fill('es, en');
  await dialog.locator('#me-email').fill('ana.garcia@uco.example');
  await app.shot('exchange-01-identity-form');
  await dialog.getByRole('button', { name: 'Generate keys' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('me-name')).toContainText('Ana García');
  // Fingerprints are shown in groups of four.
  const myFp = (await page.locator('.identity-card [data-testid=fingerprint]').textContent())!.trim();
  expect(myFp).toMatch(/^[0-9a-f]{4}(\s+[0-9a-f]{4})+$/i);

  await page.getByRole('button', { name: 'Export my contact card…' }).click();
  dialog = page.getByRole('dialog');
  const cardA = join(usb, 'es-card.json');
  await dialog.locator('#card-path').fill(cardA);
  await dialog.getByRole('button', { name: 'Write card' }).click();
  await expect(dialog.getByText('Contact card written')).toBeVisible();
  await expect(dialog.getByTestId('fingerprint')).toHaveText(myFp);
  await app.shot('exchange-02-card-written');
  await dialog.locator('.bp6-dialog-footer').getByRole('button', { name: 'Close' }).click();

  // --- ES: France's card, then its fingerprint as read aloud by Benoît.
  await page.getByRole('button', { name: 'Import a contact card…' }).click();
  dialog = page.getByRole('dialog');
  await dialog.locator('#import-card-path').fill(fr.card);
  await dialog.getByRole('button', { name: 'Import card' }).click();
  await expect(dialog.getByText('Benoît Martin (FR) added to the directory')).toBeVisible();
  await expect(dialog.locator('.trust-tag')).toHaveText('Unverified');
  await dialog.getByRole('button', { name: 'Verify now…' }).click();
  dialog = page.getByRole('dialog');
  // A wrong reading is refused, never trusted.
  await dialog.locator('#verify-heard').fill('0000 1111 2222 3333');
  await dialog.getByRole('button', { name: 'Mark verified' }).click();
  await expect(dialog.getByRole('alert')).toContainText('does not match the key of Benoît Martin');
  await app.shot('exchange-03b-verify-dialog');
  await dialog.locator('#verify-heard').fill(fr.fingerprint.toUpperCase());
  await dialog.getByRole('button', { name: 'Mark verified' }).click();
  await expect(dialog).toBeHidden();
  const frRow = page.locator('.officer-table tbody tr', { hasText: 'Benoît Martin' });
  await expect(frRow.locator('.trust-tag')).toHaveText('Verified');
  await expect(frRow.locator('.trust-detail')).toContainText(/^on .+ by .+/);
  await app.shot('exchange-03-directory');

  // --- ES: a project with a contribution.
  await rail.getByRole('button', { name: 'Projects' }).click();
  await page.locator('.pane-header').getByRole('button', { name: 'New project' }).click();
  dialog = page.getByRole('dialog');
  await dialog.locator('#project-name').fill('EMPACT cocaine routes 2024');
  await dialog.locator('#project-scope').fill('Maritime cocaine imports through Atlantic ports, 2023–2024.');
  await dialog.locator('#project-bureaus').fill('es, fr, nl_ncb');
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('#project-title')).toHaveText('EMPACT cocaine routes 2024');
  await page.locator('#project-add-entity').fill('Clan');
  await page.locator('.picker-results').getByText('Clan del Norte').click();
  await page.locator('.add-to-project').getByRole('button', { name: 'Add' }).first().click();
  await expect(page.locator('.project-detail tbody tr')).toHaveCount(1);
  await expect(page.locator('.project-detail tbody tr')).toContainText('ES');
  await app.shot('exchange-04-projects');

  // --- ES: export to France, with the handling review before anything is written.
  await rail.getByRole('button', { name: 'Packages' }).click();
  await expect(page.getByText('No packages sent or received yet')).toBeVisible();
  await page.getByRole('button', { name: 'Export a package…' }).click();
  dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Write package' })).toBeDisabled();
  await dialog.locator('.recipient-list li', { hasText: 'Benoît Martin' }).locator('label.bp6-checkbox').click();
  await expect(dialog.getByRole('checkbox', { name: /Benoît Martin/ })).toBeChecked();
  await dialog.locator('#export-folder').fill(usb);
  await dialog.locator('#export-name').fill('es-to-fr-1.cordonpkg');
  await dialog.getByRole('button', { name: 'Review handling' }).click();
  const review = dialog.getByTestId('handling-review');
  await expect(review).toBeVisible();
  const withheld = review.locator('.withheld-table tbody tr');
  await expect(withheld.filter({ hasText: 'Protected informant 7' })).toContainText('H2 · not to be disseminated');
  await expect(withheld.filter({ hasText: 'Protected informant 7' })).toContainText('EU handling code H2: not to be disseminated without the permission of the originator (ES)');
  await expect(withheld.filter({ hasText: 'Witness Lucía' })).toContainText('Nothing releasable');
  await expect(review.locator('.review-summary')).toContainText('TLP:GREEN');
  await app.shot('exchange-05-handling-review');
  // Changing the choice makes the review stale: it must run again before writing.
  await dialog.locator('label.bp6-radio', { hasText: 'Changed since the last package to each recipient' }).click();
  await expect(review).toBeHidden();
  await expect(dialog.getByRole('button', { name: 'Write package' })).toBeDisabled();
  await dialog.locator('label.bp6-radio', { hasText: 'Everything in the case' }).click();
  await dialog.getByRole('button', { name: 'Review handling' }).click();
  await expect(review).toBeVisible();
  await dialog.getByRole('button', { name: 'Write package' }).click();
  await expect(dialog.getByTestId('export-done')).toBeVisible();
  await expect(dialog.getByTestId('export-done')).toContainText(join(usb, 'es-to-fr-1.cordonpkg'));
  await app.shot('exchange-06-export-written');
  await dialog.locator('.bp6-dialog-footer').getByRole('button', { name: 'Close' }).click();
  // The bottom panel: the job's last event says it is done (a cancelled or failed job never
  // reads as complete).
  await expect(page.locator('.jobs-panel [data-testid=job-row]')).toHaveAttribute('data-state', 'done');
  await expect(page.locator('.jobs-panel')).toContainText('Writing exchange package');
  await app.shot('exchange-06b-history-sent');
  await expect(page.locator('.history-table tbody tr')).toHaveCount(1);
  await expect(page.locator('.history-table tbody tr').first()).toContainText('Sent');
  await expect(page.locator('.history-table tbody tr').first()).toContainText('Benoît Martin (FR)');

  // --- Switch workstations: ES closes its case; FR receives ES's card (verified in person).
  await page.locator('.top-bar').getByRole('button', { name: 'Close case' }).click();
  await expect(page.locator('#open-path')).toBeVisible();
  await ok(app, 'case.open', { path: fr.file, passphrase: PASS });
  await ok(app, 'officer.importCard', { path: cardA, verified: true });
  await page.reload();
  await expect(page.locator('.top-bar .case-name')).toHaveText('FR — Clan del Norte');

  // --- FR: verify first, then the preview with matches; accept part of it.
  await rail.getByRole('button', { name: 'Packages' }).click();
  await page.getByRole('button', { name: 'Import a package…' }).click();
  dialog = page.getByRole('dialog');
  await dialog.locator('#import-path').fill(join(usb, 'es-to-fr-1.cordonpkg'));
  await dialog.getByRole('button', { name: 'Verify' }).click();
  const preview = dialog.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  const steps = preview.locator('.verify-steps li');
  expect(await steps.count()).toBeGreaterThanOrEqual(7);
  await expect(preview.locator('.verify-steps li[data-ok=false]')).toHaveCount(0);
  await expect(preview.locator('.verify-steps li[data-step=signer]')).toContainText('Signed with the verified key of Ana García');
  await expect(preview.getByTestId('package-sender')).toContainText('Ana García');
  await expect(preview.getByTestId('package-sender').locator('.trust-tag')).toHaveText('Verified');
  const carlosRow = preview.locator('.preview-items tbody tr', { hasText: 'Carlos Ruiz' });
  await expect(carlosRow).toContainText('Same name');
  await expect(preview.locator('.preview-items tbody')).not.toContainText('Witness Lucía');
  await app.shot('exchange-07-import-preview');
  await carlosRow.scrollIntoViewIfNeeded();
  await app.shot('exchange-07b-import-items');
  // Leave the organisation out: only Carlos Ruiz is accepted.
  await preview.locator('.preview-items tbody tr', { hasText: 'Clan del Norte' }).locator('label.bp6-checkbox').click();
  await dialog.getByRole('button', { name: 'Accept 1 entity' }).click();
  const done = dialog.getByTestId('import-done');
  await expect(done).toContainText('Imported from Ana García (ES)');
  // The receipt for Spain, on the same drive.
  await expect(done.locator('#receipt-path')).toHaveValue(/fr-receipt-to-es-.*\.cordonpkg$/);
  await done.getByRole('button', { name: 'Write receipt' }).click();
  await expect(done.getByTestId('receipt-written')).toBeVisible();
  const receiptPath = (await done.getByTestId('receipt-written').locator('.mono').innerText()).trim();
  expect(receiptPath.startsWith(usb)).toBe(true);
  await app.shot('exchange-08-import-done');
  await dialog.locator('.bp6-dialog-footer').getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('.history-table tbody tr', { hasText: 'Received' })).toContainText('accepted in part');

  // --- FR: a package with one flipped byte in its encrypted payload is refused, with its step.
  const bytes = readFileSync(join(usb, 'es-to-fr-1.cordonpkg'));
  // The tar header of payload.age sits on a 512-byte boundary; its data follows the header.
  let header = -1;
  for (let i = 0; i < bytes.length && header < 0; i += 512) if (bytes.subarray(i, i + 12).toString('latin1') === 'payload.age\0') header = i;
  expect(header).toBeGreaterThanOrEqual(0);
  const at = header + 512 + 200;
  bytes[at] = bytes[at]! ^ 1;
  writeFileSync(join(usb, 'es-to-fr-flipped.cordonpkg'), bytes);
  await page.getByRole('button', { name: 'Import a package…' }).click();
  dialog = page.getByRole('dialog');
  await dialog.locator('#import-path').fill(join(usb, 'es-to-fr-flipped.cordonpkg'));
  await dialog.getByRole('button', { name: 'Verify' }).click();
  const refusal = dialog.getByTestId('refusal');
  await expect(refusal).toHaveAttribute('data-step', 'payload-digest');
  await expect(refusal).toContainText('Refused at the check: Payload digest');
  await expect(refusal).toContainText('payload.age does not match the SHA-256 in the signed envelope');
  await expect(refusal.locator('.verify-steps li[data-ok=false]')).toHaveAttribute('data-step', 'payload-digest');
  await expect(refusal.getByTestId('quarantine-path')).toContainText('quarantine');
  await expect(dialog.getByRole('button', { name: /^Accept/ })).toHaveCount(0);
  await app.shot('exchange-09-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Nothing of it was recorded: still one received package.
  await expect(page.locator('.history-table tbody tr', { hasText: 'Received' })).toHaveCount(1);
  await app.shot('exchange-10-history-fr');
  // Finished jobs leave the bottom panel on their own; the failed one stays until dismissed.
  await expect(page.locator('.jobs-panel [data-state=done]')).toHaveCount(0, { timeout: 10_000 });
  await expect(page.locator('.jobs-panel [data-state=failed]')).toHaveCount(1);
  await page.locator('.jobs-panel').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.locator('.jobs-panel')).toHaveCount(0);

  // --- Back in Spain: France's receipt is imported and shows against the package sent.
  await page.locator('.top-bar').getByRole('button', { name: 'Close case' }).click();
  await expect(page.locator('#open-path')).toBeVisible();
  await ok(app, 'case.open', { path: join(app.dataDir, 'es.cordon'), passphrase: PASS });
  await page.reload();
  await rail.getByRole('button', { name: 'Packages' }).click();
  await page.getByRole('button', { name: 'Import a package…' }).click();
  dialog = page.getByRole('dialog');
  await dialog.locator('#import-path').fill(receiptPath);
  await dialog.getByRole('button', { name: 'Verify' }).click();
  await expect(dialog.getByTestId('import-preview')).toContainText('Receipt for package');
  await dialog.getByRole('button', { name: 'Record receipt' }).click();
  await expect(dialog.getByTestId('import-done')).toContainText('Receipt from Benoît Martin (FR) recorded');
  await dialog.locator('.bp6-dialog-footer').getByRole('button', { name: 'Close' }).click();
  const sent = page.locator('.history-table tbody tr[data-direction=out]');
  await expect(sent).toContainText(/Benoît Martin \(FR\) on /);
  await app.shot('exchange-11-history-es-receipt');
});
