import jpeg from 'jpeg-js';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, test } from './bridge';
import { ok } from './helpers';

// Attachments in the UI (issue 23): attach a photo and a PDF to a person by their paths, see the
// photo's thumbnail, open it in the viewer, save a copy without its metadata, find a word inside
// the PDF with Ctrl+K and land on the file, remove one with a confirmation.

const PASS = 'harbour crane lantern 2031 tide';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A real JPEG: a gradient with a red block, so the thumbnail and viewer show something to look at. */
function photo(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const block = x > width * 0.3 && x < width * 0.6 && y > height * 0.3 && y < height * 0.7;
      data[i] = block ? 220 : Math.round((x / width) * 90);
      data[i + 1] = block ? 40 : Math.round((y / height) * 140) + 60;
      data[i + 2] = block ? 40 : 170;
      data[i + 3] = 255;
    }
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 85).data);
}

/** A JPEG with an EXIF block (a comment-free APP1 carrying the camera's make), inserted after SOI. */
function withMake(jpg: Buffer, make: string): Buffer {
  const value = Buffer.from(`${make}\0`, 'ascii');
  // TIFF header (little endian), one IFD with one entry: Make (0x010f), ASCII, offset to the value.
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('II', 0, 'ascii');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x010f, 10);
  tiff.writeUInt16LE(2, 12);
  tiff.writeUInt32LE(value.length, 14);
  tiff.writeUInt32LE(tiff.length, 18);
  tiff.writeUInt32LE(0, 22);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff, value]);
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xffe1, 0);
  seg.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpg.subarray(0, 2), seg, body, jpg.subarray(2)]);
}

async function report(pages: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) doc.addPage([400, 300]).drawText(text, { x: 30, y: 250, size: 12, font });
  return Buffer.from(await doc.save());
}

