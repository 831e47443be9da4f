import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ReportBuilder } from '../../../electron/core/interchange/report';
import { loadSpec } from '../../../electron/core/interchange/handlers';
import { counts, fixture, openCase } from './support';

describe('CSV intake: detection and preview', () => {
  const PEOPLE = { columns: ['name', 'birth date', 'country', 'notes'], first: ['José Núñez', 'Zoë Ångström', 'Müller, Jürgen'], rows: 3 };
  it.each([
    ['calls-semicolon-bom.csv', 'utf-8', ';', /UTF-8 byte-order mark/, { columns: ['caller', 'receiver', 'date', 'duration', 'caller_name', 'report', 'grade'], first: null, rows: 7 }],
    ['people-1252.csv', 'windows-1252', ',', /Windows-1252/, PEOPLE],
    ['people-utf16le.csv', 'utf-16le', '\t', /UTF-16 LE/, PEOPLE],
    ['people-utf16be.csv', 'utf-16be', '|', /UTF-16 BE/, PEOPLE],
    ['people-utf8.csv', 'utf-8', ',', /valid UTF-8/, PEOPLE],
  ])('%s: %s, delimiter %j, header', async (file, encoding, delimiter, reason, content) => {
    const { core } = await openCase();
    const p = await core.ok('import.preview', { path: fixture(file), format: 'csv' });
    expect(p).toMatchObject({ encoding, delimiter, header: true });
    expect(p.encodingReason).toMatch(reason);
    expect(p.columns).toEqual(content.columns);
    expect(p.rows).toHaveLength(content.rows);
    // The first cells, where they are the point (names in four encodings).
    expect(content.first === null ? null : p.rows.map((r) => r[0])).toEqual(content.first);
  });

  it('a file without a header row: numbered columns', async () => {
    const { core } = await openCase();
    const p = await core.ok('import.preview', { path: fixture('accounts-noheader.csv'), format: 'csv' });
    expect(p.header).toBe(false);
    expect(p.columns).toEqual(['Column 1', 'Column 2']);
    expect(p.rows[0]).toEqual(['DE89 3704 0044 0532 0130 00', 'Hans Maier']);
  });
});

