import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sanitiseName } from '../../../electron/core/attachments/names';
import { ZIP_LIMITS } from '../../../electron/core/attachments/zip-guard';
import { tempDir, testCore } from '../helpers';
import { CONTENT_TYPES, documentXml, makeDocx, makeJpeg, makePdf, makeZip, RELS } from './files';

// Hostile content (issue 23's bad-input list): each is stored only as inert bytes or refused, with
// a sentence saying so; nothing in it is run, rendered or unpacked without a bound.

async function setup() {
  const dir = tempDir();
  const core = testCore(join(dir, 'data'));
  await core.ok('case.create', { path: join(dir, 'c.cordon'), passphrase: 'content test passphrase', name: 'Content', bureau: 'IT' });
  const person = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Ana Rossi'] } })).id;
  const files = join(dir, 'files');
  mkdirSync(files);
  const put = (name: string, bytes: Buffer | string) => {
    writeFileSync(join(files, name), bytes);
    return join(files, name);
  };
  const attach = async (name: string, bytes: Buffer | string) => (await core.ok('attachment.add', { targetId: person, paths: [put(name, bytes)] })).attachments[0]!;
  return { dir, core, person, put, attach };
}

describe('attachment names from outside are made safe', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\evil.dll', 'evil.dll'],
    ['..', 'attachment'],
    ['.bashrc', 'bashrc'],
    ['photo\u202egpj.exe', 'photogpj.exe'],
    ['red\u001b[31m.txt', 'red[31m.txt'],
    ['line\nbreak\r.pdf', 'linebreak.pdf'],
    ['nul\u0000byte.jpg', 'nulbyte.jpg'],
    ['CON.txt', '_CON.txt'],
    ['what?<>|"*.pdf', 'what______.pdf'],
    ['trailing dots...', 'trailing dots'],
    [`${'a'.repeat(300)}.pdf`, `${'a'.repeat(196)}.pdf`],
    ['Ćirić – заметки.docx', 'Ćirić – заметки.docx'],
  ])('%j → %j', (raw, safe) => {
    expect(sanitiseName(raw)).toBe(safe);
  });

  it('stores a file whose own name carries control and reordering characters under the safe name', async () => {
    const { attach } = await setup();
    const a = await attach('report\u202efdp.exe\u0007', 'text');
    expect(a.name).toBe('reportfdp.exe');
  });
});

describe('the type comes from the bytes', () => {
  it('finds a JPEG named .pdf and says so', async () => {
    const { attach } = await setup();
    const a = await attach('passport.pdf', makeJpeg());
    expect(a.type).toBe('image/jpeg');
    expect(a.declaredType).toBe('application/pdf');
    expect(a.warnings).toEqual(['passport.pdf is a JPEG image, not a PDF document as its name says; Cordon treats it as what its bytes are.']);
    expect(a.textStatus).toBe('none');
  });

  it('keeps a polyglot as its first type and says what else it reads as', async () => {
    const { attach } = await setup();
    // A JPEG with a ZIP archive appended: image viewers show the photo, unzip tools find the files.
    const zip = makeZip([{ name: 'payload.js', data: Buffer.from('alert(1)') }]);
    const a = await attach('holiday.jpg', Buffer.concat([makeJpeg(), zip]));
    expect(a.type).toBe('image/jpeg');
    expect(a.warnings).toEqual(['holiday.jpg is also readable as a ZIP archive (a polyglot file); Cordon keeps it as a JPEG image and never opens the other reading.']);
    // A GIF that is also a PDF (the header within the first KiB).
    const gifPdf = Buffer.concat([Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), Buffer.from('%PDF-1.4\n%%EOF\n')]);
    const b = await attach('pixel.gif', gifPdf);
    expect(b.type).toBe('image/gif');
    expect(b.warnings).toEqual(['pixel.gif is also readable as a PDF document (a polyglot file); Cordon keeps it as a GIF image and never opens the other reading.']);
  });

  it('keeps an SVG with script only as inert bytes, and says so', async () => {
    const { attach } = await setup();
    const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("http://x")</script><circle r="4"/></svg>';
    const a = await attach('map.svg', svg);
    expect(a.type).toBe('image/svg+xml');
    expect(a.warnings).toEqual(['map.svg is an SVG with script; it is kept as inert bytes and never shown as a drawing.']);
  });

  it('stores a PDF with JavaScript and an embedded file, indexes its text, runs nothing', async () => {
    const { core, attach } = await setup();
    const g = globalThis as { attachmentTestRan?: number };
    const pdf = await makePdf(['Ledger of the Calabrese shipments'], {
      javascript: 'globalThis.attachmentTestRan = 1; app.alert("ran");',
      embedded: { name: 'dropper.exe', data: Buffer.from('MZ not really a program') },
    });
    const a = await attach('ledger.pdf', pdf);
    expect(a.type).toBe('application/pdf');
    expect(a.textStatus).toBe('indexed');
    expect(a.warnings).toEqual(
      expect.arrayContaining([
        'ledger.pdf contains JavaScript; Cordon never runs it.',
        'ledger.pdf contains 1 embedded file(s); they stay inside the PDF and are never opened.',
      ]),
    );
    expect(g.attachmentTestRan).toBeUndefined();
    const hits = await core.ok('search', { query: 'calabrese', limit: 10 });
    expect(hits).toMatchObject([{ attachment: a.id, page: 1 }]);
  });
});

describe('a zip bomb posing as a Word document', () => {
  it('is stored as inert bytes with its text refused at the ratio limit, named', async () => {
    const { core, attach } = await setup();
    // 64 MiB of one repeated paragraph packs to a few hundred KiB.
    const xml = documentXml(['bomb '.repeat(13_421_772)]);
    const bomb = makeDocx([], { data: xml });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const a = await attach('report.docx', bomb);
    expect(a.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(a.pages).toBe(0);
    expect(a.textStatus).toMatch(new RegExp(`^not indexed: word/document\\.xml unpacks \\d+ times its packed size, over the limit of ${ZIP_LIMITS.maxRatio} \\(a zip bomb\\?\\)$`));
    expect(a.warnings).toEqual([`report.docx: its text was not extracted: ${a.textStatus.slice('not indexed: '.length)}.`]);
    expect(await core.ok('search', { query: 'bomb', limit: 10 })).toEqual([]);
  });

  it('is refused at the total limit when many entries each stay under the ratio', async () => {
    const { attach } = await setup();
    const mib = Buffer.alloc(1024 * 1024, 0x20);
    const packed = deflateRawSync(mib);
    const entries = Array.from({ length: ZIP_LIMITS.maxTotalBytes / mib.length + 2 }, (_, i) => ({ name: `word/media/pad${i}.xml`, data: mib, packed }));
    // The real document first, then the padding.
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
      { name: '_rels/.rels', data: Buffer.from(RELS) },
      { name: 'word/document.xml', data: documentXml(['small']) },
      ...entries,
    ]);
    const a = await attach('thick.docx', bomb);
    expect(a.textStatus).toBe(`not indexed: it unpacks to more than ${ZIP_LIMITS.maxTotalBytes / (1024 * 1024)} MiB (a zip bomb?)`);
  });
});
