import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type CordonApp } from './bridge';
import { ok } from './helpers';

// The map through the bridge (issue 19): the real renderer in Chromium, the real core here. The
// map's view is read from the controller kept on its canvas (as cytoscape keeps its instance on
// its container); the product has no test hooks.

const PASS = 'map e2e passphrase 2026';

interface MapProbe {
  screenOf(id: string): { x: number; y: number } | null;
  drawnCounts(): { points: number; clusters: number; wedges: number };
  view: { zoom: number };
}
type ProbeCanvas = HTMLCanvasElement & { cordonMap: MapProbe };

async function probe<T>(page: Page, fn: (m: MapProbe, arg: string) => T, arg = ''): Promise<T> {
  await page.waitForFunction(() => !!(document.querySelector('canvas.map-canvas') as ProbeCanvas | null)?.cordonMap);
  return page.evaluate(
    ([src, a]) => {
      const m = (document.querySelector('canvas.map-canvas') as ProbeCanvas).cordonMap;
      return (new Function('m', 'a', `return (${src})(m, a)`) as (m: MapProbe, a: string) => T)(m, a);
    },
    [fn.toString(), arg] as const,
  );
}

async function openMap(app: CordonApp) {
  await app.page.locator('.rail').getByRole('button', { name: 'Map' }).click();
  await expect(app.page.getByTestId('map-counts')).toContainText('located');
  // Two frames: the data is drawn on the next animation frame.
  await app.page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

test('located entities on the basemap: clusters open on click, a wedge, a point selected', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await ok(app, 'case.create', { path: join(app.dataDir, 'map.cordon'), passphrase: PASS, name: 'Operation Meridian', bureau: 'FR' });
  const src = (await ok(app, 'source.create', { title: 'Surveillance', scheme: 'admiralty', grade: 'B2' })).id;
  const ids: string[] = [];
  // 60 addresses around Marseille (a cluster far out), a safe house in Lyon with a mast's wedge,
  // and a meeting in Paris linked to it.
  for (let i = 0; i < 60; i++) {
    const r = await ok(app, 'entity.create', { schema: 'Address', properties: { full: [`Quai ${i}, Marseille`], latitude: [String(43.29 + (i % 8) * 0.004)], longitude: [String(5.37 + Math.floor(i / 8) * 0.004)] }, sourceId: src });
    ids.push(r.id);
  }
  const lyon = (await ok(app, 'entity.create', { schema: 'Address', properties: { full: ['Safe house, Lyon'], latitude: ['45.764'], longitude: ['4.8357'] }, sourceId: src })).id;
  const paris = (await ok(app, 'entity.create', { schema: 'Event', properties: { name: ['Meeting at Gare de Lyon'], latitude: ['48.8443'], longitude: ['2.3744'] }, sourceId: src })).id;
  await ok(app, 'link.create', { schema: 'UnknownLink', from: lyon, to: paris, sourceId: src });
  // A mast on the Lyon address (issue 17's CellSite type is not in this catalogue yet).
  const db = app.core.session.case.db;
  const rid = db.prepare('SELECT rid FROM entities WHERE id = ?').pluck().get(lyon);
  const put = db.prepare("INSERT INTO statement_rows (entity, prop, value, source, originator, first_seen, last_seen) VALUES (?, ?, ?, NULL, 'FR', '2026-01-01', '2026-01-01')");
  put.run(rid, 'azimuth', '45');
  put.run(rid, 'beamWidth', '65');
  put.run(rid, 'range', '40000');

  await app.open();
  await openMap(app);
  await expect(page.getByTestId('map-counts')).toHaveText('62 located · 1 links · 0 selected');
  const fitted = await probe(page, (m) => ({ ...m.drawnCounts(), zoom: m.view.zoom }));
  expect(fitted.clusters).toBeGreaterThanOrEqual(1);
  expect(fitted.wedges).toBe(1);
  await app.shot('map-fitted');

  // A click on the Marseille cluster zooms in until it opens.
  const canvas = (await page.locator('canvas.map-canvas').boundingBox())!;
  const m0 = await probe(page, (m, id) => m.screenOf(id), lyon);
  expect(m0).not.toBeNull();
  await page.mouse.click(canvas.x + m0!.x, canvas.y + m0!.y);
  await expect(page.getByRole('complementary', { name: 'Selected on the map' })).toContainText('Safe house, Lyon');
  await expect(page.getByTestId('map-counts')).toContainText('1 selected');
  await app.shot('map-selected-wedge');
});
