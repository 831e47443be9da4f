import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testCore, type TestCore } from '../helpers';

// Charts stored in the case: what is saved comes back exactly, across closing and reopening.

const PASS = 'pw for charts';

async function openCase(): Promise<{ core: TestCore; path: string }> {
  const dir = tempDir();
  const core = testCore(dir);
  const path = join(dir, 'c.cordon');
  await core.ok('case.create', { path, passphrase: PASS, name: 'Charts', bureau: 'IT' });
  return { core, path };
}

async function person(core: TestCore, name: string, sourceId?: string): Promise<string> {
  return (await core.ok('entity.create', { schema: 'Person', properties: { name: [name] }, ...(sourceId ? { sourceId } : {}) })).id;
}

describe('charts in the case', () => {
  it('creates, lists, renames and deletes charts, with audit rows', async () => {
    const { core } = await openCase();
    const a = await core.ok('chart.create', { name: 'Overview' });
    const b = await core.ok('chart.create', { name: 'Cell 2' });
    expect((await core.ok('chart.list', {})).map((c) => c.name)).toEqual(['Overview', 'Cell 2']);
    expect((await core.ok('chart.rename', { id: b.id, name: 'Cell two' })).name).toBe('Cell two');
    await core.ok('chart.delete', { id: a.id });
    expect((await core.ok('chart.list', {})).map((c) => c.name)).toEqual(['Cell two']);
    expect((await core.fail('chart.open', { id: a.id })).code).toBe('NOT_FOUND');
    const actions = (await core.ok('audit.list', { limit: 50 })).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['chart.create', 'chart.rename', 'chart.delete']));
  });

  it('restores positions, pins, styles, hidden items, groups and settings exactly after close and reopen', async () => {
    const { core, path } = await openCase();
    const strong = await core.ok('source.create', { title: 'Wiretap', scheme: 'eu4x4', grade: 'A2', handling: 'H1', tlp: 'AMBER' });
    const weak = await core.ok('source.create', { title: 'Rumour', scheme: 'eu4x4', grade: 'C3' });
    const p1 = await person(core, 'Anna', strong.id);
    const p2 = await person(core, 'Bruno');
    const org = (await core.ok('entity.create', { schema: 'Organization', properties: { name: ['Clan'] } })).id;
    const call = (await core.ok('link.create', { schema: 'Call', from: p1, to: p2, properties: { count: ['12'], startDate: ['1994-01'], endDate: ['1994-03'] }, sourceId: strong.id })).id;
    const member = (await core.ok('link.create', { schema: 'Membership', from: p2, to: org, properties: { role: ['lieutenant'] }, sourceId: weak.id })).id;
    const chart = await core.ok('chart.create', { name: 'Clan' });
    const settings = {
      hideMode: 'remove' as const,
      mergeParallel: true,
      filters: { hiddenTypes: ['Vehicle'], hiddenLinkTypes: [], asOf: '1994-02', minGrade: null, search: 'ann' },
      groups: [{ id: 'g1', label: 'Clan', orgId: org, collapsed: true }],
      rules: [{ kind: 'size' as const, measure: 'betweenness' }],
      viewport: { zoom: 1.25, x: 10, y: -20 },
    };
    await core.ok('chart.save', {
      id: chart.id,
      upsert: [
        { entityId: p1, x: 100.25, y: -50.5, pinned: true, style: { colour: '#ff8800', size: 2 } },
        { entityId: p2, x: 0, y: 0, hidden: true, group: 'g1' },
        { entityId: org, x: 300, y: 40 },
      ],
      settings,
    });
    await core.ok('case.close', {});
    await core.ok('case.open', { path, passphrase: PASS });
    const opened = await core.ok('chart.open', { id: chart.id });
    expect(opened.notices).toEqual([]);
    expect(opened.chart.settings).toEqual(settings);
    const byId = new Map(opened.nodes.map((n) => [n.id, n]));
    expect(byId.get(p1)).toMatchObject({ x: 100.25, y: -50.5, pinned: true, hidden: false, style: { colour: '#ff8800', size: 2 }, group: null, handling: 'H1', tlp: 'AMBER', caption: 'Anna' });
    expect(byId.get(p2)).toMatchObject({ x: 0, y: 0, hidden: true, group: 'g1' });
    expect(byId.get(org)).toMatchObject({ schema: 'Organization', x: 300, y: 40 });
    const edges = new Map(opened.edges.map((e) => [e.id, e]));
    expect(edges.get(call)).toMatchObject({ schema: 'Call', source: p1, target: p2, strength: 12, strong: true, grade: { scheme: 'eu4x4', grade: 'A2' }, start: '1994-01', end: '1994-03', directed: true });
    expect(edges.get(member)).toMatchObject({ label: 'lieutenant', strong: false, grade: { grade: 'C3' }, strength: 1 });
  });

  it('saves in batches: moves and removals in one call', async () => {
    const { core } = await openCase();
    const ids = await Promise.all(['A', 'B', 'C'].map((n) => person(core, n)));
    const chart = await core.ok('chart.create', { name: 'Batch' });
    await core.ok('chart.save', { id: chart.id, upsert: ids.map((entityId, i) => ({ entityId, x: i, y: i })) });
    const saved = await core.ok('chart.save', { id: chart.id, upsert: [{ entityId: ids[0]!, x: 9, y: 9 }], remove: [ids[1]!] });
    expect(saved.items).toBe(2);
    const opened = await core.ok('chart.open', { id: chart.id });
    expect(opened.nodes.map((n) => [n.caption, n.x]).sort()).toEqual([
      ['A', 9],
      ['C', 2],
    ]);
  });

  it('refuses to place an unknown entity or a link', async () => {
    const { core } = await openCase();
    const [a, b] = [await person(core, 'A'), await person(core, 'B')];
    const link = (await core.ok('link.create', { schema: 'Associate', from: a, to: b })).id;
    const chart = await core.ok('chart.create', { name: 'X' });
    expect((await core.fail('chart.save', { id: chart.id, upsert: [{ entityId: 'IT-nope', x: 0, y: 0 }] })).code).toBe('NOT_FOUND');
    expect((await core.fail('chart.save', { id: chart.id, upsert: [{ entityId: link, x: 0, y: 0 }] })).code).toBe('NOT_FOUND');
    expect((await core.fail('chart.save', { id: chart.id, upsert: [{ entityId: a, x: Number.NaN, y: 0 }] })).code).toBe('INVALID_INPUT');
  });

  it('opens a chart whose entities were deleted from the case without them, with a notice', async () => {
    const { core } = await openCase();
    const [a, b, c] = [await person(core, 'A'), await person(core, 'B'), await person(core, 'C')];
    await core.ok('link.create', { schema: 'Associate', from: a, to: b });
    const chart = await core.ok('chart.create', { name: 'X' });
    await core.ok('chart.save', { id: chart.id, upsert: [a, b, c].map((entityId) => ({ entityId, x: 1, y: 2 })) });
    await core.ok('entity.delete', { id: b });
    const opened = await core.ok('chart.open', { id: chart.id });
    expect(opened.notices).toEqual([{ kind: 'deleted', count: 1 }]);
    expect(opened.nodes.map((n) => n.id).sort()).toEqual([a, c].sort());
    expect(opened.edges).toEqual([]);
    // The record is cleaned: the next opening has nothing to report.
    expect((await core.ok('chart.open', { id: chart.id })).notices).toEqual([]);
  });

  it('opens a corrupt chart record as an empty chart with a notice', async () => {
    const { core } = await openCase();
    const a = await person(core, 'A');
    const chart = await core.ok('chart.create', { name: 'Broken' });
    await core.ok('chart.save', { id: chart.id, upsert: [{ entityId: a, x: 1, y: 2 }] });
    // Damage the record the way a faulty tool or a bad disk might: settings no longer JSON.
    core.session.case.db.prepare("UPDATE charts SET settings = '{not json' WHERE id = ?").run(chart.id);
    const opened = await core.ok('chart.open', { id: chart.id });
    expect(opened.notices).toEqual([{ kind: 'corrupt' }]);
    expect(opened.nodes).toEqual([]);
  });
});


