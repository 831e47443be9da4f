import { join } from 'node:path';
import { pdfPageCount, pdfPages, pdfPageToPng } from '../core/cooperation/pdf-read';
import { expect, test, type CordonApp } from './bridge';
import { ok } from './helpers';

// Meetings and joint operations (issue 7) through the screen: an operation planned on a case with
// entities (targets, a phase, two dependent tasks, the status advanced), a deconfliction warning
// once a second operation (set up through the core) targets the same person, and a meeting with an
// agenda item and an overdue action item.

const PASS = 'cooperation e2e passphrase 2024';

async function setUpCase(app: CordonApp) {
  await ok(app, 'case.create', { path: join(app.dataDir, 'coop.cordon'), passphrase: PASS, name: 'ES — Operación Niebla', bureau: 'ES' });
  const src = await ok(app, 'source.create', { title: 'Guardia Civil report 118', scheme: 'eu4x4', grade: 'B2', tlp: 'GREEN' });
  const carlos = await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Carlos Ruiz'] }, sourceId: src.id });
  const marta = await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Marta Soler'] }, sourceId: src.id });
  const clan = await ok(app, 'entity.create', { schema: 'Organization', properties: { name: ['Clan del Norte'] }, sourceId: src.id });
  await ok(app, 'link.create', { schema: 'Membership', from: carlos.id, to: clan.id, properties: {}, sourceId: src.id });
  await ok(app, 'link.create', { schema: 'Membership', from: marta.id, to: clan.id, properties: {}, sourceId: src.id });
  return { carlos, marta, clan };
}

