import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../../electron/core/attachments/blobs';
import { closePrepared, commitAttachments, prepareFile } from '../../../electron/core/attachments/store';
import { Case } from '../../../electron/core/store/case';
import { tempDir, testCore } from '../helpers';

const PASS = 'attachments test passphrase';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function setup() {
  const dir = tempDir();
  const core = testCore(join(dir, 'data'));
  await core.ok('case.create', { path: join(dir, 'c.cordon'), passphrase: PASS, name: 'Attach', bureau: 'IT' });
  const person = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Ana Rossi'] } })).id;
  const files = join(dir, 'files');
  mkdirSync(files);
  const file = (name: string, bytes: Buffer | string) => {
    const p = join(files, name);
    writeFileSync(p, bytes);
    return p;
  };
  const counts = async () => {
    const c = (await core.ok('attachment.list', {})).length;
    const audit = (await core.ok('audit.list', { offset: 0, limit: 1 })).total;
    return { attachments: c, audit };
  };
  return { dir, core, person, file, counts };
}

describe('attachments: stored inside the case, once per content', () => {
  it('attaches files to an entity, lists them, gives the same bytes back, and stores a second copy once', async () => {
    const { dir, core, person, file } = await setup();
    // Bigger than a few chunks, with a last chunk shorter than the rest.
    const big = Buffer.alloc(CHUNK_SIZE * 3 + 12_345);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 9)) & 255;
    const a = file('surveillance.bin', big);
    const t = file('notes.txt', 'Seen at the harbour with the courier.\n');
    const r = await core.ok('attachment.add', { targetId: person, paths: [a, t] });
    expect(r.attachments.map((x) => [x.name, x.size, x.sha256, x.type, x.existing])).toEqual([
      ['surveillance.bin', big.length, sha(big), 'application/octet-stream', false],
      ['notes.txt', 38, sha(readFileSync(t)), 'text/plain', false],
    ]);
    expect(r.attachments[0]!.target).toEqual({ id: person, kind: 'entity', caption: 'Ana Rossi' });

    const out = join(dir, 'back.bin');
    expect(await core.ok('attachment.save', { id: r.attachments[0]!.id, path: out })).toEqual({ path: out, bytes: big.length, stripped: false });
    expect(sha(readFileSync(out))).toBe(sha(big));
    // Never over an existing file unless told.
    expect((await core.fail('attachment.save', { id: r.attachments[0]!.id, path: out })).code).toBe('FILE_EXISTS');

    // The same bytes under another name, on a source report: a new attachment, the content stored once.
    const src = (await core.ok('source.create', { title: 'Harbour report', scheme: 'eu4x4', grade: 'B2' })).id;
    const again = await core.ok('attachment.add', { targetId: src, paths: [file('copy-of-video.bin', big)] });
    expect(again.attachments[0]!.existing).toBe(true);
    expect(again.attachments[0]!.warnings).toContain('copy-of-video.bin is already in this case (as surveillance.bin, on Ana Rossi); its content is stored once.');
    expect(again.attachments[0]!.target.kind).toBe('source');
    expect((await core.ok('attachment.list', { targetId: person })).map((x) => x.name)).toEqual(['surveillance.bin', 'notes.txt']);
    expect((await core.ok('attachment.list', { targetId: src })).map((x) => x.name)).toEqual(['copy-of-video.bin']);

    // Removing one copy keeps the content for the other; removing the last removes it.
    const first = await core.ok('attachment.remove', { id: r.attachments[0]!.id });
    expect(first).toEqual({ id: r.attachments[0]!.id, contentRemoved: false, bytesFreed: 0 });
    const out2 = join(dir, 'back2.bin');
    await core.ok('attachment.save', { id: again.attachments[0]!.id, path: out2 });
    expect(sha(readFileSync(out2))).toBe(sha(big));
    const last = await core.ok('attachment.remove', { id: again.attachments[0]!.id });
    expect(last).toEqual({ id: again.attachments[0]!.id, contentRemoved: true, bytesFreed: big.length });
    expect((await core.fail('attachment.info', { id: again.attachments[0]!.id })).code).toBe('NOT_FOUND');

    // Every change is in the audit log, and the log is intact.
    const audit = await core.ok('audit.list', { offset: 0, limit: 50 });
    expect(audit.rows.map((row) => row.action).filter((x) => x.startsWith('attachment.')).reverse()).toEqual([
      'attachment.add',
      'attachment.add',
      'attachment.save',
      'attachment.add',
      'attachment.remove',
      'attachment.save',
      'attachment.remove',
    ]);
    expect((await core.ok('audit.verify', {})).ok).toBe(true);
  });

  it('attaches to a link and to a source; an unknown target or source is refused with nothing written', async () => {
    const { core, person, file, counts } = await setup();
    const other = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Bruno'] } })).id;
    const link = (await core.ok('link.create', { schema: 'Associate', from: person, to: other, properties: {} })).id;
    const r = await core.ok('attachment.add', { targetId: link, paths: [file('call.txt', 'call log')] });
    expect(r.attachments[0]!.target.kind).toBe('link');
    const before = await counts();
    expect(await core.fail('attachment.add', { targetId: 'IT-nobody', paths: [file('x.txt', 'x')] })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await core.fail('attachment.add', { targetId: person, paths: [file('y.txt', 'y')], sourceId: 'IT-nosource' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await counts()).toEqual(before);
  });
});