test('attach a photo and a PDF to a person, view the photo, save a copy, find a word in the PDF, remove one', async ({ app }) => {
  const { page, core } = app;
  const files = join(app.dataDir, 'files');
  mkdirSync(files);
  const jpg = withMake(photo(2000, 1200), 'HarbourCam');
  const jpgPath = join(files, 'harbour-meeting.jpg');
  writeFileSync(jpgPath, jpg);
  // The word searched for is made at run time, so no other file on disk holds it by chance.
  const word = `quay${Date.now().toString(36)}`;
  const pdfPath = join(files, 'partner-report.pdf');
  writeFileSync(pdfPath, await report(['Partner agency report, page one.', `Seen at the ${word} with the courier.`]));

  expect((await core.call('case.create', { path: join(app.dataDir, 'att.cordon'), passphrase: PASS, name: 'Attachments', bureau: 'IT' })).ok).toBe(true);
  const person = await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Ana Rossi'] } });
  await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Bruno Ferri'] } });
  const src = await ok(app, 'source.create', { title: 'Harbour surveillance', scheme: 'eu4x4', grade: 'B2' });
  await app.open();
  await page.locator('.entity-row', { hasText: 'Ana Rossi' }).click();
  const section = page.getByTestId('attachments-section');
  await expect(section).toContainText('No files attached.');

  // Attach both files by their paths, with the surveillance report they came with.
  await section.getByRole('button', { name: 'Attach files…' }).click();
  await page.locator('#attach-path-0').fill(jpgPath);
  await page.getByRole('button', { name: 'Another file' }).click();
  await page.locator('#attach-path-1').fill(pdfPath);
  await page.locator('#attach-source').selectOption(src.id);
  await app.shot('attachments-01-attach-dialog');
  await page.getByRole('button', { name: 'Attach 2 files' }).click();
  await expect(section).toContainText('2 files attached.');
  const rows = section.getByTestId('attachment-row');
  await expect(rows).toHaveCount(2);
  const photoRow = rows.filter({ hasText: 'harbour-meeting.jpg' });
  const pdfRow = rows.filter({ hasText: 'partner-report.pdf' });
  await expect(photoRow).toContainText('JPEG photo');
  await expect(photoRow).toContainText('with Harbour surveillance');
  await expect(pdfRow).toContainText('PDF document');
  await expect(pdfRow).toContainText('2 pages of text');
  // The thumbnail is the core's (a data: URL), decoded by the browser to its real size.
  const thumb = photoRow.getByTestId('attachment-thumb');
  await expect(thumb).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  expect(await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(256);
  await expect(pdfRow.getByTestId('attachment-thumb')).toHaveCount(0);
  await app.shot('attachments-02-listed');

  // The viewer: a bounded picture (1600 px on its longer side), not the 2000 px original.
  await photoRow.getByRole('button', { name: 'View harbour-meeting.jpg' }).click();
  const viewer = page.getByTestId('photo-viewer-img');
  await expect(viewer).toBeVisible();
  await expect.poll(() => viewer.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([1600, 960]);
  await expect(page.locator('.photo-viewer')).toContainText('1600 × 960');
  await app.shot('attachments-03-viewer');
  await page.locator('.photo-viewer').getByRole('button', { name: 'Close' }).last().click();
  await expect(viewer).toHaveCount(0);

  // Save a copy: the metadata goes by default; the picture data is the same.
  await photoRow.getByRole('button', { name: 'Save a copy…' }).click();
  const out = join(app.dataDir, 'copy.jpg');
  await page.locator('#attachment-save-path').fill(out);
  await expect(page.getByRole('checkbox', { name: /Remove the metadata/ })).toBeChecked();
  await app.shot('attachments-04-save-dialog');
  await page.getByRole('button', { name: 'Save copy' }).click();
  await expect(section).toContainText(`A copy of harbour-meeting.jpg without its metadata was saved to ${out}.`);
  const copy = readFileSync(out);
  expect(copy.includes(Buffer.from('HarbourCam'))).toBe(false);
  expect(jpg.includes(Buffer.from('HarbourCam'))).toBe(true);
  const scan = (b: Buffer) => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])));
  expect(sha(scan(copy))).toBe(sha(scan(jpg)));
  // Saving over it again is refused unless the officer says so.
  await photoRow.getByRole('button', { name: 'Save a copy…' }).click();
  await page.locator('#attachment-save-path').fill(out);
  await page.getByRole('button', { name: 'Save copy' }).click();
  await expect(page.locator('.form-dialog .cordon-error')).toHaveAttribute('data-code', 'FILE_EXISTS');
  await page.locator('.form-dialog').getByRole('button', { name: 'Cancel' }).click();

  // Ctrl+K finds the word inside the PDF and opens its person with the file named.
  await page.locator('.entity-row', { hasText: 'Bruno Ferri' }).click();
  await expect(section).toContainText('No files attached.');
  const search = page.getByRole('searchbox', { name: 'Search the case' });
  await search.fill(word);
  await expect(page.locator('#search-results')).toContainText('in partner-report.pdf, p. 2');
  await app.shot('attachments-05-search');
  await search.press('Enter');
  await expect(page.locator('#entity-title')).toHaveText('Ana Rossi');
  const hit = section.locator('.attachment-row.focused');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('partner-report.pdf');
  await expect(hit).toContainText('Your search found words on page 2 of this file');
  await app.shot('attachments-06-search-landed');

  // Remove the PDF, after a confirmation; a cancel removes nothing.
  await pdfRow.getByRole('button', { name: 'Remove' }).click();
  await expect(page.locator('.bp6-alert')).toContainText('Remove partner-report.pdf from the case?');
  await page.locator('.bp6-alert').getByRole('button', { name: 'Cancel' }).click();
  await expect(rows).toHaveCount(2);
  await pdfRow.getByRole('button', { name: 'Remove' }).click();
  await app.shot('attachments-07-remove-confirm');
  await page.getByRole('button', { name: 'Remove file' }).click();
  await expect(section).toContainText('partner-report.pdf was removed from the case.');
  await expect(rows).toHaveCount(1);
  const left = await ok(app, 'attachment.list', { targetId: person.id });
  expect(left.map((a) => a.name)).toEqual(['harbour-meeting.jpg']);
  const audit = await ok(app, 'audit.list', { offset: 0, limit: 20 });
  expect(audit.rows.map((e) => e.action)).toEqual(expect.arrayContaining(['attachment.add', 'attachment.save', 'attachment.remove']));
  // Its words are gone from the search with it.
  expect((await ok(app, 'search', { query: word, limit: 5 })).length).toBe(0);
  await app.shot('attachments-08-removed');
  expect(existsSync(pdfPath)).toBe(true);
});

test("a source report's files: attach a scanned report to it from the Sources view", async ({ app }) => {
  const { page, core } = app;
  const scan = join(app.dataDir, 'scan-0042.jpg');
  writeFileSync(scan, photo(640, 480));
  expect((await core.call('case.create', { path: join(app.dataDir, 'src.cordon'), passphrase: PASS, name: 'Sources', bureau: 'IT' })).ok).toBe(true);
  const src = await ok(app, 'source.create', { title: 'Informant report 42', scheme: 'eu4x4', grade: 'B2' });
  await app.open();
  await page.locator('.rail [data-rail=sources]').click();
  await page.getByRole('button', { name: 'Files of Informant report 42' }).click();
  const dialog = page.locator('.source-attachments-dialog');
  await dialog.getByRole('button', { name: 'Attach files…' }).click();
  await page.locator('#attach-path-0').fill(scan);
  // A source report's own files do not "come with" another report.
  await expect(page.locator('#attach-source')).toHaveCount(0);
  await page.getByRole('button', { name: 'Attach file', exact: true }).click();
  await expect(dialog.getByTestId('attachment-row')).toHaveCount(1);
  await expect(dialog.getByTestId('attachment-thumb')).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  await app.shot('attachments-09-source-files');
  expect((await ok(app, 'attachment.list', { targetId: src.id })).map((a) => [a.name, a.target.kind])).toEqual([['scan-0042.jpg', 'source']]);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toHaveCount(0);

  // A word inside a text file on the report: the search opens the report's files with that file named.
  const word = `pier${Date.now().toString(36)}`;
  const notes = join(app.dataDir, 'transcript.txt');
  writeFileSync(notes, `Call transcript. The meeting moves to the ${word} at noon.\n`);
  await ok(app, 'attachment.add', { targetId: src.id, paths: [notes] });
  await page.locator('.rail [data-rail=entities]').click();
  const search = page.getByRole('searchbox', { name: 'Search the case' });
  await search.fill(word);
  await expect(page.locator('#search-results')).toContainText('in transcript.txt, p. 1');
  await search.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('.attachment-row.focused')).toContainText('transcript.txt');
  await app.shot('attachments-10-source-search-landed');
});

