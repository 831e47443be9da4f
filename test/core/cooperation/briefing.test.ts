import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, type TestCore } from '../helpers';
import { auditActions, link, openCase, person } from './fixtures';
import { pdfPageCount, pdfPages } from './pdf-read';

// The briefing pack (issue 7): a PDF written offline with the agenda, per item the network drawn
// from the chart's positions, the key players and the graded sources; the highest handling code on
// the cover and on every page; items a participant may not see left out of its pack.

async function meetingWithPack(core: TestCore) {
  const intercept = (await core.ok('source.create', { title: 'Intercept 12', scheme: 'eu4x4', grade: 'B2', handling: 'H1', tlp: 'AMBER' })).id;
  // Restricted to IT and FR, with conditions (H3): ES may not receive it.
  const covert = (await core.ok('source.create', { title: 'Covert report 7', scheme: 'eu4x4', grade: 'A1', handling: 'H3', tlp: 'AMBER', restrictedTo: ['IT', 'FR'] })).id;
  const boss = await person(core, 'Pasquale Rinaldi', intercept);
  const broker = await person(core, 'Marta Ferreira', intercept);
  const courier = await person(core, 'Tomás Vidal', intercept);
  const mole = await person(core, 'Жанна Орлова', covert);
  await link(core, boss, broker);
  await link(core, broker, courier);
  const chart = await core.ok('chart.create', { name: 'Rinaldi network' });
  await core.ok('chart.save', {
    id: chart.id,
    upsert: [
      { entityId: boss, x: 0, y: 0 },
      { entityId: broker, x: 200, y: 80 },
      { entityId: courier, x: 400, y: 0 },
    ],
  });
  const m = await core.ok('meeting.create', { title: 'Rome multilateral', date: '2025-05-12', place: 'Rome', bureaus: ['IT', 'ES', 'FR'] });
  const network = await core.ok('meeting.addItem', { meetingId: m.id, title: 'The Rinaldi network', charts: [chart.id] });
  await core.ok('meeting.setMinutes', { itemId: network.id, minutes: 'ES to check the courier’s travel to Algeciras.' });
  const inside = await core.ok('meeting.addItem', { meetingId: m.id, title: 'The source inside the clan', entities: [mole] });
  await core.ok('meeting.addDecision', { meetingId: m.id, itemId: network.id, text: 'Open a joint investigation team.' });
  await core.ok('meeting.addDecision', { meetingId: m.id, itemId: inside.id, text: 'Protect the covert source.' });
  await core.ok('meeting.addAction', { meetingId: m.id, title: 'Send travel records', ownerBureau: 'ES', due: '2025-06-01' });
  return { meetingId: m.id, boss, broker, covertItem: inside.id };
}

describe('briefing pack', () => {
  it('full pack: cover, agenda, one page per item, outcomes; the highest marking on every page', async () => {
    const core = await openCase('IT');
    const { meetingId } = await meetingWithPack(core);
    const path = join(tempDir(), 'pack.pdf');
    const r = await core.ok('meeting.briefing', { meetingId, path });
    expect(r).toMatchObject({ pages: 5, items: 2, recipient: null, handling: 'H3', tlp: 'AMBER', withheld: [] });
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(path)).toBe(5);
    const pages = pdfPages(path);
    for (const [n, text] of pages.entries()) {
      expect(text, `page ${n + 1}`).toMatch(/HANDLING H3 · TLP:AMBER/);
      expect(text, `page ${n + 1}`).toMatch(new RegExp(`page ${n + 1} / 5`));
    }
    expect(pages[0]).toMatch(/BRIEFING PACK/);
    expect(pages[0]).toMatch(/Participating bureaus: ES, FR, IT/);
    expect(pages[0]).toMatch(/Full pack/);
    expect(pages[1]).toMatch(/1\. +The Rinaldi network[\s\S]*2\. +The source inside the clan/);
    // Item 1: the chart drawn from its saved positions (labels are text), key players, sources.
    expect(pages[2]).toMatch(/Pasquale Rinaldi/);
    expect(pages[2]).toMatch(/Key players[\s\S]*1 +Marta Ferreira +Person +2 +1\.000/);
    expect(pages[2]).toMatch(/Intercept 12 +eu4x4 +B2 +H1 +AMBER +IT/);
    expect(pages[2]).toMatch(/ES to check the courier’s travel to Algeciras/);
    // Item 2: a Cyrillic name in its own script (issue 22: names are never transliterated).
    expect(pages[3]).toMatch(/Жанна Орлова/);
    expect(pages[3]).toMatch(/Covert report 7 +eu4x4 +A1 +H3 +AMBER +IT/);
    expect(pages[4]).toMatch(/Open a joint investigation team[\s\S]*Protect the covert source[\s\S]*Send travel records +ES +2025-06-01/);
    expect(await auditActions(core)).toContain('meeting.briefing');
  });

  it('a participant’s pack leaves out the items it may not see, and their decisions', async () => {
    const core = await openCase('IT');
    const { meetingId, covertItem } = await meetingWithPack(core);
    const dir = tempDir();
    const es = await core.ok('meeting.briefing', { meetingId, path: join(dir, 'es.pdf'), for: 'es' });
    expect(es).toMatchObject({ recipient: 'ES', items: 1, pages: 4, handling: 'H1', tlp: 'AMBER' });
    expect(es.withheld).toEqual([{ id: covertItem, title: 'The source inside the clan', reason: expect.stringMatching(/restricted to IT, FR; not releasable to ES/) }]);
    const text = pdfPages(join(dir, 'es.pdf'));
    expect(text).toHaveLength(4);
    for (const page of text) expect(page).toMatch(/HANDLING H1 · TLP:AMBER/);
    const all = text.join('\n');
    expect(all).toMatch(/Pack for bureau ES/);
    expect(all).not.toMatch(/source inside the clan|Covert report|Orlova|Protect the covert source/);
    expect(all).toMatch(/Open a joint investigation team/);
    // FR is named on the restricted source: its pack has both items.
    const fr = await core.ok('meeting.briefing', { meetingId, path: join(dir, 'fr.pdf'), for: 'FR' });
    expect(fr).toMatchObject({ items: 2, withheld: [], handling: 'H3' });
    expect(pdfPages(join(dir, 'fr.pdf')).join('\n')).toMatch(/Covert report 7/);
  });

  it('refuses a non-participant, an existing file and a wrong extension, writing nothing', async () => {
    const core = await openCase('IT');
    const { meetingId } = await meetingWithPack(core);
    const dir = tempDir();
    const before = (await auditActions(core)).length;
    expect(await core.fail('meeting.briefing', { meetingId, path: join(dir, 'de.pdf'), for: 'DE' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/DE does not take part/) });
    expect(existsSync(join(dir, 'de.pdf'))).toBe(false);
    expect((await core.fail('meeting.briefing', { meetingId, path: join(dir, 'pack.txt') })).code).toBe('INVALID_INPUT');
    expect((await core.fail('meeting.briefing', { meetingId: 'IT-none', path: join(dir, 'x.pdf') })).code).toBe('NOT_FOUND');
    writeFileSync(join(dir, 'taken.pdf'), 'mine');
    expect((await core.fail('meeting.briefing', { meetingId, path: join(dir, 'taken.pdf') })).code).toBe('FILE_EXISTS');
    expect(readFileSync(join(dir, 'taken.pdf'), 'utf8')).toBe('mine');
    expect((await auditActions(core)).length).toBe(before);
    expect((await core.ok('meeting.briefing', { meetingId, path: join(dir, 'taken.pdf'), overwrite: true })).pages).toBe(5);
  });
});
