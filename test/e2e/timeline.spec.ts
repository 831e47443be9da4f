import type { Page } from '@playwright/test';
import { expect, test } from './bridge';
import { chartState, demoIds, openDemoCase } from './helpers';

// The timeline through the bridge (issue 18): the real renderer in Chromium, the real core here.
// What was drawn is read from the controller kept on its canvas (`cordonTimeline`), as cytoscape
// keeps its instance on its container; the product has no test hooks.

interface TimelineProbe {
  lines: Array<{ entity: string; caption: string }>;
  drawn: { events: number; connectors: number; bars: number };
  x(t: number): number;
  lineY(i: number): number;
  mode: string;
}
type ProbeCanvas = HTMLCanvasElement & { cordonTimeline: TimelineProbe };

async function probe(page: Page) {
  return page.evaluate(() => {
    const c = (document.querySelector('[data-testid=timeline-canvas]') as ProbeCanvas).cordonTimeline;
    return { lines: c.lines.map((l) => l.caption), drawn: { ...c.drawn }, mode: c.mode };
  });
}

/** Screen position (page coordinates) of an instant on the timeline's first line. */
async function at(page: Page, iso: string) {
  const box = (await page.getByTestId('timeline-canvas').boundingBox())!;
  const { x, y } = await page.evaluate((t) => {
    const c = (document.querySelector('[data-testid=timeline-canvas]') as ProbeCanvas).cordonTimeline;
    return { x: c.x(t), y: c.lineY(0) };
  }, Date.parse(iso));
  return { x: box.x + x, y: box.y + y };
}

test('a timeline of three CAVIAR actors: theme lines and connectors, a brush that filters the chart, the histogram', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await openDemoCase(app);
  await expect(page.getByTestId('chart-canvas')).toBeVisible();
  await expect.poll(async () => (await chartState(page)).nodes.length).toBeGreaterThan(50);
  expect((await chartState(page)).faded).toBe(0);

  // Three actors selected on the chart (the case's one selection), then their timeline.
  const ids = await demoIds(app, ['N1', 'N3', 'N12']);
  await page.evaluate((want) => {
    const el = document.querySelector('[data-testid=chart-canvas]') as unknown as { _cyreg: { cy: import('cytoscape').Core } };
    const cy = el._cyreg.cy;
    cy.nodes().unselect();
    for (const id of want) cy.getElementById(id).select();
  }, [...ids.values()]);
  await expect.poll(async () => (await chartState(page)).selected.length).toBe(3);

  await page.locator('.rail').getByRole('button', { name: 'Timeline' }).click();
  await expect(page.getByTestId('timeline-canvas')).toBeVisible();
  await page.getByTestId('timeline-of-selection').click();
  await expect(page.getByTestId('timeline-info')).toContainText('events');
  await expect.poll(async () => (await probe(page)).drawn.events).toBeGreaterThan(0);
  const lines = await probe(page);
  expect([...lines.lines].sort()).toEqual(['N1', 'N12', 'N3']);
  // Calls between two of them are connectors between their lines.
  expect(lines.drawn.connectors).toBeGreaterThan(0);
  await app.shot('timeline-01-lines');

  // Brush March to mid-August 1994 (phases 2–4): the chart is filtered as of the brush's end.
  const a = await at(page, '1994-03-01T00:00:00Z');
  const b = await at(page, '1994-08-15T12:00:00Z');
  await page.mouse.move(a.x, a.y + 12);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, a.y + 12, { steps: 4 });
  await page.mouse.move(b.x, a.y + 12, { steps: 4 });
  await page.mouse.up();
  await expect(page.getByTestId('timeline-brush')).toContainText(/1994-0[23]-\d\d – 1994-08-1\d/);
  await expect(page.locator('.as-of-date')).toHaveText(/^1994-08-1\d$/);
  await expect.poll(async () => (await chartState(page)).faded).toBeGreaterThan(0);
  await app.shot('timeline-02-brushed');

  // The histogram of the selection's events, counted by the core for the view.
  await page.getByRole('button', { name: 'Histogram' }).click();
  await expect.poll(async () => (await probe(page)).drawn.bars).toBeGreaterThan(0);
  await app.shot('timeline-03-histogram');

  // Zoom with the keyboard; Escape clears the brush and the chart's filter with it.
  await page.getByTestId('timeline-canvas').focus();
  await page.keyboard.press('+');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('timeline-brush')).toContainText('Drag across the timeline');
  await expect.poll(async () => (await chartState(page)).faded).toBe(0);
});
