import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './bridge';
import { callsFile, chartState, type NodeInfo, ok } from './helpers';

// A big chart (above 2,000 elements: the fast stylesheet, without icons in the node style) still
// shows each entity's type icon once the analyst zooms in far enough to read it: the icon layer
// draws them over the canvas for the entities in view, and nothing at overview zoom.

const PASS = 'big chart e2e passphrase 2024';

/** Pixels the icon layer has drawn (alpha above zero). */
const drawnPixels = () => {
  const c = document.querySelector('[data-testid=chart-icons]') as HTMLCanvasElement;
  const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
  return n;
};

test('a chart of 3,300 elements: no icons at overview zoom, type icons once zoomed in', async ({ app }) => {
  const { page } = app;
  await ok(app, 'case.create', { path: join(app.dataDir, 'big.cordon'), passphrase: PASS, name: 'Many calls', bureau: 'GB' });
  // 1,100 calls, each between two numbers of its own: 2,200 people and 1,100 calls on the chart.
  const { csv, spec } = callsFile(app, 'calls.csv', 1100, 1100);
  const report = await ok(app, 'import.run', { path: csv, format: 'csv', spec: JSON.parse(readFileSync(spec, 'utf8')) });
  await ok(app, 'chart.create', { name: 'All calls', importId: report.importId! });
  await app.open();
  await page.locator('.rail').getByRole('button', { name: 'Charts' }).click();
  await page.getByRole('button', { name: 'All calls' }).click();
  await expect(page.locator('.chart-count')).toContainText(/^2,200 entities · 1,100 links/, { timeout: 30_000 });

  const layer = page.getByTestId('chart-icons');
  await expect(layer).toHaveAttribute('data-icons', '0');
  expect(await page.evaluate(drawnPixels)).toBe(0);
  await app.shot('chart-big-01-overview');

  // Select the entity nearest the centre and zoom to it, as an analyst would.
  const box = (await page.getByTestId('chart-canvas').boundingBox())!;
  const fromCentre = (n: NodeInfo) => Math.hypot(n.rx - box.width / 2, n.ry - box.height / 2);
  const target = (await chartState(page)).nodes.reduce((best, n) => (fromCentre(n) < fromCentre(best) ? n : best));
  // At overview zoom an entity is a pixel wide: a box drawn around it (Shift-drag) selects it
  // and its neighbours on screen.
  await page.keyboard.down('Shift');
  await page.mouse.move(box.x + target.rx - 12, box.y + target.ry - 12);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(box.x + target.rx - 12 + 4 * i, box.y + target.ry - 12 + 4 * i);
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.locator('.chart-count')).toContainText(/· [1-9]\d* selected/);
  await page.getByRole('button', { name: 'Zoom to selection' }).click();
  await expect.poll(async () => Number(await layer.getAttribute('data-icons'))).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(drawnPixels)).toBeGreaterThan(200);
  await app.shot('chart-big-02-zoomed-icons');

  // The layer never takes the pointer: a click on an entity under an icon still selects it.
  const hit = (await chartState(page)).nodes.find((n) => n.rx > box.width * 0.2 && n.rx < box.width * 0.8 && n.ry > box.height * 0.2 && n.ry < box.height * 0.8)!;
  await page.mouse.click(box.x + 20, box.y + 20);
  await expect(page.locator('.chart-count')).toContainText(/· 0 selected/);
  await page.mouse.click(box.x + hit.rx, box.y + hit.ry);
  await expect.poll(async () => (await chartState(page)).selected).toEqual([hit.id]);
});
