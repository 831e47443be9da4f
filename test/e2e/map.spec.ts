import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type CordonApp } from './bridge';
import { chartState, ok } from './helpers';

// The map through the bridge (issue 19): the real renderer in Chromium, the real core here. The
// map's view is read from the controller kept on its canvas (as cytoscape keeps its instance on
// its container); the product has no test hooks.

const PASS = 'map e2e passphrase 2026';

interface MapProbe {
  screenOf(id: string): { x: number; y: number } | null;
  drawnCounts(): { points: number; clusters: number; wedges: number };
  drawnClusters(): Array<{ x: number; y: number; count: number }>;
  view: { zoom: number };
}
type ProbeCanvas = HTMLCanvasElement & { cordonMap: MapProbe };

async function mapReady(page: Page): Promise<void> {
  await page.waitForFunction(() => !!(document.querySelector('canvas.map-canvas') as ProbeCanvas | null)?.cordonMap);
}

/** Where the map drew an entity alone (null: in a cluster or off screen). */
async function screenOf(page: Page, id: string) {
  await mapReady(page);
  return page.evaluate((x) => (document.querySelector('canvas.map-canvas') as ProbeCanvas).cordonMap.screenOf(x), id);
}

async function drawn(page: Page) {
  await mapReady(page);
  return page.evaluate(() => {
    const m = (document.querySelector('canvas.map-canvas') as ProbeCanvas).cordonMap;
    return { ...m.drawnCounts(), zoom: m.view.zoom, biggest: m.drawnClusters()[0] ?? null };
  });
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
  const fitted = await drawn(page);
  expect(fitted.clusters).toBeGreaterThanOrEqual(1);
  expect(fitted.wedges).toBe(1);
  await app.shot('map-fitted');

  // A click on the Marseille cluster zooms in until it opens.
  const canvas = (await page.locator('canvas.map-canvas').boundingBox())!;
  expect(fitted.biggest?.count).toBe(60);
  await page.mouse.click(canvas.x + fitted.biggest!.x, canvas.y + fitted.biggest!.y);
  await expect.poll(async () => (await drawn(page)).zoom).toBeGreaterThan(fitted.zoom + 0.9);
  // It breaks into smaller clusters and single addresses.
  await expect.poll(async () => ((d) => d.points + d.clusters)(await drawn(page))).toBeGreaterThan(2);
  await app.shot('map-cluster-opened');
  // 0 fits the data again.
  await page.locator('canvas.map-canvas').focus();
  await page.keyboard.press('0');
  await expect.poll(async () => (await drawn(page)).zoom).toBeCloseTo(fitted.zoom, 5);
  await page.keyboard.press('+');
  await expect.poll(async () => (await drawn(page)).zoom).toBeCloseTo(fitted.zoom + 1, 5);
  await page.keyboard.press('-');
  await expect.poll(async () => (await drawn(page)).zoom).toBeCloseTo(fitted.zoom, 5);
  const m0 = await screenOf(page, lyon);
  expect(m0).not.toBeNull();
  await page.mouse.click(canvas.x + m0!.x, canvas.y + m0!.y);
  await expect(page.getByRole('complementary', { name: 'Selected on the map' })).toContainText('Safe house, Lyon');
  await expect(page.getByTestId('map-counts')).toContainText('1 selected');
  await app.shot('map-selected-wedge');
});

test('import a KML from the screen, see its points on the map, select one and see it selected on the chart', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await ok(app, 'case.create', { path: join(app.dataDir, 'kml.cordon'), passphrase: PASS, name: 'Operation Harbour', bureau: 'NL' });
  const kml = join(app.dataDir, 'observations.kml');
  writeFileSync(
    kml,
    `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Observations</name>
  <Placemark><name>Warehouse Waalhaven</name><Point><coordinates>4.4300,51.8900</coordinates></Point></Placemark>
  <Placemark><name>Handover Amsterdam</name><TimeStamp><when>2026-02-03</when></TimeStamp><Point><coordinates>4.8952,52.3702</coordinates></Point></Placemark>
  <Placemark><name>Safe house Utrecht</name><Point><coordinates>5.1214,52.0907</coordinates></Point></Placemark>
</Document></kml>`,
  );
  await app.open();
  await page.locator('.rail').getByRole('button', { name: /Import/ }).click();
  await page.locator('#import-path').fill(kml);
  await expect(page.locator('#import-format')).toHaveValue('kml');
  await page.getByRole('button', { name: 'Preview what will be created' }).click();
  await expect(page.getByTestId('import-dry')).toContainText('Safe house Utrecht');
  await page.getByRole('button', { name: 'Run the import' }).click();
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('import-figures').locator('[data-figure="created"] dd')).toHaveText('3');
  await report.getByRole('button', { name: 'Open on a chart' }).click();
  await expect(page.locator('.chart-count')).toContainText(/^3 entities/);

  await openMap(app);
  await expect(page.getByTestId('map-counts')).toHaveText('3 located · 0 links · 0 selected');
  const ids = (await ok(app, 'map.data', {})).ids;
  const detail = await Promise.all(ids.map((id) => ok(app, 'entity.get', { id })));
  const utrecht = detail.find((d) => d.caption === 'Safe house Utrecht')!.id;
  const at = await screenOf(page, utrecht);
  expect(at).not.toBeNull();
  const box = (await page.locator('canvas.map-canvas').boundingBox())!;
  await page.mouse.click(box.x + at!.x, box.y + at!.y);
  await expect(page.getByRole('complementary', { name: 'Selected on the map' })).toContainText('Safe house Utrecht');
  await expect(page.getByRole('complementary', { name: 'Selected on the map' })).toContainText('Import of observations.kml');
  await app.shot('map-kml-selected');

  // The same entity is selected on the chart.
  await page.locator('.rail').getByRole('button', { name: 'Charts' }).click();
  await expect(page.locator('.chart-count')).toContainText('1 selected');
  expect((await chartState(page)).selected).toEqual([utrecht]);
  await app.shot('map-kml-chart-selected');

  // And back: what is selected on the chart is selected on the map.
  const st = await chartState(page);
  const amsterdam = detail.find((d) => d.caption === 'Handover Amsterdam')!.id;
  const node = st.nodes.find((n) => n.id === amsterdam)!;
  const cbox = (await page.getByTestId('chart-canvas').boundingBox())!;
  await page.mouse.move(cbox.x + node.rx, cbox.y + node.ry);
  await page.mouse.down();
  await page.mouse.up();
  // The chart adds a tapped node to what is selected (its own rule); the map shows both.
  await expect.poll(async () => (await chartState(page)).selected).toEqual([amsterdam, utrecht].sort());
  await openMap(app);
  await expect(page.getByTestId('map-counts')).toHaveText('3 located · 0 links · 2 selected');
  await app.shot('map-kml-two-from-chart');
});