test('an operation planned through the screen, a deconfliction warning, a meeting with an overdue action', async ({ app }) => {
  const { page } = app;
  const { carlos } = await setUpCase(app);
  await app.open();
  await expect(page.locator('.top-bar .case-name')).toHaveText('ES — Operación Niebla');
  const rail = page.locator('.rail');

  // --- A new operation.
  await rail.getByRole('button', { name: 'Operations' }).click();
  await page.locator('.pane-header').getByRole('button', { name: 'New operation' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('#op-name').fill('Atlantic Fog');
  await dialog.locator('#op-code').fill('niebla');
  await expect(dialog.locator('#op-lead')).toHaveValue('ES');
  await dialog.locator('#op-bureaus').fill('es, fr');
  await dialog.locator('#op-agencies').fill('Guardia Civil; OFAST');
  await dialog.getByRole('button', { name: 'Create operation' }).click();
  await expect(dialog).toBeHidden();
  const opPage = page.locator('.operation-page');
  await expect(opPage.locator('#operation-title')).toHaveText('Atlantic Fog');
  await expect(opPage.locator('.code-word')).toHaveText('NIEBLA');
  await expect(opPage.locator('.op-status')).toHaveText('Planning');

  // --- Two targets, by entity search.
  for (const [name, reason, bureau] of [
    ['Carlos Ruiz', 'Lieutenant, runs the port team', 'ES'],
    ['Marta Soler', 'Money courier', 'FR'],
  ] as const) {
    await page.locator('#op-target-entity').fill(name.split(' ')[0]!);
    await page.locator('.picker-results').getByText(name).click();
    await page.locator('#op-target-reason').fill(reason);
    await page.locator('#op-target-bureau').fill(bureau);
    await page.getByRole('button', { name: 'Add target' }).click();
    await expect(page.locator('.target-table tbody tr', { hasText: name })).toContainText(reason);
  }
  await expect(page.locator('.target-table tbody tr')).toHaveCount(2);

  // --- A phase and two tasks, the second depending on the first.
  await page.locator('#phase-name').fill('Surveillance');
  await page.locator('#phase-start').fill('2031-03-01');
  await page.locator('#phase-end').fill('2031-03-20');
  await page.getByRole('button', { name: 'Add phase' }).click();
  await expect(page.locator('.gantt-phase')).toHaveCount(1);
  await page.locator('#task-title').fill('Port watch');
  await page.locator('#task-owner').fill('ES');
  await page.locator('#task-start').fill('2031-03-01');
  await page.locator('#task-end').fill('2031-03-08');
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.locator('.gantt-task')).toHaveCount(1);
  await page.locator('#task-title').fill('Courier tracking');
  await page.locator('#task-owner').fill('FR');
  await page.locator('#task-start').fill('2031-03-10');
  await page.locator('#task-end').fill('2031-03-18');
  await page.locator('#task-depends').selectOption({ label: 'Port watch' });
  await page.getByRole('button', { name: 'Add task' }).click();
  await expect(page.locator('.gantt-task')).toHaveCount(2);
  await expect(page.getByTestId('gantt-dependency')).toHaveCount(1);

  // --- The action day with a schedule in two time zones.
  await page.locator('#action-day-date').fill('2031-03-21');
  await page.getByRole('button', { name: 'Set action day' }).click();
  await expect(page.locator('.action-day-current')).not.toHaveText('No action day set');
  await page.locator('#event-bureau').fill('ES');
  await page.locator('#event-zone').fill('Europe/Madrid');
  await page.locator('#event-local').fill('2031-03-21T06:00');
  await page.locator('#event-label').fill('Simultaneous searches');
  await page.getByRole('button', { name: 'Add to the schedule' }).click();
  await expect(page.locator('.timeline-table tbody tr')).toHaveCount(1);
  await page.locator('#event-bureau').fill('PT');
  await page.locator('#event-zone').fill('Atlantic/Azores');
  await page.locator('#event-local').fill('2031-03-21T04:00');
  await page.locator('#event-label').fill('Boarding of the vessel');
  await page.getByRole('button', { name: 'Add to the schedule' }).click();
  await expect(page.locator('.timeline-table tbody tr')).toHaveCount(2);
  await expect(page.locator('.timeline-table')).toContainText('UTC+01:00');
  await expect(page.locator('.timeline-table')).toContainText('UTC-01:00');

  // --- The status, one step at a time.
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(opPage.locator('.op-status')).toHaveText('Approved');
  await expect(page.getByRole('button', { name: 'Start execution' })).toBeVisible();
  await opPage.locator('.operation-header').scrollIntoViewIfNeeded();
  await app.shot('cooperation-01-operation');
  await page.locator('.gantt').scrollIntoViewIfNeeded();
  await app.shot('cooperation-02-timeline');

  // --- Results once executing: an arrest, and the network after it against the plan.
  await page.getByRole('button', { name: 'Start execution' }).click();
  await expect(opPage.locator('.op-status')).toHaveText('Executing');
  await page.locator('#result-kind').selectOption('arrest');
  await page.locator('#result-target').selectOption({ label: 'Carlos Ruiz' });
  await page.locator('#result-bureau').fill('ES');
  await page.getByRole('button', { name: 'Record result' }).click();
  await expect(page.locator('.results-table').first()).toContainText('Carlos Ruiz');
  await expect(page.getByTestId('plan-vs-achieved')).toContainText(/Planned to cut the largest connected component to \d+%; achieved \d+%/);
  await page.getByTestId('plan-vs-achieved').scrollIntoViewIfNeeded();
  await app.shot('cooperation-07-results');

  // --- A French operation targets the same person: both see it.
  const other = await ok(app, 'operation.create', { name: 'Opération Brume', codeWord: 'BRUME', leadBureau: 'FR', bureaus: ['FR'] });
  await ok(app, 'operation.addTargets', { id: other.id, targets: [{ entityId: carlos.id, reason: 'Buyer contact', bureau: 'FR' }] });
  await rail.getByRole('button', { name: 'Entities' }).click();
  await rail.getByRole('button', { name: 'Operations' }).click();
  await page.locator('.operation-table').getByRole('button', { name: 'Atlantic Fog' }).click();
  const decon = page.locator('.deconfliction-callout');
  await expect(decon).toBeVisible();
  await expect(decon).toContainText('Deconfliction: 1 conflict');
  await expect(decon.locator('li')).toContainText('Carlos Ruiz');
  await opPage.locator('.operation-header').scrollIntoViewIfNeeded();
  await app.shot('cooperation-03-deconfliction-warning');
  await page.getByRole('tab', { name: 'Deconfliction' }).click();
  const row = page.locator('.deconfliction-table tbody tr', { hasText: 'Carlos Ruiz' });
  await expect(row).toContainText('Atlantic Fog');
  await expect(row).toContainText('Opération Brume');
  await app.shot('cooperation-04-deconfliction-list');

  // --- A meeting: an agenda item through the screen, an overdue action item.
  const meeting = await ok(app, 'meeting.create', { title: 'ES–FR operational meeting', date: '2024-05-14', place: 'Madrid', bureaus: ['ES', 'FR'] });
  await ok(app, 'meeting.addAction', { meetingId: meeting.id, title: 'Send the courier’s phone analysis', ownerBureau: 'FR', due: '2024-06-01' });
  await ok(app, 'meeting.addAction', { meetingId: meeting.id, title: 'Prepare the EIO for the vessel', ownerBureau: 'ES', due: '2099-01-01' });
  await rail.getByRole('button', { name: 'Meetings' }).click();
  await expect(page.locator('#meeting-title')).toHaveText('ES–FR operational meeting');
  await page.locator('#item-title').fill('Clan del Norte: port logistics');
  await page.locator('#item-entity').fill('Carlos');
  await page.locator('.picker-results').getByText('Carlos Ruiz').click();
  await page.getByRole('button', { name: 'Add agenda item' }).click();
  const item = page.getByTestId('agenda-item');
  await expect(item).toContainText('Clan del Norte: port logistics');
  await expect(item.locator('.agenda-link')).toHaveText('Entity: Carlos Ruiz');
  await item.locator('textarea').fill('FR confirms the courier travels monthly.');
  await item.getByRole('button', { name: 'Save minutes' }).click();
  await expect(item.getByRole('button', { name: 'Save minutes' })).toBeDisabled();
  const overdue = page.locator('.action-table tbody tr.overdue');
  await expect(overdue).toHaveCount(1);
  await expect(overdue).toContainText('Overdue');
  await expect(overdue).toContainText('phone analysis');
  await app.shot('cooperation-05-meeting');
  await page.getByRole('tab', { name: 'Open action items' }).click();
  await expect(page.locator('.open-actions-table tbody tr')).toHaveCount(2);
  await expect(page.locator('.open-actions-table tbody tr.overdue')).toContainText('phone analysis');
  await app.shot('cooperation-06-open-actions');
});

test('a briefing pack written from the meeting view, in full and for one participant', async ({ app }) => {
  const { page } = app;
  const { carlos, marta, clan } = await setUpCase(app);
  // A source restricted to ES and PT: FR may not receive what rests on it.
  const covert = await ok(app, 'source.create', { title: 'Undercover report 9', scheme: 'eu4x4', grade: 'A1', handling: 'H3', tlp: 'AMBER', restrictedTo: ['ES', 'PT'] });
  const mole = await ok(app, 'entity.create', { schema: 'Person', properties: { name: ['Inés Navarro'] }, sourceId: covert.id });
  const chart = await ok(app, 'chart.create', { name: 'Clan del Norte' });
  await ok(app, 'chart.save', {
    id: chart.id,
    upsert: [
      { entityId: carlos.id, x: 0, y: 0 },
      { entityId: marta.id, x: 300, y: 0 },
      { entityId: clan.id, x: 150, y: 160 },
    ],
  });
  const meeting = await ok(app, 'meeting.create', { title: 'ES–FR operational meeting', date: '2031-05-14', place: 'Madrid', bureaus: ['ES', 'FR'] });
  await ok(app, 'meeting.addItem', { meetingId: meeting.id, title: 'Clan del Norte: port logistics', charts: [chart.id] });
  await ok(app, 'meeting.addItem', { meetingId: meeting.id, title: 'Our source in the clan', entities: [mole.id] });
  await app.open();
  await page.locator('.rail').getByRole('button', { name: 'Meetings' }).click();
  await expect(page.locator('#meeting-title')).toHaveText('ES–FR operational meeting');

  await page.getByRole('button', { name: 'Briefing pack' }).click();
  const dialog = page.getByRole('dialog');
  const full = join(app.dataDir, 'briefing-full.pdf');
  await dialog.locator('#briefing-path').fill(full);
  await dialog.getByRole('button', { name: 'Write PDF' }).click();
  await expect(dialog.locator('.briefing-done')).toContainText('4 pages, 2 agenda items, marked H3 · TLP:AMBER');
  await app.shot('cooperation-08-briefing-dialog');
  expect(pdfPageCount(full)).toBe(4);
  const pages = pdfPages(full);
  for (const text of pages) expect(text).toMatch(/HANDLING H3 · TLP:AMBER/);
  // The chart drawn on the item's page: its entities' labels, then the key players and sources.
  expect(pages[2]).toMatch(/Clan del Norte: port logistics[\s\S]*Carlos Ruiz[\s\S]*Marta Soler[\s\S]*Key players[\s\S]*Guardia Civil report 118 +eu4x4 +B2/);
  pdfPageToPng(full, 1, join('test/e2e/screenshots', 'cooperation-09-briefing-page1.png'));
  pdfPageToPng(full, 3, join('test/e2e/screenshots', 'cooperation-10-briefing-item.png'));

  // FR's pack: the item on the restricted source is left out, and the dialog says so.
  await dialog.locator('#briefing-for').selectOption('FR');
  // A path the analyst typed is kept when the recipient changes.
  await expect(dialog.locator('#briefing-path')).toHaveValue(full);
  const fr = join(app.dataDir, 'briefing-fr.pdf');
  await dialog.locator('#briefing-path').fill(fr);
  await dialog.getByRole('button', { name: 'Write PDF' }).click();
  await expect(dialog.locator('.briefing-done')).toContainText('Left out of the pack for FR: 1 item: Our source in the clan');
  const frText = pdfPages(fr).join('\n');
  expect(frText).toMatch(/Pack for bureau FR/);
  expect(frText).not.toMatch(/Our source in the clan|Undercover report|Navarro/);
  // Writing over an existing file needs the switch.
  await dialog.getByRole('button', { name: 'Write PDF' }).click();
  await expect(dialog.locator('.cordon-error[data-code="FILE_EXISTS"]')).toBeVisible();
  await app.shot('cooperation-11-briefing-refused');
});

test('the timeline edited: a bar dragged by days, edit forms, a refused end and cycle, an overlap warned', async ({ app }) => {
  const { page } = app;
  await setUpCase(app);
  const op = await ok(app, 'operation.create', { name: 'Atlantic Fog', leadBureau: 'ES', bureaus: ['FR'] });
  await ok(app, 'operation.addPhase', { operationId: op.id, name: 'Surveillance', start: '2031-03-01', end: '2031-03-10' });
  const planned = await ok(app, 'operation.addPhase', { operationId: op.id, name: 'Arrests', start: '2031-03-15', end: '2031-03-16' });
  const surveillance = planned.phases.find((p) => p.name === 'Surveillance')!.id;
  const watch = (await ok(app, 'operation.addTask', { operationId: op.id, phaseId: surveillance, title: 'Port watch', owner: 'ES', start: '2031-03-01', end: '2031-03-04' })).tasks[0]!.id;
  const courier = (await ok(app, 'operation.addTask', { operationId: op.id, phaseId: surveillance, title: 'Courier tracking', owner: 'FR', start: '2031-03-06', end: '2031-03-08', dependsOn: [watch] })).tasks.find((x) => x.title === 'Courier tracking')!.id;
  const task = async (id: string) => (await ok(app, 'operation.open', { id: op.id })).tasks.find((x) => x.id === id)!;
  await app.open();
  await page.locator('.rail').getByRole('button', { name: 'Operations' }).click();
  await page.locator('.operation-table').getByRole('button', { name: 'Atlantic Fog' }).click();
  const gantt = page.getByTestId('gantt');
  await gantt.scrollIntoViewIfNeeded();

  // Drag "Courier tracking" two days later: the width of its 3-day bar gives the day's width.
  const bar = gantt.locator('.gantt-row', { hasText: 'Courier tracking' }).getByTestId('gantt-bar-task');
  const box = (await bar.boundingBox())!;
  const day = box.width / 3;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + day, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2 + 2 * day, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await task(courier)).start).toBe('2031-03-08');
  expect((await task(courier)).end).toBe('2031-03-10');

  // A click opens the edit form; an end before the start is refused with the core's message.
  await gantt.locator('.gantt-row', { hasText: 'Port watch' }).getByTestId('gantt-bar-task').click();
  const editor = page.locator('.plan-editor');
  await expect(editor.locator('#edit-name')).toHaveValue('Port watch');
  await editor.locator('#edit-end').fill('2031-02-20');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor.locator('.cordon-error')).toContainText('Task "Port watch" ends (2031-02-20) before it starts (2031-03-01).');
  // Depending on the task that depends on it: a cycle, refused and named.
  await editor.locator('#edit-end').fill('2031-03-04');
  // Blueprint draws its own box over the input: the label is what the analyst clicks.
  const dependsOnCourier = editor.locator('.edit-depends label', { hasText: 'Courier tracking' });
  await dependsOnCourier.click();
  await expect(editor.getByRole('checkbox', { name: 'Courier tracking' })).toBeChecked();
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor.locator('.cordon-error')).toContainText('Dependency cycle: "Port watch" → "Courier tracking" → "Port watch"');
  expect((await task(watch)).dependsOn).toEqual([]);
  // A valid edit: another owner.
  await dependsOnCourier.click();
  await editor.locator('#edit-owner').fill('PT');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(gantt.locator('.gantt-row', { hasText: 'Port watch' })).toContainText('PT');
  await expect(editor.locator('.cordon-error')).toHaveCount(0);

  // The Arrests phase moved into the surveillance: saved, and warned as an overlap.
  await gantt.locator('.gantt-row', { hasText: 'Arrests' }).getByTestId('gantt-bar-phase').click();
  await expect(editor.locator('#edit-name')).toHaveValue('Arrests');
  await editor.locator('#edit-start').fill('2031-03-09');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('.warnings-callout')).toContainText('Phases "Surveillance" (2031-03-01 – 2031-03-10) and "Arrests" (2031-03-09 – 2031-03-16) overlap.');
  await expect(gantt.locator('.gantt-row.flagged')).toHaveCount(2);
  await gantt.scrollIntoViewIfNeeded();
  await app.shot('cooperation-12-timeline-edited');
});

