import { join } from 'node:path';
import { expect, test } from './bridge';

const PASS = 'harbour tide lantern 1987 quay';

test('create a case, record a graded source, a person, an organisation and a membership; search; lock and unlock', async ({ app }) => {
  const { page } = app;
  await app.open();
  await app.shot('01-start-screen');

  // Create the case.
  await page.locator('#create-path').fill(join(app.dataDir, 'harbour.cordon'));
  await page.locator('#create-name').fill('Operation Harbour');
  await page.locator('#create-bureau').fill('nl_ncb');
  await expect(page.locator('#create-bureau')).toHaveValue('NL_NCB');
  await page.locator('#create-pass').fill('abc123');
  await expect(page.locator('.strength')).toHaveAttribute('data-strength', 'weak');
  await expect(page.getByRole('button', { name: 'Create case' })).toBeDisabled();
  await page.locator('#create-pass').fill(PASS);
  await page.locator('#create-pass2').fill(`${PASS}x`);
  await expect(page.getByText('The two passphrases differ.')).toBeVisible();
  await page.locator('#create-pass2').fill(PASS);
  await expect(page.locator('.strength')).toHaveAttribute('data-strength', /good|strong/);
  await page.getByRole('button', { name: 'Create case' }).click();
  // The recovery key, shown once in eleven groups of five, before the case opens.
  const key = page.getByTestId('recovery-key');
  await expect(key.locator('.recovery-key-group')).toHaveCount(11);
  await expect(key.locator('.recovery-key-group').first()).toHaveText(/^[0-9A-HJKMNP-TV-Z]{5}$/);
  await app.shot('01b-recovery-key');
  await page.getByRole('button', { name: 'I have written it down' }).click();

  await expect(page.locator('.top-bar .case-name')).toHaveText('Operation Harbour');
  await expect(page.getByTestId('handling-banner')).toHaveText('No handling code or TLP recorded in this case');
  await expect(page.getByText('No entities yet')).toBeVisible();
  await app.shot('02-case-view-empty');

  // A graded source report: EU 4x4 B2, H1, TLP:AMBER.
  await page.locator('.rail').getByRole('button', { name: /Sources/ }).click();
  await expect(page.getByText('No source reports yet')).toBeVisible();
  await page.locator('.pane-header').getByRole('button', { name: 'New source report' }).click();
  const dialog = page.getByRole('dialog');
  // Esc closes a dialog.
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.locator('.pane-header').getByRole('button', { name: 'New source report' }).click();
  await dialog.locator('#source-title').fill('Port informant report 17');
  await dialog.locator('#source-grade').fill('b5');
  await expect(dialog.getByText(/Not a EU 4x4 grade/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Record source report' })).toBeDisabled();
  await dialog.locator('#source-grade').fill('B2');
  await dialog.locator('#source-handling').selectOption('H1');
  await dialog.locator('#source-tlp').selectOption('AMBER');
  await dialog.locator('#source-reference').fill('NL-2024-0117');
  await dialog.locator('#source-date').fill('2024-03-02');
  await app.shot('03-form-source');
  await dialog.getByRole('button', { name: 'Record source report' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.data-table tbody tr')).toHaveCount(1);
  await expect(page.locator('.data-table tbody')).toContainText('Port informant report 17');
  await expect(page.locator('.data-table tbody')).toContainText('B2');
  await expect(page.getByTestId('handling-banner')).toContainText('TLP:AMBER');
  await expect(page.getByTestId('handling-banner')).toContainText('Handling H1');
  await app.shot('04-sources-view');

  // A person, with the source.
  await page.locator('.rail').getByRole('button', { name: /Entities/ }).click();
  await page.locator('.pane-header').getByRole('button', { name: 'New entity' }).click();
  const form = page.getByRole('dialog');
  await expect(form.locator('#new-entity-type')).toHaveValue('Person');
  await form.locator('#new-entity-source').selectOption({ label: 'Port informant report 17 — B2 · H1 · TLP:AMBER' });
  await form.locator('#new-entity-name-0').fill('Marco Bellini');
  await form.locator('#new-entity-alias-0').fill('Il Chimico');
  await form.locator('#new-entity-birthDate-0').fill('1975-13-01');
  await expect(form.getByText(/is not a date/)).toBeVisible();
  await form.locator('#new-entity-birthDate-0').fill('1975-03-14');
  await form.locator('#new-entity-nationality-0').selectOption('it');
  await form.locator('#new-entity-phone-0').fill('+39 06 1234 5678');
  await app.shot('05-form-person');
  await form.getByRole('button', { name: 'Create Person' }).click();
  await expect(form).toBeHidden();
  await expect(page.locator('#entity-title')).toHaveText('Marco Bellini');

  // An organisation.
  await page.locator('.pane-header').getByRole('button', { name: 'New entity' }).click();
  await form.locator('#new-entity-type').selectOption('Organization');
  await form.locator('#new-entity-source').selectOption({ label: 'Port informant report 17 — B2 · H1 · TLP:AMBER' });
  await form.locator('#new-entity-name-0').fill('Harbour Crew');
  await form.getByRole('button', { name: 'Create Organisation' }).click();
  await expect(form).toBeHidden();
  await expect(page.locator('#entity-title')).toHaveText('Harbour Crew');
  await expect(page.getByTestId('entity-count')).toHaveText('2 entities');

  // Find the person with Ctrl+K.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search the case' });
  await expect(search).toBeFocused();
  await search.fill('chimico');
  await expect(page.locator('#search-results')).toContainText('Marco Bellini');
  await app.shot('06-search');
  await search.press('Enter');
  await expect(page.locator('#entity-title')).toHaveText('Marco Bellini');

  // A membership link from the person to the organisation.
  await page.getByRole('button', { name: 'Add link' }).click();
  const link = page.getByRole('dialog');
  await expect(link.locator('#link-type')).toHaveValue('Membership');
  await expect(link.locator('.picked-tag')).toContainText('Marco Bellini');
  await link.locator('#link-to').fill('harbour');
  await link.getByRole('menuitem', { name: /Harbour Crew/ }).click();
  await link.locator('#link-prop-role-0').fill('lieutenant');
  await link.locator('#link-source').selectOption({ label: 'Port informant report 17 — B2 · H1 · TLP:AMBER' });
  await app.shot('07-form-link');
  await link.getByRole('button', { name: 'Create Membership' }).click();
  await expect(link).toBeHidden();
  const links = page.locator('.links-table');
  await expect(links).toContainText('Membership');
  await expect(links).toContainText('Harbour Crew');

  // The grading beside each value.
  const nameRow = page.locator('.property-table tr[data-prop="name"]');
  await expect(nameRow).toContainText('Marco Bellini');
  await expect(nameRow.getByTestId('provenance')).toContainText('B2 · H1 · TLP:AMBER');
  await expect(nameRow.getByTestId('provenance')).toContainText('Port informant report 17');
  await expect(nameRow.getByTestId('provenance')).toContainText('by NL_NCB');
  await expect(page.locator('.property-table tr[data-prop="phone"]')).toContainText('+390612345678');
  await expect(page.locator('.property-table tr[data-prop="nationality"]')).toContainText('Italy');
  await app.shot('08-entity-page');

  // Edit: a changed value is a retraction plus a new statement.
  await page.getByRole('button', { name: 'Edit values' }).click();
  const edit = page.getByRole('dialog');
  const aliasId = await edit.locator('.statement-edit', { hasText: 'Alias' }).locator('input').getAttribute('id');
  await edit.locator(`#${aliasId}`).fill('The Chemist');
  await expect(edit.getByText('1 to add, 1 to retract')).toBeVisible();
  await app.shot('09-form-edit');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(page.locator('.property-table tr[data-prop="alias"]')).toContainText('The Chemist');
  await expect(page.locator('.property-table tr[data-prop="alias"]')).not.toContainText('Il Chimico');

  // The other endpoint is clickable.
  await links.getByRole('button', { name: 'Harbour Crew' }).click();
  await expect(page.locator('#entity-title')).toHaveText('Harbour Crew');
  await expect(page.locator('.links-table')).toContainText('Marco Bellini');

  // Lock with the button; a wrong passphrase first.
  await page.locator('.top-bar').getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Case locked' })).toBeVisible();
  await expect(page.getByText('Marco Bellini')).toHaveCount(0);
  await app.shot('10-lock-screen');
  await page.locator('#unlock-pass').fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong passphrase');
  await app.shot('11-lock-wrong-passphrase');
  await page.locator('#unlock-pass').fill(PASS);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.locator('#entity-title')).toHaveText('Harbour Crew');

  // Ctrl+L locks too.
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Case locked' })).toBeVisible();
  await page.locator('#unlock-pass').fill(PASS);
  await page.locator('#unlock-pass').press('Enter');
  await expect(page.locator('.top-bar .case-name')).toHaveText('Operation Harbour');

  // The audit trail holds every change, and its chain verifies.
  await page.locator('.rail').getByRole('button', { name: /Audit/ }).click();
  await expect(page.locator('.data-table tbody')).toContainText('link.create');
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByText(/Chain intact/)).toBeVisible();
  await app.shot('12-audit');
});

test('the idle lock event shows the lock screen', async ({ app }) => {
  const { page, core } = app;
  const created = await core.call('case.create', { path: join(app.dataDir, 'idle.cordon'), passphrase: PASS, name: 'Idle case', bureau: 'BE_NCB' });
  expect(created.ok).toBe(true);
  await app.open();
  await expect(page.locator('.top-bar .case-name')).toHaveText('Idle case');
  // The core's idle timer checks every 15 s; advance its clock past the setting and run the check.
  app.advanceClock(31 * 60_000);
  expect(core.session.checkIdle()).toBe(true);
  await expect(page.getByRole('heading', { name: 'Case locked' })).toBeVisible();
  await page.locator('#unlock-pass').fill(PASS);
  await page.locator('#unlock-pass').press('Enter');
  await expect(page.locator('.top-bar .case-name')).toHaveText('Idle case');
});

test('a reload while the case is locked comes back to the lock screen, not the start screen', async ({ app }) => {
  const { page, core } = app;
  expect((await core.call('case.create', { path: join(app.dataDir, 'reload.cordon'), passphrase: PASS, name: 'Reload case', bureau: 'BE_NCB' })).ok).toBe(true);
  await app.open();
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Case locked' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Case locked' })).toBeVisible();
  await page.locator('#unlock-pass').fill(PASS);
  await page.locator('#unlock-pass').press('Enter');
  await expect(page.locator('.top-bar .case-name')).toHaveText('Reload case');
});
