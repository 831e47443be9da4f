import exifr from 'exifr';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jpegSize } from '../../../electron/core/attachments/photos';
import { tempDir, testCore } from '../helpers';
import { makeJpeg, withExif } from './files';

async function setup() {
  const dir = tempDir();
  const core = testCore(join(dir, 'data'));
  await core.ok('case.create', { path: join(dir, 'c.cordon'), passphrase: 'photos test passphrase', name: 'Photos', bureau: 'IT' });
  const person = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Ana Rossi'] } })).id;
  mkdirSync(join(dir, 'files'));
  const attach = async (name: string, bytes: Buffer) => {
    const p = join(dir, 'files', name);
    writeFileSync(p, bytes);
    return (await core.ok('attachment.add', { targetId: person, paths: [p] })).attachments[0]!;
  };
  return { dir, core, attach };
}

const CAMERA = { make: 'Canon', model: 'EOS 5D', taken: '2024:03:01 10:22:33', lat: 38.1157, lon: 13.3615 };
/** The SOS marker onwards (of a JPEG without an embedded thumbnail): the picture data, which stripping must not touch. */
const pictureData = (b: Buffer) => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])));

describe('photos', () => {
  it("reads when, where and with what a photo was taken, and uses the camera's own thumbnail", async () => {
    const { core, attach } = await setup();
    const thumb = makeJpeg(160, 120, 9);
    const photo = withExif(makeJpeg(640, 480), { ...CAMERA, thumbnail: thumb });
    const a = await attach('IMG_0042.JPG', photo);
    expect(a.type).toBe('image/jpeg');
    expect(a.photo).toMatchObject({ takenAt: '2024-03-01T10:22:33', timeOffset: null, camera: 'Canon EOS 5D' });
    expect(a.photo!.latitude).toBeCloseTo(38.1157, 4);
    expect(a.photo!.longitude).toBeCloseTo(13.3615, 4);
    expect(a.thumbnail).toBe(true);
    const t = (await core.ok('attachment.thumbnail', { id: a.id }))!;
    expect(Buffer.from(t.base64, 'base64').equals(thumb)).toBe(true);
    expect([t.width, t.height]).toEqual([160, 120]);
  });

  it('decodes and shrinks a photo without an EXIF thumbnail; a non-photo has none', async () => {
    const { core, attach } = await setup();
    const a = await attach('scan.jpg', makeJpeg(640, 480));
    expect(a.photo).toBeNull();
    const t = (await core.ok('attachment.thumbnail', { id: a.id }))!;
    const bytes = Buffer.from(t.base64, 'base64');
    expect(jpegSize(bytes)).toEqual({ width: 256, height: 192 });
    expect([t.width, t.height]).toEqual([256, 192]);
    const doc = await attach('note.txt', Buffer.from('text'));
    expect(doc.thumbnail).toBe(false);
    expect(await core.ok('attachment.thumbnail', { id: doc.id })).toBeNull();
    expect((await core.fail('attachment.thumbnail', { id: 'IT-none' })).code).toBe('NOT_FOUND');
  });

  it('strips EXIF on the way out when asked, leaving the picture data untouched; keeps it otherwise', async () => {
    const { dir, core, attach } = await setup();
    const picture = makeJpeg(320, 240);
    const photo = withExif(picture, { ...CAMERA, thumbnail: makeJpeg(80, 60) });
    const a = await attach('IMG_0043.jpg', photo);
    const kept = join(dir, 'kept.jpg');
    const stripped = join(dir, 'stripped.jpg');
    await core.ok('attachment.save', { id: a.id, path: kept });
    expect(await core.ok('attachment.save', { id: a.id, path: stripped, stripMetadata: true })).toMatchObject({ stripped: true });
    expect(readFileSync(kept).equals(photo)).toBe(true);
    const out = readFileSync(stripped);
    expect(await exifr.gps(kept)).toMatchObject({ latitude: expect.closeTo(38.1157, 3) });
    expect(await exifr.parse(out)).toBeUndefined();
    expect(out.includes(Buffer.from('Canon'))).toBe(false);
    expect(out.length).toBeLessThan(photo.length);
    // The picture's own scan data ends both files, unchanged.
    const scan = pictureData(picture);
    expect(out.subarray(-scan.length).equals(scan)).toBe(true);
    const audit = await core.ok('audit.list', { offset: 0, limit: 1 });
    expect(audit.rows[0]).toMatchObject({ action: 'attachment.save', target: a.id, detail: { stripped: true } });
  });
});