test('targets planned from a chart selection', async ({ app }) => {
  const { page } = app;
  const { carlos, marta, clan } = await setUpCase(app);
  const op = await ok(app, 'operation.create', { name: 'Atlantic Fog', codeWord: 'NIEBLA', leadBureau: 'ES', bureaus: ['FR'] });
  const chart = await ok(app, 'chart.create', { name: 'Clan del Norte' });
  await ok(app, 'chart.save', {
    id: chart.id,
    upsert: [
      { entityId: carlos.id, x: 0, y: 0 },
      { entityId: marta.id, x: 200, y: 0 },
      { entityId: clan.id, x: 100, y: 150 },
    ],
  });
  await app.open();
  await page.locator('.rail').getByRole('button', { name: 'Charts' }).click();
  await page.getByRole('button', { name: 'Clan del Norte' }).click();
  await expect(page.locator('.chart-count')).toContainText(/^3 entities/);
  const target = page.getByRole('button', { name: 'Make the selection targets of an operation' });
  await expect(target).toBeDisabled();
  // The two people selected on the chart (as a lasso or shift-clicks would).
  await page.evaluate(
    (ids) => {
      const el = document.querySelector('[data-testid=chart-canvas]') as unknown as { _cyreg: { cy: import('cytoscape').Core } };
      for (const id of ids) el._cyreg.cy.getElementById(id).select();
    },
    [carlos.id, marta.id],
  );
  await target.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('chart-targets-list')).toHaveText(/Carlos Ruiz, Marta Soler|Marta Soler, Carlos Ruiz/);
  await expect(dialog.locator('#chart-targets-operation')).toHaveValue(op.id);
  await expect(dialog.locator('#chart-targets-reason')).toHaveValue('From chart “Clan del Norte”');
  await dialog.locator('#chart-targets-bureau').fill('fr');
  await app.shot('cooperation-13-targets-from-chart');
  await dialog.getByRole('button', { name: 'Save 2 targets' }).click();
  await expect(page.getByTestId('chart-saved-notice')).toHaveText('Saved 2 targets to Atlantic Fog.');
  const detail = await ok(app, 'operation.open', { id: op.id });
  expect(detail.targetList.map((t) => [t.entityId, t.bureau, t.reason]).sort()).toEqual(
    [
      [carlos.id, 'FR', 'From chart “Clan del Norte”'],
      [marta.id, 'FR', 'From chart “Clan del Norte”'],
    ].sort(),
  );
});
