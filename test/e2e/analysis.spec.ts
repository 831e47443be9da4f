import type { OperationDetail } from '../../shared/cooperation/dto';
import { expect, test } from './bridge';
import { openDemoCase } from './helpers';

// Structure analysis through the bridge: the real renderer, the real core, the demo case (CAVIAR).

test('analysis on the demo case: table, sort, key players, a shortest path and a disruption curve', async ({ app }) => {
  const { page } = app;
  await openDemoCase(app);

  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Structure analysis' });
  await expect(panel.getByText('No analysis yet')).toBeVisible();
  await panel.getByRole('button', { name: 'Run analysis' }).click();

  // Sorted by degree by default: N1 first, with 57 ties.
  const rows = panel.getByTestId('analysis-row');
  await expect(rows.first()).toContainText('N1');
  await expect(rows.first().getByRole('cell').nth(1)).toHaveText('57');
  await expect(panel.getByTestId('analysis-summary')).toContainText('107 entities');
  await expect(panel.getByTestId('analysis-summary')).toContainText('modularity');
  await app.shot('analysis-table');

  // Sort by name (ascending), then by betweenness (descending): N1 leads again at 0.5537.
  await panel.getByRole('button', { name: 'Entity', exact: true }).click();
  await expect(panel.getByRole('columnheader', { name: /Entity/ })).toHaveAttribute('aria-sort', 'ascending');
  await panel.getByRole('button', { name: 'Betweenness', exact: true }).click();
  await expect(panel.getByRole('columnheader', { name: /Betweenness/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first()).toContainText('N1');
  await expect(rows.first()).toContainText('0.5537');
  await expect(rows.nth(1)).toContainText('N12');

  // The CSV is built here and offered as a blob: download.
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await (await download).path();
  const text = (await import('node:fs')).readFileSync(csv, 'utf8');
  expect(text.split('\r\n')[0]).toContain('Betweenness');
  expect(text.split('\r\n')[1]).toContain(',N1,Person,57,');

  await panel.getByRole('tab', { name: 'Key players' }).click();
  const players = panel.getByTestId('key-players');
  await expect(players.getByText('N1 has the most direct ties (57).')).toBeVisible();
  await expect(players.getByText(/N1 is the only link between community/).first()).toBeVisible();
  await expect(players.getByTestId('cut-vertices')).toContainText('N1');
  await app.shot('analysis-key-players');

  await panel.getByRole('tab', { name: 'Paths' }).click();
  await panel.locator('#paths-from').fill('N88');
  await panel.getByRole('menuitem', { name: /^N88/ }).first().click();
  await panel.locator('#paths-to').fill('N54');
  await panel.getByRole('menuitem', { name: /^N54/ }).first().click();
  await panel.getByRole('button', { name: 'Find', exact: true }).click();
  const path = panel.getByTestId('path').first();
  await expect(path).toContainText(/^N88 → .+ → N54$/);
  await app.shot('analysis-paths');

  await panel.getByRole('tab', { name: 'Disruption' }).click();
  await panel.getByRole('button', { name: 'Run strategies' }).click();
  const chart = panel.getByTestId('lcc-chart');
  await expect(chart.locator('polyline')).toHaveCount(2);
  await expect(chart.locator('polyline[data-strategy=betweenness]')).toHaveAttribute('points', /\s/);
  await app.shot('analysis-disruption');

  // The betweenness run's first removals become an operation's targets (operation.addTargets).
  // Sequential: after N1 goes, scores are recomputed and N3 overtakes N12.
  const created = await app.core.call('operation.create', { name: 'Operation Caviar', codeWord: 'CAVIAR', leadBureau: 'CA', bureaus: ['CA'], agencies: [] });
  if (!created.ok) throw new Error(created.error.message);
  await panel.getByRole('button', { name: 'Save as operation targets' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as operation targets' });
  await dialog.locator('#save-targets-count').fill('3');
  await expect(dialog.getByTestId('save-targets-list')).toHaveText('N1, N3, N12');
  await app.shot('analysis-save-targets');
  await dialog.getByRole('button', { name: 'Save 3 targets' }).click();
  await expect(panel.getByTestId('targets-saved')).toHaveText('Saved 3 targets to Operation Caviar.');
  const opened = await app.core.call('operation.open', { id: (created.value as OperationDetail).id });
  if (!opened.ok) throw new Error(opened.error.message);
  const op = opened.value as OperationDetail;
  expect(op.targetList.map((x) => [x.caption, x.bureau])).toEqual([
    ['N1', 'CA'],
    ['N3', 'CA'],
    ['N12', 'CA'],
  ]);
  expect(op.targetList[1]!.reason).toMatch(/^Disruption simulation \(Betweenness, sequential\): removal 2, largest group down to \d+% of its size \(audit #\d+\)\.$/);

  // Network over time: CAVIAR's own phases; N12 rises to broker in one of them.
  await panel.getByRole('tab', { name: 'Over time' }).click();
  await panel.getByRole('button', { name: 'Run over time' }).click();
  const overTime = panel.getByTestId('over-time');
  await expect(overTime).toContainText('11 periods');
  await expect(panel.getByRole('table', { name: 'Who rose to or fell from broker' })).toContainText('N12 rose to broker');
  await expect(panel.getByRole('table', { name: /Rank by betweenness per period/ }).locator('tbody tr').first()).toContainText('N1');
  await app.shot('analysis-over-time');
});
