import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openCase } from './support';
import { exportWarnings } from '../../../electron/core/interchange/run';

async function graded(core: Awaited<ReturnType<typeof openCase>>['core']) {
  const open = (await core.ok('source.create', { title: 'Open report', scheme: 'eu4x4', grade: 'B2', handling: 'H0' })).id;
  const secret = (await core.ok('source.create', { title: 'Informant', scheme: 'eu4x4', grade: 'A1', handling: 'H2' })).id;
  const red = (await core.ok('source.create', { title: 'Liaison', scheme: 'admiralty', grade: 'B2', tlp: 'RED' })).id;
  const a = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Marco Rossi'], phone: ['+39 333 1234567'] }, sourceId: open })).id;
  await core.ok('entity.update', { id: a, add: [{ prop: 'passportNumber', value: 'YA1234567' }], sourceId: secret });
  const b = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Informant X'] }, sourceId: secret })).id;
  const c = (await core.ok('entity.create', { schema: 'Company', properties: { name: ['Rossi Import Srl'] }, sourceId: red })).id;
  const d = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Luca Bianchi'] }, sourceId: open })).id;
  await core.ok('link.create', { schema: 'Associate', from: a, to: b, properties: {}, sourceId: open });
  await core.ok('link.create', { schema: 'Directorship', from: a, to: c, properties: { role: ['director'] }, sourceId: open });
  await core.ok('link.create', { schema: 'Associate', from: a, to: d, properties: { relationship: ['cousin'] }, sourceId: secret });
  return { a, b, c, d };
}

describe('export: handling codes travel', () => {
  it('leaves H2 and TLP:RED values out by default, says so, and the audit log records the export', async () => {
    const { core, dir } = await openCase();
    await graded(core);
    const out = join(dir, 'out.ftm.jsonl');
    const r = await core.ok('export.run', { path: out, format: 'ftm' });
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(/YA1234567|Informant X|Rossi Import|cousin/);
    expect(text).toMatch(/Marco Rossi/);
    // Marco, Luca; the Associate link to the withheld informant and the H2 link go; the director link (to a RED company) goes.
    expect(r).toMatchObject({ entities: 2, links: 0, handling: 'H0', tlp: null });
    expect(r.withheldValues).toBeGreaterThan(0);
    expect(r.restrictedIncluded).toBe(0);
    // The figures are said once: the writer's warnings do not repeat them; the CLI words them.
    expect(r.warnings.join(' ')).not.toMatch(/H2/);
    expect(exportWarnings(r)[0]).toMatch(/values graded H2 or TLP:RED \(not to be disseminated\) were left out/);
    const log = await core.ok('audit.list', { limit: 1 });
    expect(log.rows[0]).toMatchObject({ action: 'export', detail: { format: 'ftm', includeRestricted: false, entities: 2 } });
  });

  it('includes them only when asked, with a warning and the most restrictive marking', async () => {
    const { core, dir } = await openCase();
    await graded(core);
    const r = await core.ok('export.run', { path: join(dir, 'all.gexf'), format: 'gexf', includeRestricted: true });
    expect(r).toMatchObject({ entities: 4, links: 3, withheldValues: 0, handling: 'H2', tlp: 'RED' });
    expect(r.restrictedIncluded).toBeGreaterThan(0);
    expect(exportWarnings(r)[0]).toMatch(/INCLUDES \d+ values graded H2 or TLP:RED/);
  });

  it('--select: the matching entities and the links among them; CSV as two tables', async () => {
    const { core, dir } = await openCase();
    const ids = await graded(core);
    const out = join(dir, 'sel.csv');
    const r = await core.ok('export.run', { path: out, format: 'csv', select: { ids: [ids.a, ids.d] }, includeRestricted: true });
    expect(r.files).toEqual([out, join(dir, 'sel-links.csv')]);
    const entities = parse(readFileSync(out, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(entities.map((e) => e.caption).sort()).toEqual(['Luca Bianchi', 'Marco Rossi']);
    expect(entities.find((e) => e.caption === 'Marco Rossi')).toMatchObject({ schema: 'Person', phone: '+393331234567', passportNumber: 'YA1234567' });
    const links = parse(readFileSync(r.files[1]!, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(links).toEqual([expect.objectContaining({ schema: 'Associate', source: 'Marco Rossi', target: 'Luca Bianchi', relationship: 'cousin' })]);
    const q = await core.ok('export.run', { path: join(dir, 'q.graphml'), format: 'graphml', select: { query: 'Rossi' } });
    expect(q.entities).toBe(1);
    expect((await core.fail('export.run', { path: join(dir, 'none.graphml'), format: 'graphml', select: { query: 'nobody here' } })).code).toBe('NOT_FOUND');
    expect(existsSync(join(dir, 'none.graphml'))).toBe(false);
    expect((await core.fail('export.run', { path: out, format: 'csv' })).code).toBe('FILE_EXISTS');
  });
});
