import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './bridge';

// The case file's care in the UI (issue 21): back up now and the last good backup, verify, change
// passphrase (with a new recovery key), and restore a damaged file from the start screen.

const PASS = 'harbour crane lantern 2031 tide';
const NEW_PASS = 'saltmarsh heron kettle 4412 dune';

test('back up now, last good backup, verify, change passphrase', async ({ app }) => {
  const { page, core } = app;
  const path = join(app.dataDir, 'kept.cordon');
  expect((await core.call('case.create', { path, passphrase: PASS, name: 'Kept case', bureau: 'FR_NCB' })).ok).toBe(true);
  expect((await core.call('entity.create', { schema: 'Person', properties: { name: ['Odile Marchetti'] } })).ok).toBe(true);
  await app.open();
  await page.locator('.rail').getByRole('button', { name: 'Case file' }).click();
  await expect(page.getByTestId('backup-status')).toContainText('no backup yet');
  await app.shot('casefile-01-no-backup');

  const backup = join(app.dataDir, 'kept-backup.cordon');
  await page.locator('#backup-path').fill(backup);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByTestId('backup-status')).toContainText(`Last good backup`);
  await expect(page.getByTestId('backup-status')).toContainText(backup);
  expect(readFileSync(backup).includes(Buffer.from('Odile'))).toBe(false);
  await page.getByRole('button', { name: 'Verify the case file' }).click();
  await expect(page.getByTestId('verify-report')).toContainText('The case file is sound');
  await app.shot('casefile-02-backed-up');

  // Automatic backups: a folder, every 12 hours, the last 3 kept; the core makes the first when asked.
  const usb = join(app.dataDir, 'usb');
  mkdirSync(usb);
  await expect(page.getByTestId('auto-backup-status')).toContainText('Automatic backups are off');
  await page.locator('#auto-backup-folder').fill(usb);
  await page.locator('#auto-backup-every').fill('12');
  await page.locator('#auto-backup-keep').fill('3');
  await page.getByRole('button', { name: 'Save automatic backups' }).click();
  await expect(page.getByTestId('auto-backup-status')).toContainText(`to ${usb} every 12 h`);
  await expect(page.getByTestId('auto-backup-status')).toContainText('the last 3 are kept');
  await app.shot('casefile-02b-auto-backups');
  expect(await core.call('casefile.backupStatus', {})).toMatchObject({ ok: true, value: { auto: { folder: usb, everyHours: 12, keep: 3 } } });

  await page.locator('#rekey-current').fill(PASS);
  await page.locator('#rekey-new').fill(NEW_PASS);
  await page.locator('#rekey-again').fill(NEW_PASS);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByTestId('rekey-done')).toContainText('still open with the previous passphrase');
  await expect(page.getByTestId('recovery-key').locator('.recovery-key-group')).toHaveCount(11);
  await app.shot('casefile-03-rekeyed');
  await page.getByRole('button', { name: 'I have written it down' }).click();
  await expect(page.getByTestId('recovery-key')).toHaveCount(0);
  // The core agrees: the new passphrase opens the case, the old one its backup.
  expect((await core.call('case.close', {})).ok).toBe(true);
  expect((await core.call('case.open', { path, passphrase: PASS })).ok).toBe(false);
  expect((await core.call('case.open', { path, passphrase: NEW_PASS })).ok).toBe(true);
  expect((await core.call('case.close', {})).ok).toBe(true);
  expect((await core.call('case.open', { path: backup, passphrase: PASS })).ok).toBe(true);
});

test('a damaged file: the start screen offers to restore it from a backup, then it opens', async ({ app }) => {
  const { page, core } = app;
  const path = join(app.dataDir, 'damaged.cordon');
  const backup = join(app.dataDir, 'damaged-backup.cordon');
  expect((await core.call('case.create', { path, passphrase: PASS, name: 'Damaged case', bureau: 'FR_NCB' })).ok).toBe(true);
  expect((await core.call('casefile.backup', { path: backup })).ok).toBe(true);
  expect((await core.call('case.close', {})).ok).toBe(true);
  // Truncated by a failing disk: 3 pages gone.
  const bytes = readFileSync(path);
  writeFileSync(path, bytes.subarray(0, bytes.length - 3 * 4096));
  await app.open();
  const open = page.locator('.start-card', { has: page.getByRole('heading', { name: 'Open a case' }) });
  await page.locator('#open-path').fill(path);
  await page.locator('#open-pass').fill(PASS);
  await open.getByRole('button', { name: 'Open case' }).click();
  await expect(open.getByRole('alert')).toHaveAttribute('data-code', 'CORRUPT_CASE');
  await page.locator('#restore-backup').fill(backup);
  await page.locator('#restore-pass').fill(PASS);
  await app.shot('casefile-04-restore-offer');
  await open.getByRole('button', { name: 'Check and restore' }).click();
  await expect(page.getByTestId('restored')).toContainText('damaged.cordon.replaced-');
  await app.shot('casefile-05-restored');
  await open.getByRole('button', { name: 'Open case' }).click();
  await expect(page.locator('.top-bar .case-name')).toHaveText('Damaged case');
});
