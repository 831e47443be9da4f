import { expect, test } from './bridge';
import { chartState, demoIds, ok, openDemoCase } from './helpers';

// The chart's hand tools through the bridge: dragging entities from the case's list onto the
// chart, lasso selection, the grouped-by-organisation layout, and editing an entity from the
// chart's side panel. State is read from cytoscape's own registry on the canvas element.

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}


const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

test('drag from the entity list, lasso, grouped layout, edit from the side panel', async ({ app }) => {
  test.setTimeout(240_000);
  const { page, core } = app;
  await openDemoCase(app);

  // Two organisations among the CAVIAR actors, recorded through the contract.
  const ids = await demoIds(app, ['N1', 'N3', 'N12', 'N76', 'N87']);
  const caviar = await ok(core, 'entity.create', { schema: 'Organization', properties: { name: ['Caviar ring'] } });
  const port = await ok(core, 'entity.create', { schema: 'Organization', properties: { name: ['Port crew'] } });
  ids.set('Caviar ring', caviar.id);
  ids.set('Port crew', port.id);
  for (const [n, org] of [
    ['N1', caviar.id],
    ['N3', caviar.id],
    ['N12', caviar.id],
    ['N76', port.id],
    ['N87', port.id],
  ] as const) {
    await ok(core, 'link.create', { schema: 'Membership', from: ids.get(n)!, to: org, properties: { role: ['member'] } });
  }

  await page.locator('.rail').getByRole('button', { name: /Charts/ }).click();
  await page.getByRole('tab', { name: 'All charts' }).click();
  await page.getByLabel('New chart name').fill('Hand tools');
  await page.getByRole('button', { name: 'New chart' }).click();
  await expect(page.getByText('This chart is empty')).toBeVisible();
  const chart = (await ok(core, 'chart.list', {})).find((c) => c.name === 'Hand tools')!;

  // The entity list beside the chart: drag entities onto it, each lands where it is dropped.
  await page.getByRole('button', { name: 'Entity list: drag entities onto the chart' }).click();
  const pane = page.getByRole('complementary', { name: 'Entities to drag onto the chart' });
  await expect(pane).toBeVisible();
  const canvas = page.getByTestId('chart-canvas');
  const drops: Array<[string, number, number]> = [
    ['N1', 450, 150],
    ['N3', 580, 150],
    ['N12', 450, 300],
    ['Caviar ring', 720, 220],
    ['N76', 900, 380],
    ['N87', 1000, 300],
    ['Port crew', 900, 180],
  ];
  for (const [label, x, y] of drops) {
    await pane.getByLabel('Filter entities').fill(label);
    const row = pane.locator('.entity-row').filter({ has: page.locator('.entity-caption').getByText(label, { exact: true }) });
    await row.dragTo(canvas, { targetPosition: { x, y } });
    await expect.poll(async () => (await chartState(page)).nodes.some((n) => n.label === label)).toBe(true);
    const n = (await chartState(page)).nodes.find((m) => m.label === label)!;
    expect(Math.abs(n.rx - x), label).toBeLessThan(2);
    expect(Math.abs(n.ry - y), label).toBeLessThan(2);
  }
  await app.shot('chart-tools-01-dropped');
  // Saved in the case, through the contract (batched, a moment later).
  await expect.poll(async () => (await ok(core, 'chart.open', { id: chart.id })).nodes.length).toBe(drops.length);
  // A drop is one undoable step.
  await canvas.click({ position: { x: 350, y: 40 } });
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await chartState(page)).nodes.length).toBe(drops.length - 1);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await chartState(page)).nodes.length).toBe(drops.length);
  // Dropped back on the list itself, nothing is added.
  await pane.getByLabel('Filter entities').fill('N5');
  // The drag's end is seen at the window: the drag is over, and nothing accepted the drop (the list
  // is no drop target and the chart refuses drops on its panels), so its effect is "none".
  await page.evaluate(() => {
    const w = window as unknown as { dragEnded?: { effect: string } };
    delete w.dragEnded;
    window.addEventListener('dragend', (e) => (w.dragEnded = { effect: e.dataTransfer?.dropEffect ?? '?' }), { once: true });
  });
  await pane
    .locator('.entity-row')
    .filter({ has: page.locator('.entity-caption').getByText('N5', { exact: true }) })
    .dragTo(pane.locator('.list-scroller'), { targetPosition: { x: 100, y: 200 } });
  await expect.poll(() => page.evaluate(() => (window as unknown as { dragEnded?: { effect: string } }).dragEnded ?? null)).toEqual({ effect: 'none' });
  expect((await chartState(page)).nodes.length).toBe(drops.length);
  expect((await ok(core, 'chart.open', { id: chart.id })).nodes.length).toBe(drops.length);
  await page.getByRole('button', { name: 'Close the entity list' }).click();
  await expect(pane).toBeHidden();

  // Lasso: a loop round N1, N3 and N12 (not Caviar ring beside them) selects those three.
  const lasso = page.getByRole('button', { name: /^Lasso/ });
  await lasso.click();
  await expect(lasso).toHaveAttribute('aria-pressed', 'true');
  const cb = (await canvas.boundingBox())!;
  const draw = async (loop: Array<[number, number]>, shift = false, beforeRelease?: () => Promise<void>) => {
    if (shift) await page.keyboard.down('Shift');
    await page.mouse.move(cb.x + loop[0]![0], cb.y + loop[0]![1]);
    await page.mouse.down();
    for (const [x, y] of [...loop.slice(1), loop[0]!]) await page.mouse.move(cb.x + x, cb.y + y, { steps: 4 });
    await beforeRelease?.();
    await page.mouse.up();
    if (shift) await page.keyboard.up('Shift');
  };
  const loop: Array<[number, number]> = [
    [400, 110],
    [640, 110],
    [640, 200],
    [510, 350],
    [400, 350],
  ];
  await draw(loop, false, async () => {
    await expect(page.locator('.chart-lasso-line')).toHaveAttribute('points', /\d/);
    await app.shot('chart-tools-02-lasso-drawing');
  });
  // The loop goes when the button is released.
  await expect(page.locator('.chart-lasso-line')).toHaveAttribute('points', '');
  const want = ['N1', 'N3', 'N12'].map((n) => ids.get(n)!).sort();
  await expect.poll(async () => (await chartState(page)).selected).toEqual(want);
  // The loop is drawn while dragging; the screenshot shows the selection after release.
  await app.shot('chart-tools-02-lasso-selected');
  // Shift adds a second loop's catch (N76) to the selection.
  await draw(
    [
      [860, 340],
      [940, 340],
      [940, 420],
      [860, 420],
    ],
    true,
  );
  await expect.poll(async () => (await chartState(page)).selected).toEqual([...want, ids.get('N76')!].sort());
  // Esc ends lasso mode: the canvas pans and drags again.
  await page.keyboard.press('Escape');
  await expect(lasso).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('chart-lasso')).toHaveCount(0);

  // Grouped by organisation: one box per organisation, its members inside, boxes apart.
  const before = await chartState(page);
  await canvas.click({ position: { x: 350, y: 40 } });
  await page.getByRole('button', { name: 'Layout', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Grouped by organisation' }).click();
  await expect.poll(async () => (await chartState(page)).groups.length).toBe(2);
  await page.getByRole('button', { name: 'Fit the chart' }).click();
  const grouped = await chartState(page);
  const box = (org: string) => grouped.groups.find((g) => g.id === `group:org-${ids.get(org)}`)!;
  expect(box('Caviar ring').children).toEqual(['Caviar ring', 'N1', 'N3', 'N12'].map((n) => ids.get(n)!).sort());
  expect(box('Port crew').children).toEqual(['Port crew', 'N76', 'N87'].map((n) => ids.get(n)!).sort());
  expect(overlaps(box('Caviar ring').box, box('Port crew').box)).toBe(false);
  for (const g of grouped.groups)
    for (const id of g.children) {
      const n = grouped.nodes.find((m) => m.id === id)!;
      expect(n.x > g.box.x1 && n.x < g.box.x2 && n.y > g.box.y1 && n.y < g.box.y2, n.label).toBe(true);
    }
  // Nothing outside a box sits inside one.
  for (const n of grouped.nodes.filter((m) => m.parent === null))
    for (const g of grouped.groups) expect(n.x > g.box.x1 && n.x < g.box.x2 && n.y > g.box.y1 && n.y < g.box.y2, n.label).toBe(false);
  await app.shot('chart-tools-03-grouped');
  // Saved with the chart: the boxes come back from the case.
  await expect.poll(async () => (await ok(core, 'chart.open', { id: chart.id })).chart.settings.groups.length).toBe(2);
  // Undo takes the boxes away and puts everything back.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await chartState(page)).groups.length).toBe(0);
  const undone = await chartState(page);
  for (const n of undone.nodes) {
    const was = before.nodes.find((m) => m.id === n.id)!;
    expect(Math.abs(n.x - was.x) + Math.abs(n.y - was.y), n.label).toBeLessThan(0.01);
  }

  // On the selection only: Port crew and its members are boxed; the rest do not move.
  await page.getByRole('button', { name: /^Lasso/ }).click();
  const crew = undone.nodes.filter((n) => ['Port crew', 'N76', 'N87'].includes(n.label));
  const [x1, x2] = [Math.min(...crew.map((n) => n.rx)) - 25, Math.max(...crew.map((n) => n.rx)) + 25];
  const [y1, y2] = [Math.min(...crew.map((n) => n.ry)) - 25, Math.max(...crew.map((n) => n.ry)) + 25];
  await draw([
    [x1, y1],
    [x2, y1],
    [x2, y2],
    [x1, y2],
  ]);
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await chartState(page)).selected.length).toBe(3);
  await page.getByRole('button', { name: 'Layout', exact: true }).click();
  await page.getByText('Selection only').click();
  await page.getByRole('menuitem', { name: 'Grouped by organisation' }).click();
  await expect.poll(async () => (await chartState(page)).groups.length).toBe(1);
  const partial = await chartState(page);
  expect(partial.groups[0]!.children).toEqual(['Port crew', 'N76', 'N87'].map((n) => ids.get(n)!).sort());
  for (const n of partial.nodes.filter((m) => m.parent === null)) {
    const was = before.nodes.find((m) => m.id === n.id)!;
    expect(Math.abs(n.x - was.x) + Math.abs(n.y - was.y), n.label).toBeLessThan(0.01);
  }
  await page.keyboard.press('Escape');
  await app.shot('chart-tools-04-grouped-selection');

  // Edit from the side panel: the change lands in the case and on the chart's label.
  const portNode = partial.nodes.find((n) => n.label === 'Port crew')!;
  await canvas.click({ position: { x: 350, y: 40 } });
  await page.mouse.click(cb.x + portNode.rx, cb.y + portNode.ry);
  await expect.poll(async () => (await chartState(page)).selected).toEqual([port.id]);
  await page.getByRole('button', { name: "Side panel: the selected entity's values and sources" }).click();
  const panel = page.getByRole('complementary', { name: 'Selected entity' });
  await expect(panel.locator('.chart-inspector-title')).toHaveText('Port crew');
  await panel.getByRole('button', { name: 'Edit values' }).click();
  const edit = page.getByRole('dialog');
  const nameId = await edit.locator('.statement-edit', { hasText: 'Name' }).locator('input').first().getAttribute('id');
  await edit.locator(`#${nameId}`).fill('Port crew of Gioia Tauro');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(panel.locator('.chart-inspector-title')).toHaveText('Port crew of Gioia Tauro');
  expect((await ok(core, 'entity.get', { id: port.id })).caption).toBe('Port crew of Gioia Tauro');
  await expect.poll(async () => (await chartState(page)).nodes.find((n) => n.id === port.id)!.label).toBe('Port crew of Gioia Tauro');
  // The box it heads takes the new name too, and keeps it in the saved chart.
  await expect.poll(async () => (await chartState(page)).groups[0]!.label).toBe('Port crew of Gioia Tauro');
  await expect.poll(async () => (await ok(core, 'chart.open', { id: chart.id })).chart.settings.groups[0]!.label).toBe('Port crew of Gioia Tauro');
  await app.shot('chart-tools-05-edited');
});
