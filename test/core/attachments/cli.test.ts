import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '../cli-io';
import { tempDir } from '../helpers';
import { makeDocx, makePdf } from './files';

// `cordon attach`, `attachment list|get|remove` and `search` finding words inside attached files,
// run in-process against a real encrypted case.

async function setup() {
  const dir = tempDir();
  const cordon = cliRunner({ CORDON_PASSPHRASE: 'cli attachments passphrase', CORDON_DATA_DIR: join(dir, 'data') });
  const file = join(dir, 'case.cordon');
  expect((await cordon('case', 'create', file, '--bureau', 'IT')).code).toBe(0);
  const person = JSON.parse((await cordon('entity', 'add', file, '--schema', 'Person', '--prop', 'name=Ana Rossi', '--json')).out).id as string;
  const files = join(dir, 'files');
  mkdirSync(files);
  const put = (name: string, bytes: Buffer | string) => {
    writeFileSync(join(files, name), bytes);
    return join(files, name);
  };
  return { dir, cordon, file, person, put };
}

describe('cordon attach / attachment', () => {
  it('attaches, lists, gets, removes; search finds a word inside a PDF, a DOCX and a text file, with the file and page', async () => {
    const { dir, cordon, file, person, put } = await setup();
    const pdf = put('harbour-report.pdf', await makePdf(['Cover page of the partner report', 'The courier Zanzibarino boards the ferry at dawn']));
    const docx = put('interview.docx', makeDocx(['Interview notes', 'The witness named Quetzalcoatlus as the buyer']));
    const txt = put('wiretap.txt', 'line one\nthe van is parked near Pomodorello street\n');
    const r = await cordon('attach', file, person, pdf, docx, txt, '--json');
    expect(r.code, r.err).toBe(0);
    const attached = JSON.parse(r.out) as { attachments: Array<{ id: string; sha256: string; type: string; size: number; name: string; pages: number; text_status: string }> };
    expect(attached.attachments.map((a) => [a.name, a.type, a.size, a.pages, a.text_status])).toEqual([
      ['harbour-report.pdf', 'application/pdf', readFileSync(pdf).length, 2, 'indexed'],
      ['interview.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', readFileSync(docx).length, 1, 'indexed'],
      ['wiretap.txt', 'text/plain', readFileSync(txt).length, 1, 'indexed'],
    ]);
    for (const a of attached.attachments) expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);

    const search = async (q: string) => JSON.parse((await cordon('search', file, q, '--json')).out).results as Array<Record<string, unknown>>;
    const inPdf = await search('zanzibarino');
    expect(inPdf).toHaveLength(1);
    expect(inPdf[0]).toMatchObject({ id: person, schema: 'Person', caption: 'Ana Rossi', attachment: attached.attachments[0]!.id, attachmentName: 'harbour-report.pdf', page: 2 });
    expect(inPdf[0]!.match).toContain('Zanzibarino');
    expect(await search('quetzalcoatlus')).toMatchObject([{ attachment: attached.attachments[1]!.id, page: 1 }]);
    expect(await search('pomodorel')).toMatchObject([{ attachment: attached.attachments[2]!.id, page: 1 }]);
    // Entity hits keep their shape and come first.
    const both = await search('ana');
    expect(both[0]).toEqual({ id: person, schema: 'Person', caption: 'Ana Rossi', match: 'Ana Rossi' });
    const plain = await cordon('search', file, 'zanzibarino');
    expect(plain.out).toBe(`${person}\tPerson\tAna Rossi\tin harbour-report.pdf (${attached.attachments[0]!.id}), page 2\n`);

    const list = await cordon('attachment', 'list', file, person);
    expect(list.out.trim().split('\n').map((l) => l.split('\t')[1])).toEqual(['harbour-report.pdf', 'interview.docx', 'wiretap.txt']);
    expect(JSON.parse((await cordon('attachment', 'list', file, '--json')).out).attachments).toHaveLength(3);

    const out = join(dir, 'out.pdf');
    expect((await cordon('attachment', 'get', file, attached.attachments[0]!.id, out)).code).toBe(0);
    expect(readFileSync(out).equals(readFileSync(pdf))).toBe(true);
    // Metadata stripping is for photos; a PDF is refused rather than said to be stripped.
    const strip = await cordon('attachment', 'get', file, attached.attachments[0]!.id, join(dir, 'out2.pdf'), '--strip-metadata');
    expect(strip.code).toBe(4);
    expect(strip.err).toMatch(/Metadata can be removed from JPEG and PNG photos only; this attachment is application\/pdf/);

    const removed = await cordon('attachment', 'remove', file, attached.attachments[0]!.id, '--json');
    expect(JSON.parse(removed.out)).toEqual({ id: attached.attachments[0]!.id, content_removed: true, bytes_freed: readFileSync(pdf).length });
    // Its words are gone from the search with it.
    expect(await search('zanzibarino')).toEqual([]);
    expect(JSON.parse((await cordon('audit', 'verify', file, '--json')).out).ok).toBe(true);
  });

  it('says when a file is already in the case, and when its name lies; usage errors ask for no passphrase', async () => {
    const { cordon, file, person, put } = await setup();
    const a = put('a.txt', 'same content');
    const b = put('passport.pdf', 'same content');
    const r = await cordon('attach', file, person, a, b);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[1]).toMatch(/\tpassport\.pdf\ttext\/plain\t12\t\(already in the case: stored once\)$/);
    expect(r.err).toContain('warning: passport.pdf is plain text, not a PDF document as its name says; Cordon treats it as what its bytes are.');
    expect(r.err).toContain('warning: passport.pdf is already in this case (as a.txt, on Ana Rossi); its content is stored once.');
    expect((await cordon('attach', file, person)).code).toBe(2);
    expect((await cordon('attachment', 'limit', file, 'lots')).code).toBe(2);
  });
});
