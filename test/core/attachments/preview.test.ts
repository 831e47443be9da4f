import exifr from 'exifr';
import jpeg from 'jpeg-js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jpegSize } from '../../../electron/core/attachments/photos';
import { tempDir, testCore } from '../helpers';
import { makeJpeg, makePdf, withExif } from './files';

// attachment.preview: the viewer's bounded picture of a photo (issue 23).

async function setup() {
  const dir = tempDir();
  const core = testCore(join(dir, 'data'));
  await core.ok('case.create', { path: join(dir, 'c.cordon'), passphrase: 'preview test passphrase', name: 'Preview', bureau: 'IT' });
  const person = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Ana Rossi'] } })).id;
  mkdirSync(join(dir, 'files'));
  const attach = async (name: string, bytes: Buffer | string) => {
    const p = join(dir, 'files', name);
    writeFileSync(p, bytes);
    return (await core.ok('attachment.add', { targetId: person, paths: [p] })).attachments[0]!;
  };
  return { core, attach };
}

describe('attachment.preview', () => {
  it('gives a large photo back at most 1600 px on its longer side, as a JPEG without its EXIF', async () => {
    const { core, attach } = await setup();
    const photo = withExif(makeJpeg(2400, 1200, 3), { make: 'Canon', model: 'EOS 5D', taken: '2024:03:01 10:22:33', lat: 38.1157, lon: 13.3615 });
    const a = await attach('harbour.jpg', photo);
    const p = await core.ok('attachment.preview', { id: a.id });
    const bytes = Buffer.from(p.base64, 'base64');
    expect(p.type).toBe('image/jpeg');
    expect([p.width, p.height]).toEqual([1600, 800]);
    expect(jpegSize(bytes)).toEqual({ width: 1600, height: 800 });
    // It decodes as a JPEG of that size, and carries none of the original's EXIF (camera, GPS).
    const img = jpeg.decode(bytes, { useTArray: true });
    expect([img.width, img.height]).toEqual([1600, 800]);
    expect(await exifr.gps(bytes).catch(() => undefined)).toBeUndefined();
    expect(await exifr.parse(bytes).catch(() => undefined)).toBeUndefined();
  });

  it('keeps a small photo at its own size and honours a smaller maxPx', async () => {
    const { core, attach } = await setup();
    const a = await attach('small.jpg', makeJpeg(320, 240, 1));
    expect(await core.ok('attachment.preview', { id: a.id })).toMatchObject({ width: 320, height: 240 });
    expect(await core.ok('attachment.preview', { id: a.id, maxPx: 160 })).toMatchObject({ width: 160, height: 120 });
  });

  it('refuses an attachment that does not exist, a document, a non-JPEG image and a bad maxPx, each with its code', async () => {
    const { core, attach } = await setup();
    const missing = await core.fail('attachment.preview', { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toContain('No attachment');

    const pdf = await attach('report.pdf', await makePdf(['Seen at the harbour.']));
    const doc = await core.fail('attachment.preview', { id: pdf.id });
    expect(doc).toMatchObject({ code: 'INVALID_INPUT' });
    expect(doc.message).toBe('report.pdf is application/pdf, not a photo: it has no picture to show.');

    const text = await attach('notes.txt', 'Not a picture at all.\n');
    expect((await core.fail('attachment.preview', { id: text.id })).code).toBe('INVALID_INPUT');

    // A GIF (header and a minimal image): an image, but not one the core decodes.
    const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
    const g = await attach('pixel.gif', gif);
    expect(g.type).toBe('image/gif');
    const notJpeg = await core.fail('attachment.preview', { id: g.id });
    expect(notJpeg.code).toBe('INVALID_INPUT');
    expect(notJpeg.message).toContain('JPEG photos only');

    const photo = await attach('p.jpg', makeJpeg(64, 48));
    expect((await core.fail('attachment.preview', { id: photo.id, maxPx: 10_000 })).code).toBe('INVALID_INPUT');
  });
});