test('files dropped onto the section open the attach dialog with their paths; a file with no place on disk is named and left out', async ({ app }) => {
  const { page, core } = app;
  writeFileSync(join(app.dropFolder, 'dropped-photo.jpg'), photo(800, 600));
  expect((await core.call('case.create', { path: join(app.dataDir, 'drop.cordon'), passphrase: PASS, name: 'Drop', bureau: 'IT' })).ok).toBe(true);
  const person = await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Carla Neri'] } });
  await app.open();
  await page.locator('.entity-row', { hasText: 'Carla Neri' }).click();
  const section = page.getByTestId('attachments-section');
  await expect(section).toContainText('No files attached.');
  // What the desktop hands over on a drop: a DataTransfer of Files (the second made in memory, with no name).
  const dt = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File([new Uint8Array([0xff, 0xd8, 0xff])], 'dropped-photo.jpg', { type: 'image/jpeg' }));
    d.items.add(new File(['pasted text'], '', { type: 'text/plain' }));
    return d;
  });
  await section.dispatchEvent('dragenter', { dataTransfer: dt });
  await section.dispatchEvent('dragover', { dataTransfer: dt });
  await expect(section).toHaveClass(/dragging/);
  await expect(section).toContainText('Drop the files to attach them');
  await app.shot('attachments-11-dragging');
  await section.dispatchEvent('drop', { dataTransfer: dt });
  await expect(section).not.toHaveClass(/dragging/);
  await expect(section.getByRole('alert')).toContainText('These files have no place on disk Cordon can read, and were not attached: a file with no name.');
  await expect(page.locator('#attach-path-0')).toHaveValue(join(app.dropFolder, 'dropped-photo.jpg'));
  await expect(page.locator('#attach-path-1')).toHaveCount(0);
  await app.shot('attachments-12-dropped');
  await page.getByRole('button', { name: 'Attach file', exact: true }).click();
  await expect(section.getByTestId('attachment-row')).toHaveCount(1);
  await expect(section.getByTestId('attachment-thumb')).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  // The core read the real file on disk, not the three bytes the page's File held.
  const [a] = await ok(app, 'attachment.list', { targetId: person.id });
  expect(a!.size).toBe(readFileSync(join(app.dropFolder, 'dropped-photo.jpg')).length);
});

test('Arabic: the Attachments section mirrored, its counts and types in Arabic, file names isolated', async ({ app }) => {
  const { page, core } = app;
  const jpgPath = join(app.dataDir, 'ميناء-harbour.jpg');
  writeFileSync(jpgPath, photo(640, 480));
  const word = `dock${Date.now().toString(36)}`;
  const pdfPath = join(app.dataDir, 'report.pdf');
  writeFileSync(pdfPath, await report([`The ${word} at night.`]));
  expect((await core.call('case.create', { path: join(app.dataDir, 'ar.cordon'), passphrase: PASS, name: 'Levant', bureau: 'IT' })).ok).toBe(true);
  const person = await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Ana Rossi'] } });
  await ok(app, 'attachment.add', { targetId: person.id, paths: [jpgPath, pdfPath] });
  await app.open();
  await page.getByTestId('settings-open').click();
  await page.locator('#settings-language').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const search = page.locator('.search-box input');
  await search.fill(word);
  // The file name is isolated (FSI … PDI) inside the Arabic sentence; the page number in Arabic-Indic digits.
  await expect(page.locator('#search-results')).toContainText('في \u2068report.pdf\u2069، ص ١');
  await search.press('Enter');
  const section = page.getByTestId('attachments-section');
  await expect(section).toContainText('المرفقات (');
  await expect(section).toContainText('صورة JPEG');
  await expect(section).toContainText('مستند PDF');
  await expect(section.locator('.attachment-row.focused')).toContainText('وجد بحثك كلمات في الصفحة');
  // Mirrored: the thumbnail sits at the row's right, its buttons at the left.
  const row = section.getByTestId('attachment-row').first();
  const thumb = await row.getByTestId('attachment-thumb').boundingBox();
  const actions = await row.locator('.attachment-actions').boundingBox();
  expect(thumb!.x).toBeGreaterThan(actions!.x);
  await app.shot('attachments-13-arabic');
});
