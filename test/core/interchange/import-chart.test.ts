import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../electron/core/interchange/handlers';
import { MAX_IMPORT_CHART } from '../../../electron/core/charts/from-import';
import { fixture, openCase } from './support';

// "Open on a chart" after an import: the entities that import brought, and only those, on a new
// chart, placed where the file put them or laid out by the core.

describe('a chart of what an import brought', () => {
  it('CSV calls: the phones of that import, laid out apart, with the calls among them; not entities from elsewhere', async () => {
    const { core } = await openCase();
    const before = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Already Here'] } })).id;
    const r = await core.ok('import.run', { path: fixture('calls-semicolon-bom.csv'), format: 'csv', spec: loadSpec(fixture('calls.spec.json')) });
    const chart = await core.ok('chart.create', { name: 'Import: calls', importId: r.importId! });
    expect(chart.items).toBe(4);
    const opened = await core.ok('chart.open', { id: chart.id });
    expect(opened.nodes.map((n) => n.id)).not.toContain(before);
    expect(opened.nodes).toHaveLength(4);
    expect(opened.edges).toHaveLength(3);
    // A layout, not a heap: every pair of nodes is apart.
    const pos = opened.nodes.map((n) => [n.x!, n.y!] as const);
    for (let i = 0; i < pos.length; i++) {
      for (let j = i + 1; j < pos.length; j++) expect(Math.hypot(pos[i]![0] - pos[j]![0], pos[i]![1] - pos[j]![1])).toBeGreaterThan(1);
    }
    const log = await core.ok('audit.list', { limit: 1 });
    expect(log.rows[0]).toMatchObject({ action: 'chart.create', target: chart.id });
  });

  it('a second import of the same file charts the phones it merged into', async () => {
    const { core } = await openCase();
    const spec = loadSpec(fixture('calls.spec.json'));
    await core.ok('import.run', { path: fixture('calls-semicolon-bom.csv'), format: 'csv', spec });
    const again = await core.ok('import.run', { path: fixture('calls-semicolon-bom.csv'), format: 'csv', spec });
    expect(again.created).toBe(0);
    const chart = await core.ok('chart.create', { name: 'Again', importId: again.importId! });
    expect(chart.items).toBe(4);
  });

  it('ANX: entities where the file put them', async () => {
    const { core } = await openCase();
    const r = await core.ok('import.run', { path: fixture('chart-idref.anx'), format: 'anx' });
    expect(r.layoutId).not.toBeNull();
    const layout = await core.ok('chart.create', { name: 'Layout', layoutId: r.layoutId! });
    const fromImport = await core.ok('chart.create', { name: 'Import', importId: r.importId! });
    const place = async (id: string) =>
      (await core.ok('chart.open', { id })).nodes
        .map((n) => `${n.caption}@${n.x},${n.y}`)
        .sort();
    expect(await place(fromImport.id)).toEqual(await place(layout.id));
  });

  it('refuses an unknown import, both a layout and an import, and an import too big for a chart, writing nothing', async () => {
    const { core, db } = await openCase();
    const charts = () => db().prepare('SELECT count(*) FROM charts').pluck().get();
    expect((await core.fail('chart.create', { name: 'X', importId: 'FR-0190aaaa-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
    expect((await core.fail('chart.create', { name: 'X', importId: 'a', layoutId: 'b' })).code).toBe('INVALID_INPUT');
    // An import record that claims more entities than a chart holds (written directly: a real
    // import of that size is the bench's job, not a unit test's).
    const d = db();
    d.prepare("INSERT INTO imports (id, format, file_name, sha256, bytes, report, actor, started_at, finished_at) VALUES ('big', 'csv', 'big.csv', '', 0, '{}', 'FR/x', 'now', 'now')").run();
    const insertEntity = d.prepare("INSERT INTO entities (id, schema, caption, is_link, created_at, updated_at) VALUES (?, 'Person', ?, 0, 'now', 'now')");
    const insertItem = d.prepare("INSERT INTO import_entities (import_id, entity_id) VALUES ('big', ?)");
    d.transaction(() => {
      for (let i = 0; i <= MAX_IMPORT_CHART; i++) {
        insertEntity.run(`p${i}`, `P${i}`);
        insertItem.run(`p${i}`);
      }
    })();
    const big = await core.fail('chart.create', { name: 'Big', importId: 'big' });
    expect(big.code).toBe('CONSTRAINT');
    expect(big.message).toMatch(/20,001 entities; a chart opens at most 20,000/);
    expect(charts()).toBe(0);
  });
});
