import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Page } from '@playwright/test';
import { expect, test } from './bridge';
import { chartState, demoIds, type NodeInfo, ok, openDemoCase } from './helpers';

// The link chart through the bridge: the real renderer in Chromium, the real core here. Positions
// and counts are read from cytoscape's own registry on the canvas element (cytoscape keeps its
// instance there); the product has no test hooks.


async function canvasBox(page: Page) {
  return (await page.getByTestId('chart-canvas').boundingBox())!;
}

async function clickNode(page: Page, n: NodeInfo, modifiers: Array<'Shift' | 'Control'> = []) {
  const box = await canvasBox(page);
  await page.mouse.move(box.x + n.rx, box.y + n.ry);
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.down();
  await page.mouse.up();
  for (const m of modifiers) await page.keyboard.up(m);
}

const byLabel = async (page: Page, label: string) => (await chartState(page)).nodes.find((n) => n.label === label)!;

function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

test('a chart from the demo case: expand, link by drag and undo, layouts, date filter, group, export, reopen', async ({ app }) => {
  test.setTimeout(240_000);
  const { page, core } = app;
  await openDemoCase(app);

  // An organisation with members among the CAVIAR actors, recorded through the contract.
  const ids = await demoIds(app, ['N1', 'N3', 'N12', 'N76']);
  const org = await ok(core, 'entity.create', { schema: 'Organization', properties: { name: ['Caviar ring'] } });
  for (const [n, role] of [
    ['N1', 'leader'],
    ['N3', 'lieutenant'],
    ['N12', 'courier'],
  ] as const) {
    await ok(core, 'link.create', { schema: 'Membership', from: ids.get(n)!, to: org.id, properties: { role: [role] } });
  }

  // A new chart.
  // The demo opens on its own chart; a new one is made from the list of charts.
  await page.locator('.rail').getByRole('button', { name: /Charts/ }).click();
  await page.getByRole('tab', { name: 'All charts' }).click();
  await expect(page.locator('.charts-body').getByText('CAVIAR network')).toBeVisible();
  await page.getByLabel('New chart name').fill('Caviar core');
  await page.getByRole('button', { name: 'New chart' }).click();
  await expect(page.getByText('This chart is empty')).toBeVisible();

  // Add N1 by search (Ctrl+K focuses the chart's own search while the chart is in front).
  await page.getByTestId('chart-canvas').click();
  await page.keyboard.press('Control+k');
  await expect(page.getByLabel('Add entity… (Ctrl+K)')).toBeFocused();
  await page.keyboard.type('N1');
  await expect(page.locator('.chart-add-results')).toContainText('N1');
  await page.locator('.chart-add-results').getByText('N1', { exact: true }).click();
  await expect.poll(async () => (await chartState(page)).nodes.length).toBe(1);

  // Expand N1 two hops, calls only: the count comes first.
  await page.getByRole('button', { name: 'Fit the chart' }).click();
  await clickNode(page, await byLabel(page, 'N1'));
  await expect.poll(async () => (await chartState(page)).selected.length).toBe(1);
  await page.getByRole('button', { name: 'Expand', exact: true }).click();
  const expand = page.getByRole('dialog');
  await expand.locator('#expand-hops').fill('2');
  await expand.locator('#expand-type').selectOption('Call');
  await expand.getByRole('button', { name: 'Count' }).click();
  await expect(expand.locator('.expand-count')).toContainText(/Expand adds \d+ entities/);
  const expected = Number((await expand.locator('.expand-count').textContent())!.match(/adds (\d+)/)![1]);
  expect(expected).toBeGreaterThan(5);
  await app.shot('chart-01-expand-count');
  await expand.getByRole('button', { name: /^Add / }).click();
  await expect(expand).toBeHidden();
  await expect.poll(async () => (await chartState(page)).nodes.length).toBe(expected + 1);
  const before = await chartState(page);
  expect(before.edges.length).toBeGreaterThan(expected);

  // Force layout (fcose: a small chart), then fit.
  await page.getByRole('button', { name: 'Layout', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Force-directed' }).click();
  // The layout moved the entities: most of them are somewhere else (model positions).
  const moved = (s: Awaited<ReturnType<typeof chartState>>) =>
    s.nodes.filter((n) => {
      const b = before.nodes.find((m) => m.id === n.id);
      return b !== undefined && Math.hypot(n.x - b.x, n.y - b.y) > 1;
    }).length;
  await expect.poll(async () => moved(await chartState(page))).toBeGreaterThan(before.nodes.length / 2);
  await page.getByRole('button', { name: 'Fit the chart' }).click();
  await app.shot('chart-02-force');

  // Create a link by dragging from N1's handle to another entity, then undo it.
  const state = await chartState(page);
  const n1 = state.nodes.find((n) => n.label === 'N1')!;
  const linked = new Set(state.edges.filter((e) => e.source === n1.id || e.target === n1.id).flatMap((e) => [e.source, e.target]));
  const target = state.nodes.find((n) => !linked.has(n.id) && n.id !== n1.id)!;
  const box = await canvasBox(page);
  await page.mouse.move(box.x + n1.rx, box.y + n1.ry);
  const handle = page.locator('.chart-handle');
  await expect(handle).toBeVisible();
  const hb = (await handle.boundingBox())!;
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + (n1.rx + target.rx) / 2, box.y + (n1.ry + target.ry) / 2, { steps: 5 });
  await page.mouse.move(box.x + target.rx, box.y + target.ry, { steps: 5 });
  await page.mouse.up();
  const linkDialog = page.getByRole('dialog');
  await expect(linkDialog).toContainText(`New link: N1 → ${target.label}`);
  await linkDialog.locator('#chart-link-type').selectOption('Associate');
  await linkDialog.locator('#chart-link-detail').fill('seen together');
  await linkDialog.getByRole('button', { name: 'Create link' }).click();
  await expect(linkDialog).toBeHidden();
  await expect.poll(async () => (await chartState(page)).edges.length).toBe(before.edges.length + 1);
  const created = (await chartState(page)).edges.find((e) => e.schema === 'Associate')!;
  expect([created.source, created.target].sort()).toEqual([n1.id, target.id].sort());
  await app.shot('chart-03-link-created');
  await page.getByTestId('chart-canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await chartState(page)).edges.length).toBe(before.edges.length);
  // Undone in the case too: the link is no longer among the entity's links.
  const after = await ok(core, 'entity.get', { id: target.id });
  expect(after.links.map((l) => l.id)).not.toContain(created.id);

  // Hierarchy from the selected leader (N1).
  await clickNode(page, await byLabel(page, 'N1'));
  await page.getByRole('button', { name: 'Layout', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Hierarchy from selected leader' }).click();
  await page.getByRole('button', { name: 'Fit the chart' }).click();
  const hier = await chartState(page);
  const leader = hier.nodes.find((n) => n.label === 'N1')!;
  // Top-down: the leader is on the top row.
  expect(Math.min(...hier.nodes.map((n) => n.y))).toBeCloseTo(leader.y, 0);
  await app.shot('chart-04-hierarchy');

  // Filter by date: "as of" the first month of the slider; links not active then fade.
  await page.locator('.as-of').getByText('As of').click();
  await expect.poll(async () => (await chartState(page)).faded).toBeGreaterThan(0);
  await app.shot('chart-05-as-of');
  await page.locator('.as-of').getByText('As of').click();
  await expect.poll(async () => (await chartState(page)).faded).toBe(0);

  // Group the organisation: add it, select it, group its members in a box; collapse and expand.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Caviar ring');
  await page.locator('.chart-add-results').getByText('Caviar ring').click();
  await expect.poll(async () => (await chartState(page)).nodes.some((n) => n.label === 'Caviar ring')).toBe(true);
  await page.getByRole('button', { name: 'Layout', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Force-directed' }).click();
  await page.getByRole('button', { name: 'Fit the chart' }).click();
  await page.getByTestId('chart-canvas').click({ position: { x: 5, y: 5 } });
  await clickNode(page, await byLabel(page, 'Caviar ring'));
  await page.getByRole('button', { name: "Group the organisation's members" }).click();
  await expect.poll(async () => (await chartState(page)).groups).toMatchObject([{ id: `group:org-${org.id}`, children: expect.any(Array), collapsed: false }]);
  expect((await chartState(page)).groups[0]!.children).toHaveLength(4);
  await page.getByRole('button', { name: 'Fit the chart' }).click();
  await app.shot('chart-06-group');

  // Export PNG at 2× and SVG; check the files.
  await page.getByRole('button', { name: 'Export' }).click();
  const exp = page.getByRole('dialog');
  const pngPath = join(app.dataDir, 'caviar.png');
  await exp.locator('#export-scale').selectOption('2');
  await exp.locator('#export-path').fill(pngPath);
  await exp.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(exp.locator('.export-done')).toContainText(pngPath);
  const shown = (await exp.locator('.export-done').textContent())!.match(/(\d+) × (\d+) px/)!;
  const size = pngSize(pngPath);
  expect(size).toEqual({ width: Number(shown[1]), height: Number(shown[2]) });
  expect(size.width).toBeGreaterThan(400);
  const svgPath = join(app.dataDir, 'caviar.svg');
  await exp.locator('#export-format').selectOption('svg');
  await exp.locator('#export-path').fill(svgPath);
  await exp.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(exp.locator('.export-done')).toContainText(svgPath);
  const svgText = readFileSync(svgPath, 'utf8');
  const svg = new XMLParser({ ignoreAttributes: false }).parse(svgText) as { svg: Record<string, unknown> };
  expect(svg.svg).toBeDefined();
  for (const label of ['N1', 'Caviar ring', target.label, 'Legend']) expect(svgText).toContain(`>${label}<`);
  expect(svgText).toMatch(/Highest handling on this chart: H0 · TLP:CLEAR/);
  await exp.locator('.bp6-dialog-footer').getByRole('button', { name: 'Close' }).click();

  // Close the tab and reopen the chart: the same positions, group and entities.
  const saved = await chartState(page);
  await page.getByRole('button', { name: 'Close Caviar core' }).click();
  // The demo's own chart is still open as a tab: back to the list.
  await page.getByRole('tab', { name: 'All charts' }).click();
  await expect(page.getByRole('button', { name: 'Caviar core' })).toBeVisible();
  await page.getByRole('button', { name: 'Caviar core' }).click();
  await expect.poll(async () => (await chartState(page)).nodes.length).toBe(saved.nodes.length);
  const reopened = await chartState(page);
  // Stored to a hundredth of a unit (a chart coordinate is a screen pixel at zoom 1).
  const was = new Map(saved.nodes.map((n) => [n.id, n]));
  for (const n of reopened.nodes) {
    const p = was.get(n.id)!;
    expect(Math.abs(n.x - p.x), n.label).toBeLessThanOrEqual(0.01);
    expect(Math.abs(n.y - p.y), n.label).toBeLessThanOrEqual(0.01);
  }
  // Membership and collapse come back exactly; boxes follow positions, which are kept to 0.01.
  const membership = (groups: typeof saved.groups) => groups.map((g) => ({ id: g.id, children: g.children, collapsed: g.collapsed }));
  expect(membership(reopened.groups)).toEqual(membership(saved.groups));
  await app.shot('chart-07-reopened');

  // The case has one selection (the chart, the map and the inspector share it): the organisation
  // selected before the tab closed is still selected when the chart opens again.
  expect(reopened.selected).toEqual([org.id]);
  await page.getByTestId('chart-canvas').click({ position: { x: 5, y: 5 } });
  await expect.poll(async () => (await chartState(page)).selected).toEqual([]);

  // The side panel: the selected entity's values, each with its source card, beside the chart.
  await clickNode(page, reopened.nodes.find((n) => n.label === 'N1')!);
  await expect.poll(async () => (await chartState(page)).selected).toEqual([n1.id]);
  await page.getByRole('button', { name: "Side panel: the selected entity's values and sources" }).click();
  const panel = page.getByRole('complementary', { name: 'Selected entity' });
  await expect(panel.locator('.chart-inspector-title')).toHaveText('N1');
  await expect(panel.getByTestId('provenance').first()).toBeVisible();
  await app.shot('chart-08-side-panel');
  await panel.getByRole('button', { name: 'Close the side panel' }).click();
  await expect(panel).toBeHidden();
});