describe('expanding and drawing data', () => {
  it('counts neighbours N hops out, filtered by link type, date and grading, excluding what is on the chart', async () => {
    const { core } = await openCase();
    const good = await core.ok('source.create', { title: 'Good', scheme: 'eu4x4', grade: 'B2' });
    const poor = await core.ok('source.create', { title: 'Poor', scheme: 'eu4x4', grade: 'C3' });
    const [a, b, c, d, e] = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((n) => person(core, n)));
    const org = (await core.ok('entity.create', { schema: 'Organization', properties: { name: ['Org'] } })).id;
    await core.ok('link.create', { schema: 'Call', from: a!, to: b!, properties: { startDate: ['1994-01'], endDate: ['1994-02'] }, sourceId: good.id });
    await core.ok('link.create', { schema: 'Call', from: b!, to: c!, properties: { startDate: ['1995-06'] }, sourceId: good.id });
    await core.ok('link.create', { schema: 'Associate', from: a!, to: d!, sourceId: poor.id });
    await core.ok('link.create', { schema: 'Membership', from: c!, to: org, sourceId: good.id });
    await core.ok('link.create', { schema: 'Call', from: e!, to: org });

    const all2 = await core.ok('chart.expand', { from: [a!], hops: 2 });
    expect(all2).toMatchObject({ count: 3, truncated: false, bySchema: { Person: 3 } });
    expect(new Set(all2.ids)).toEqual(new Set([b, c, d]));
    expect((await core.ok('chart.expand', { from: [a!], hops: 3 })).bySchema).toEqual({ Person: 3, Organization: 1 });
    expect((await core.ok('chart.expand', { from: [a!], hops: 2, linkTypes: ['Call'] })).ids.sort()).toEqual([b, c].sort());
    expect((await core.ok('chart.expand', { from: [a!], hops: 2, minGrade: { grade: 'B2' } })).ids.sort()).toEqual([b, c].sort());
    // Only links active in 1994: the 1995 call is not walked.
    expect((await core.ok('chart.expand', { from: [a!], hops: 2, dateFrom: '1994', dateTo: '1994-12' })).ids.sort()).toEqual([b, d].sort());
    // Entities already on the chart are walked through but not counted.
    expect((await core.ok('chart.expand', { from: [a!], hops: 2, exclude: [b!] })).ids.sort()).toEqual([c, d].sort());
    const capped = await core.ok('chart.expand', { from: [a!], hops: 2, limit: 1 });
    expect(capped).toMatchObject({ count: 3, truncated: true });
    expect(capped.ids).toHaveLength(1);
    expect((await core.fail('chart.expand', { from: [a!], minGrade: { grade: 'Z9' } })).code).toBe('INVALID_INPUT');
  });

  it('gives drawing data for new entities with their links to what is on the chart', async () => {
    const { core } = await openCase();
    const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((n) => person(core, n)));
    const ab = (await core.ok('link.create', { schema: 'Associate', from: a!, to: b!, properties: { relationship: ['cousin'] } })).id;
    const ab2 = (await core.ok('link.create', { schema: 'Call', from: b!, to: a!, properties: { count: ['40'] } })).id;
    await core.ok('link.create', { schema: 'Call', from: b!, to: c! });
    const els = await core.ok('chart.elements', { entityIds: [b!], withIds: [a!] });
    expect(els.nodes.map((n) => n.caption)).toEqual(['B']);
    expect(els.edges.map((e) => e.id).sort()).toEqual([ab, ab2].sort());
    expect(els.edges.find((e) => e.id === ab)).toMatchObject({ label: 'cousin', directed: false, grade: null, strong: false });
    expect(els.edges.find((e) => e.id === ab2)).toMatchObject({ strength: 40, directed: true });
  });

  it('adopts an imported layout as a chart', async () => {
    const { core } = await openCase();
    const [a, b] = [await person(core, 'A'), await person(core, 'B')];
    const db = core.session.case.db;
    db.prepare("INSERT INTO layouts (id, name, origin, created_at) VALUES ('L1', 'From ANX', 'anx', 'now')").run();
    db.prepare("INSERT INTO layout_items (layout_id, entity_id, x, y) VALUES ('L1', ?, 5, 6), ('L1', ?, NULL, 7)").run(a, b);
    const chart = await core.ok('chart.create', { name: 'Imported', layoutId: 'L1' });
    expect(chart.items).toBe(2);
    const opened = await core.ok('chart.open', { id: chart.id });
    expect(opened.nodes.map((n) => [n.caption, n.x, n.y]).sort()).toEqual([
      ['A', 5, 6],
      ['B', 0, 7],
    ]);
  });

  it('writes PNG and SVG exports, refuses the wrong content or an existing file, and audits them', async () => {
    const { core, path } = await openCase();
    const chart = await core.ok('chart.create', { name: 'Out' });
    const dir = join(path, '..');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');
    expect((await core.ok('chart.export', { id: chart.id, path: join(dir, 'a.png'), format: 'png', data: png, handling: 'H1' })).bytes).toBe(16);
    expect((await core.fail('chart.export', { id: chart.id, path: join(dir, 'a.png'), format: 'png', data: png })).code).toBe('FILE_EXISTS');
    expect((await core.fail('chart.export', { id: chart.id, path: join(dir, 'b.png'), format: 'png', data: 'aGVsbG8=' })).code).toBe('INVALID_INPUT');
    expect((await core.fail('chart.export', { id: chart.id, path: join(dir, 'b.svg'), format: 'png', data: png })).code).toBe('INVALID_INPUT');
    await core.ok('chart.export', { id: chart.id, path: join(dir, 'c.svg'), format: 'svg', data: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' });
    const rows = (await core.ok('audit.list', { limit: 10 })).rows.filter((r) => r.action === 'chart.export');
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => (r.detail as { handling: string | null }).handling).sort()).toEqual(['H1', null].sort());
  });
});