describe('CSV intake: import', () => {
  it('one row = caller, receiver, call; phones deduplicated; every value sourced and graded; bad rows reported, not fatal', async () => {
    const { core, db } = await openCase();
    const spec = loadSpec(fixture('calls.spec.json'));
    const r = await core.ok('import.run', { path: fixture('calls-semicolon-bom.csv'), format: 'csv', spec });
    expect(r).toMatchObject({ records: 7, encoding: 'utf-8', delimiter: ';', dryRun: false });
    const messages = r.errors.map((e) => e.message);
    expect(messages).toContain("row 5: date '31/02/2024 09:00' is not a date");
    expect(messages.some((m) => /^row 7: phone 'not a phone' is not a phone number/.test(m))).toBe(true);
    expect(messages.some((m) => /^row 8: source grading: "Z9" is not a EU 4x4 grade/.test(m))).toBe(true);
    expect(messages).toContain('row 6: no call: receiver has no value');
    expect(r.skipped).toBe(3);
    // Four distinct numbers (+34600111222, +34600333444, +34600555666, +34600777888).
    expect(r.created).toBe(4);
    expect(r.links).toBe(3);
    const people = db().prepare("SELECT count(*) FROM entities WHERE schema = 'Person'").pluck().get();
    expect(people).toBe(4);
    const found = await core.ok('search', { query: '+34600111222', limit: 5 });
    const inaki = await core.ok('entity.get', { id: found[0]!.id });
    expect(inaki.caption).toBe('Iñaki Etxeberria');
    // Row 4 carried its own report (Intercept 7, A1): that value has that source, the rest the spec's.
    const grades = inaki.properties.phone!.map((v) => `${v.source?.title} ${v.source?.grade} ${v.source?.handling}`).sort();
    expect(grades).toEqual(['Telecom return 2024/17 B2 H1', 'Intercept 7 A1 H1'].sort());
    const other = (await core.ok('search', { query: '+34600555666', limit: 5 }))[0]!.id;
    const call = inaki.links.find((l) => l.schema === 'Call' && l.other.id === other)!;
    const callDetail = await core.ok('entity.get', { id: call.id });
    expect(callDetail.properties.date![0]!.value).toBe('2024-03-02T08:00');
    const log = await core.ok('audit.list', { limit: 5 });
    expect(log.rows[0]).toMatchObject({ action: 'import', target: r.importId });
    expect((await core.ok('import.list', {}))[0]).toMatchObject({ id: r.importId, format: 'csv', report: { created: 4, links: 3, skipped: 3 } });
  });

  it('a second import merges into the phones already in the case', async () => {
    const { core } = await openCase();
    const spec = loadSpec(fixture('calls.spec.json'));
    await core.ok('import.run', { path: fixture('calls-semicolon-bom.csv'), format: 'csv', spec });
    const again = await core.ok('import.run', { path: fixture('calls-semicolon-bom.csv'), format: 'csv', spec });
    expect(again.created).toBe(0);
    expect(again.merged).toBeGreaterThan(0);
    expect(again.entities).toBe(4);
    expect((await core.ok('case.info', {}))!.entities).toBe(4);
  });

  it('encodings: Windows-1252 and UTF-16 files give the same people', async () => {
    for (const file of ['people-1252.csv', 'people-utf16le.csv', 'people-utf16be.csv']) {
      const { core } = await openCase();
      const r = await core.ok('import.run', { path: fixture(file), format: 'csv', spec: loadSpec(fixture('people.spec.json')) });
      expect(r.created, file).toBe(3);
      const hits = await core.ok('search', { query: 'Jürgen', limit: 5 });
      expect(hits[0]?.caption, file).toBe('Müller, Jürgen');
    }
  });

  it('columns by position; IBANs merge on their natural id; an invalid IBAN skips its row', async () => {
    const { core } = await openCase();
    const r = await core.ok('import.run', { path: fixture('accounts-noheader.csv'), format: 'csv', spec: loadSpec(fixture('accounts-noheader.spec.json')) });
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^row 4: iban 'GB00 BAD 1' is not a valid IBAN/)]);
    // The row travels on its own; the reason does not repeat it (the report table shows both).
    expect(r.errors[0]).toMatchObject({ row: 4, reason: expect.stringMatching(/^iban 'GB00 BAD 1' is not a valid IBAN/) });
    const accounts = await core.ok('entity.list', { schema: 'BankAccount' });
    expect(accounts.items.map((a) => a.id).sort()).toEqual(['bankaccount-DE89370400440532013000', 'bankaccount-GB82WEST12345698765432']);
    expect(r.links).toBe(3);
  });

  it('the dry run shows what would be created and writes nothing', async () => {
    const { core, db } = await openCase();
    const before = counts(db());
    const r = await core.ok('import.dryRun', { path: fixture('calls-semicolon-bom.csv'), format: 'csv', spec: loadSpec(fixture('calls.spec.json')), limit: 3 });
    expect(r).toMatchObject({ dryRun: true, records: 3, created: 3, importId: null });
    expect(r.sample[0]).toEqual({
      row: 2,
      entities: [
        { key: 'caller', schema: 'Person', caption: 'Iñaki Etxeberria', merged: false },
        { key: 'receiver', schema: 'Person', caption: '+34600333444', merged: false },
      ],
      links: [{ schema: 'Call', from: 'caller', to: 'receiver' }],
    });
    expect(r.sample[1]!.entities.every((e) => e.merged)).toBe(true);
    expect(counts(db())).toEqual(before);
  });

  it('a mapping that does not fit the file is refused before anything is written', async () => {
    const { core, db } = await openCase();
    const before = counts(db());
    const spec = loadSpec(fixture('calls.spec.json'));
    spec.entities[0]!.properties.phone = { column: 'no such column' };
    const e = await core.fail('import.run', { path: fixture('calls-semicolon-bom.csv'), format: 'csv', spec });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/there is no column "no such column"/);
    const e2 = await core.fail('import.run', {
      path: fixture('calls-semicolon-bom.csv'),
      format: 'csv',
      spec: { ...spec, links: [{ schema: 'Membership', from: 'caller', to: 'receiver', properties: {} }] },
    });
    expect(e2.message).toMatch(/organisation must be one of Organization, Company, LegalEntity, not Person/);
    expect(counts(db())).toEqual(before);
  });

  it('files that are not what they claim are refused with a clear error and nothing written', async () => {
    const { core, db, dir } = await openCase();
    const before = counts(db());
    const spec = loadSpec(fixture('calls.spec.json'));
    expect(await core.fail('import.run', { path: fixture('report.pdf.csv'), format: 'csv', spec })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'report.pdf.csv is a PDF document, not a CSV file.',
    });
    expect((await core.fail('import.run', { path: fixture('calls-semicolon-bom.csv'), format: 'xlsx', spec })).message).toMatch(/not an XLSX workbook/);
    const huge = join(dir, 'huge.csv');
    writeFileSync(huge, 'a,b\n');
    truncateSync(huge, 2 * 1024 ** 3); // sparse: 2 GB on paper, nothing on disk
    expect((await core.fail('import.run', { path: huge, format: 'csv', spec })).message).toMatch(/huge\.csv is 2\.0 GB; the largest CSV file Cordon imports is 1\.0 GB/);
    expect((await core.fail('import.run', { path: join(dir, 'missing.csv'), format: 'csv', spec })).code).toBe('FILE_NOT_FOUND');
    expect(counts(db())).toEqual(before);
  });

  it('a cancelled import writes nothing', async () => {
    const { core, db, dir } = await openCase();
    const rows = ['caller,receiver,date,duration'];
    for (let i = 0; i < 30_000; i++) rows.push(`+4470${String(i % 5000).padStart(7, '0')},+4471${String(i % 3000).padStart(7, '0')},2024-01-01,${i % 100}`);
    const file = join(dir, 'many.csv');
    writeFileSync(file, rows.join('\n'));
    const spec = loadSpec(fixture('calls.spec.json'));
    spec.sourceColumns = undefined;
    spec.entities[0]!.properties = { phone: { column: 'caller' } };
    spec.links[0]!.properties = { date: { column: 'date' }, duration: { column: 'duration' } };
    const before = counts(db());
    const running = core.call('import.run', { path: file, format: 'csv', spec });
    // Cancel as soon as the job has reported progress past its start.
    let job: string | undefined;
    while (!job) {
      await new Promise((r) => setTimeout(r, 5));
      job = (core.events.find((e) => e.event === 'progress' && (e.payload as { done: number }).done > 0)?.payload as { job: string } | undefined)?.job;
    }
    expect(await core.ok('job.cancel', { job })).toEqual({ cancelled: true });
    const result = await running;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(core.events.at(-1)?.payload).toMatchObject({ job, state: 'cancelled' });
    expect(counts(db())).toEqual(before);
  });

  it('a cancel during the end of an import (the refresh of the entities it added to) still writes nothing', async () => {
    const { core, db, dir } = await openCase();
    // First import: 1,200 people known by phone. Second import: a name for each, so the end of the
    // import refreshes 1,200 existing entities (their captions and search text) before it commits.
    const phones = Array.from({ length: 1200 }, (_, i) => `+4470${String(i).padStart(7, '0')}`);
    const spec = { version: 1 as const, name: 'People', entities: [{ key: 'p', schema: 'Person', properties: { phone: { column: 'phone' }, name: { column: 'name' } }, identity: ['phone'] }], links: [] };
    const first = join(dir, 'phones.csv');
    writeFileSync(first, ['phone,name', ...phones.map((p) => `${p},`)].join('\n'));
    await core.ok('import.run', { path: first, format: 'csv', spec });
    const second = join(dir, 'names.csv');
    writeFileSync(second, ['phone,name', ...phones.map((p, i) => `${p},Person ${i}`)].join('\n'));
    const before = counts(db());

    // The cancel is sent when the first entity is refreshed: every row has been read by then.
    const refresh = core.session.case.entities.refresh.bind(core.session.case.entities);
    let refreshed = 0;
    let cancel: Promise<unknown> | null = null;
    vi.spyOn(core.session.case.entities, 'refresh').mockImplementation((id: string) => {
      if (refreshed++ === 0) {
        const job = (core.events.filter((e) => e.event === 'progress' && (e.payload as { label: string }).label === 'Import of names.csv').at(-1)?.payload as { job: string }).job;
        cancel = core.ok('job.cancel', { job });
      }
      return refresh(id);
    });
    const result = await core.call('import.run', { path: second, format: 'csv', spec });
    expect(await cancel).toEqual({ cancelled: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(refreshed).toBeGreaterThan(0);
    expect(refreshed).toBeLessThan(1200);
    expect(counts(db())).toEqual(before);
    expect(db().prepare("SELECT count(*) FROM statements WHERE prop = 'name'").pluck().get()).toBe(0);
  });

  it('XLSX: the first sheet, dates as dates, through the same mapping', async () => {
    const { core, dir } = await openCase();
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Calls');
    ws.addRow(['caller', 'receiver', 'date', 'duration']);
    ws.addRow(['+34 600 111 222', '+34 600 333 444', new Date(Date.UTC(2024, 2, 1)), 65]);
    ws.addRow(['+34 600 333 444', '+34 600 111 222', new Date(Date.UTC(2024, 2, 2, 10, 30)), { formula: '10*2', result: 20 }]);
    ws.addRow(['+34 600 111 222', 'oops', new Date(Date.UTC(2024, 2, 3)), 1]);
    const file = join(dir, 'calls.xlsx');
    await wb.xlsx.writeFile(file);
    const spec = loadSpec(fixture('calls.spec.json'));
    spec.sourceColumns = undefined;
    spec.entities[0]!.properties = { phone: { column: 'caller' } };
    spec.links[0]!.properties = { date: { column: 'date' }, duration: { column: 'duration' } };
    const preview = await core.ok('import.preview', { path: file, format: 'xlsx' });
    expect(preview).toMatchObject({ sheet: 'Calls', sheets: ['Calls'], header: true, columns: ['caller', 'receiver', 'date', 'duration'] });
    expect(preview.rows[1]).toEqual(['+34 600 333 444', '+34 600 111 222', '2024-03-02T10:30:00', '20']);
    const r = await core.ok('import.run', { path: file, format: 'xlsx', spec });
    expect(r).toMatchObject({ records: 3, created: 2, links: 2, skipped: 1 });
    expect(r.errors[0]!.message).toMatch(/^row 4: phone 'oops' is not a phone number/);
  });
});

