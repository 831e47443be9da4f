import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Input, Method, Output } from '../../shared/api';
import type { Core } from '../../electron/core/runtime';
import type { CordonApp } from './bridge';

// What the e2e specs share: calls to the real core for set-up and checks, and the chart as
// cytoscape holds it (read from its registry on the canvas element; the product has no test hooks).

/** A call to the real core, unwrapped; a failure throws with its code and message. */
export async function ok<M extends Method>(target: CordonApp | Core, method: M, input: Input<M>): Promise<Output<M>> {
  const core = 'core' in target ? target.core : target;
  const r = await core.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code}: ${r.error.message}`);
  return r.value as Output<M>;
}

export interface NodeInfo {
  id: string;
  label: string;
  parent: string | null;
  x: number;
  y: number;
  /** Rendered (screen) position within the canvas. */
  rx: number;
  ry: number;
}

/** The chart on screen: entities, links, faded count, groups and the selection (sorted ids). */
export async function chartState(page: Page) {
  // The canvas element can be mounted a moment before its cytoscape instance attaches (a tab
  // switch, a dialog closing over it): wait for the instance rather than read a half-made view.
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid=chart-canvas]') as unknown as { _cyreg?: { cy?: unknown } } | null;
    return el?._cyreg?.cy !== undefined;
  });
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid=chart-canvas]') as unknown as { _cyreg: { cy: import('cytoscape').Core } };
    const cy = el._cyreg.cy;
    const nodes = cy
      .nodes()
      .not('.group, .ghost')
      .map((x) => {
        const n = x as import('cytoscape').NodeSingular;
        return {
          id: n.id(),
          label: String(n.data('label')),
          parent: (n.data('parent') as string | undefined) ?? null,
          x: n.position().x,
          y: n.position().y,
          rx: n.renderedPosition().x,
          ry: n.renderedPosition().y,
        };
      });
    const edges = cy.edges().not('.ghost, .merged').map((e) => ({ id: e.id(), schema: String(e.data('schema')), source: e.data('source') as string, target: e.data('target') as string }));
    const faded = cy.elements('.faded').length;
    const groups = cy.nodes('.group').map((g) => {
      const bb = g.boundingBox({ includeLabels: true });
      return {
        id: g.id(),
        label: String(g.data('label')),
        children: g.children().map((c) => c.id()).sort(),
        collapsed: g.hasClass('collapsed'),
        box: { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 },
      };
    });
    return { nodes, edges, faded, groups, selected: cy.nodes(':selected').map((n) => n.id()).sort() };
  });
}

/** A call-record CSV of `rows` calls among `phones` numbers, and a spec mapping it (phones, calls). */
export function callsFile(app: CordonApp, name: string, rows: number, phones: number): { csv: string; spec: string } {
  const lines = ['caller,receiver,date,duration'];
  for (let i = 0; i < rows; i++) lines.push(`+4470${String(i % phones).padStart(7, '0')},+4471${String((i * 7) % phones).padStart(7, '0')},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i % 600}`);
  const csv = join(app.dataDir, name);
  writeFileSync(csv, `${lines.join('\n')}\n`);
  const spec = join(app.dataDir, `${name}.spec.json`);
  const phone = { schema: 'Person', properties: { phone: { column: 'caller' } }, identity: ['phone'] };
  writeFileSync(
    spec,
    JSON.stringify({
      version: 1,
      name: 'Calls',
      entities: [
        { key: 'caller', ...phone },
        { key: 'receiver', ...phone, properties: { phone: { column: 'receiver' } } },
      ],
      links: [{ schema: 'Call', from: 'caller', to: 'receiver', properties: { date: { column: 'date' }, duration: { column: 'duration' } } }],
    }),
  );
  return { csv, spec };
}

/** Opens the app on the demo case (CAVIAR, built on first use) from the start screen. */
export async function openDemoCase(app: CordonApp): Promise<void> {
  await app.open();
  await app.page.getByRole('button', { name: 'Open demo case' }).click();
  await expect(app.page.locator('.top-bar .case-name')).toBeVisible({ timeout: 60_000 });
}

/** The ids of demo-case actors by caption (N1, N12, …), found through the contract's search. */
export async function demoIds(app: CordonApp, captions: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const n of captions) ids.set(n, (await ok(app, 'search', { query: n, limit: 5 })).find((x) => x.caption === n)!.id);
  return ids;
}