test('a phone selected on the chart: its path through its cell sites on the map, numbered in time order', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await ok(app, 'case.create', { path: join(app.dataDir, 'movement.cordon'), passphrase: PASS, name: 'Operation Relay', bureau: 'FR' });
  await ok(app, 'case.setRegion', { region: 'FR', timeZone: 'Europe/Paris' });
  // A's calls hop Paris → Lyon → Marseille; one call on a cell not in the list; one as receiver (no cell for A).
  const cdr = join(app.dataDir, 'relay.csv');
  writeFileSync(
    cdr,
    [
      'calling_number,called_number,start_time,duration,call_type,cell_id',
      '0612345678,0698765432,2024-03-01 10:00:00,60,voice,208-01-1-1',
      '0612345678,0698765432,2024-03-01 12:00:00,60,voice,208-01-1-1',
      '0698765432,0612345678,2024-03-01 15:00:00,60,voice,208-01-9-9',
      '0612345678,0698765432,2024-03-02 09:00:00,60,voice,208-01-2-2',
      '0612345678,0698765432,2024-03-02 18:00:00,60,voice,208-01-7-7',
      '0612345678,0698765432,2024-03-03 20:00:00,60,voice,208-01-3-3',
      '',
    ].join('\n'),
  );
  const cells = join(app.dataDir, 'cells.csv');
  writeFileSync(cells, 'cell_id,lat,lon,azimuth,beam_width\n208-01-1-1,48.8566,2.3522,90,60\n208-01-2-2,45.764,4.8357,180,60\n208-01-3-3,43.2965,5.3698,270,60\n208-01-9-9,50.6292,3.0573,0,60\n');
  const imported = await ok(app, 'comms.importCdr', { path: cdr });
  await ok(app, 'comms.importCells', { path: cells });
  const chart = await ok(app, 'chart.create', { name: 'Relay phones', importId: imported.importId! });

  await app.open();
  await page.locator('.rail').getByRole('button', { name: 'Charts' }).click();
  await page.getByRole('button', { name: chart.name }).click();
  await expect.poll(async () => (await chartState(page)).nodes.length).toBe(2);
  // Clicked once the chart has settled (its layout and fit move the nodes after they appear).
  let was = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify((await chartState(page)).nodes.map((n) => [Math.round(n.rx), Math.round(n.ry)]));
      const still = now === was;
      was = now;
      return still;
    }, { intervals: [300] })
    .toBe(true);
  const a = (await chartState(page)).nodes.find((n) => n.label === '+33 6 12 34 56 78')!;
  const box = (await page.getByTestId('chart-canvas').boundingBox())!;
  await page.mouse.click(box.x + a.rx, box.y + a.ry);
  await expect.poll(async () => (await chartState(page)).selected).toEqual([a.id]);

  await openMap(app);
  const strip = page.getByTestId('map-movement');
  await expect(strip).toContainText('Movement of +33 6 12 34 56 78:');
  // Paris (two calls), Lyon, Marseille: three stays; the cell 7-7 that is not in the list is
  // counted, not drawn; the call A received (its cell is B's, in Lille) has no cell for A.
  await expect(strip).toContainText('3 stays on cell sites');
  await expect(strip).toContainText('not drawn: 1 on cells not placed, 1 with no cell for this phone');
  await expect.poll(() => page.evaluate(() => (document.querySelector('canvas.map-canvas') as unknown as { cordonMap: { movementDrawn(): number } }).cordonMap.movementDrawn())).toBe(3);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await app.shot('map-05-movement');
});