describe('attachments: bad input is refused whole, with a clear message', () => {
  it('refuses a file over the size limit, naming the limit, and attaches none of the files given with it', async () => {
    const { core, person, file, counts } = await setup();
    await core.ok('attachment.setMaxSize', { maxBytes: 1024 * 1024 });
    const before = await counts();
    const small = file('small.txt', 'fine');
    const big = file('video.mp4', Buffer.alloc(1024 * 1024 + 1));
    const e = await core.fail('attachment.add', { targetId: person, paths: [small, big] });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe("video.mp4 is 1 MiB (1048577 bytes), over this case's limit of 1 MiB for one attachment; nothing was attached.");
    expect(await counts()).toEqual(before);
  });

  it('states the default limit of 2 GiB', async () => {
    const { core, person, file } = await setup();
    // A sparse file: 2 GiB + 1 byte of size, no disk used.
    const p = file('huge.mov', '');
    truncateSync(p, 2 * 1024 ** 3 + 1);
    const e = await core.fail('attachment.add', { targetId: person, paths: [p] });
    expect(e.message).toMatch(/^huge\.mov is 2 GiB \(2147483649 bytes\), over this case's limit of 2 GiB for one attachment; nothing was attached\.$/);
  });

  it('names a missing file or a folder', async () => {
    const { dir, core, person } = await setup();
    expect(await core.fail('attachment.add', { targetId: person, paths: [join(dir, 'gone.pdf')] })).toMatchObject({ code: 'FILE_NOT_FOUND', message: 'No file gone.pdf at that place; nothing was attached.' });
    expect((await core.fail('attachment.add', { targetId: person, paths: [dir] })).message).toMatch(/is a folder|not a regular file/);
  });

  it('writes nothing when the file shrinks or vanishes half-way through reading', async () => {
    const { dir, core, person, file } = await setup();
    await core.ok('case.close', {});
    const c = await Case.open(join(dir, 'c.cordon'), PASS);
    try {
      const p = file('evidence.bin', Buffer.alloc(CHUNK_SIZE * 4, 7));
      const chunksBefore = c.db.prepare('SELECT count(*) FROM attachment_chunks').pluck().get();
      const auditBefore = c.audit.list(0, 1).total;
      const prepared = [await prepareFile(p, 1e12)];
      try {
        // After the first chunk is written the file is cut short, as when a stick is pulled.
        expect(() => commitAttachments(c, person, undefined, prepared, (done) => done === CHUNK_SIZE && truncateSync(p, CHUNK_SIZE + 10))).toThrow(
          `evidence.bin changed or vanished while it was being read (it ended after ${CHUNK_SIZE + 10} of ${CHUNK_SIZE * 4} bytes); nothing was attached.`,
        );
      } finally {
        closePrepared(prepared);
      }
      expect(c.db.prepare('SELECT count(*) FROM attachment_chunks').pluck().get()).toBe(chunksBefore);
      expect(c.db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(0);
      expect(c.audit.list(0, 1).total).toBe(auditBefore);

      // A file that grows after it was examined is not the file that was examined either.
      writeFileSync(p, Buffer.alloc(1000, 1));
      const grown = [await prepareFile(p, 1e12)];
      try {
        writeFileSync(p, Buffer.alloc(2000, 1));
        expect(() => commitAttachments(c, person, undefined, grown)).toThrow(/evidence\.bin changed or vanished while it was being read \(it grew past 1000 bytes\)/);
      } finally {
        closePrepared(grown);
      }
      expect(c.db.prepare('SELECT count(*) FROM attachment_blobs').pluck().get()).toBe(0);
    } finally {
      c.close();
    }
  });

  it('writes nothing when the disk fills during the attach, and the case stays whole', async () => {
    const { dir, core, person, file } = await setup();
    const ok = await core.ok('attachment.add', { targetId: person, paths: [file('kept.txt', 'kept before')] });
    await core.ok('case.close', {});
    const c = await Case.open(join(dir, 'c.cordon'), PASS);
    try {
      // SQLite's page limit fails the write exactly as a full disk does (SQLITE_FULL).
      const pages = c.db.pragma('page_count', { simple: true }) as number;
      c.db.pragma(`max_page_count = ${pages + 100}`);
      const p = file('video.bin', Buffer.alloc(8 * 1024 * 1024, 3));
      const prepared = [await prepareFile(p, 1e12)];
      try {
        expect(() => commitAttachments(c, person, undefined, prepared)).toThrow('The disk is full: nothing was attached, and the case is as it was.');
      } finally {
        closePrepared(prepared);
      }
      expect(c.db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(1);
      expect(c.db.prepare('SELECT count(*) FROM attachment_blobs').pluck().get()).toBe(1);
      expect(c.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(c.audit.verify().ok).toBe(true);
    } finally {
      c.close();
    }
    const again = testCore(join(dir, 'data2'));
    await again.ok('case.open', { path: join(dir, 'c.cordon'), passphrase: PASS });
    expect((await again.ok('attachment.list', {})).map((x) => x.id)).toEqual([ok.attachments[0]!.id]);
  });
});