describe('CSV intake: a large file', () => {
  it('is written with the WAL checkpointed by a second thread (store/bulk-mode.ts), and the case reads back whole', async () => {
    const { core, dir, db } = await openCase();
    // 4.5 MB on disk but only 9 calls: an unmapped column pads each row, so the test stays quick.
    const pad = 'x'.repeat(500_000);
    const lines = ['caller;receiver;date;duration;caller_name;report;grade;padding'];
    for (let i = 0; i < 9; i++) lines.push(`+34 600 111 ${200 + i};+34 600 333 ${400 + i};01/03/2024 10:${10 + i};${60 + i};;;;${pad}`);
    const path = join(dir, 'large-calls.csv');
    writeFileSync(path, lines.join('\n'));
    const bulk = core.session.case.bulk;
    expect(bulk.checkpointing).toBe(false);
    const r = await core.ok('import.run', { path, format: 'csv', spec: loadSpec(fixture('calls.spec.json')) });
    expect(r).toMatchObject({ records: 9, created: 18, links: 9, skipped: 0 });
    expect(bulk.checkpointing).toBe(true);
    expect(db().pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    expect(db().prepare("SELECT count(*) FROM entities WHERE schema = 'Call'").pluck().get()).toBe(9);
  });
});

describe('the import report', () => {
  it('each issue carries its row and a reason without it; the one-line message still names the row', () => {
    const report = new ReportBuilder('row');
    report.skip(1203, "date '31/02/2024' is not a date");
    report.issue(null, 'the file has no header row');
    expect(report.errors).toEqual([
      { row: 1203, reason: "date '31/02/2024' is not a date", message: "row 1,203: date '31/02/2024' is not a date" },
      { row: null, reason: 'the file has no header row', message: 'the file has no header row' },
    ]);
  });
});
