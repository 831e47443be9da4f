import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { link, openCase, person } from './fixtures';
import { pdfPageCount, pdfPages, pdfPageToPng } from './pdf-read';

// Briefing packs in any script (issue 22): names in Arabic, Cyrillic, Greek and Chinese are drawn
// with the bundled Noto fonts, shaped and in bidi order, and come back from the PDF exactly as
// stored (pdftotext, an independent reader). The page is rendered to
// test/e2e/screenshots/briefing-scripts.png for review.

const NAMES = {
  arabic: 'أحمد الخطيب',
  cyrillic: 'Жанна Орлова',
  greek: 'Νίκος Παπαδόπουλος',
  chinese: '王小明',
};

/** The PDF's text without layout, as copy-paste gives it (poppler marks right-to-left runs with RLE/PDF). */
function rawText(file: string): string {
  const r = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.replace(/[\u202A-\u202E]/g, '');
}

describe('briefing pack in any script', () => {
  it('draws names in their own script and gives them back exactly, the Arabic name joined and in order', async () => {
    const core = await openCase('FR');
    const src = (await core.ok('source.create', { title: 'تقرير عمّان 42', scheme: 'eu4x4', grade: 'B2', handling: 'H1', tlp: 'AMBER' })).id;
    const ids = [];
    for (const n of Object.values(NAMES)) ids.push(await person(core, n, src));
    await link(core, ids[0]!, ids[1]!);
    await link(core, ids[0]!, ids[2]!);
    await link(core, ids[0]!, ids[3]!);
    const chart = await core.ok('chart.create', { name: 'Levant' });
    await core.ok('chart.save', { id: chart.id, upsert: ids.map((entityId, i) => ({ entityId, x: i * 150, y: (i % 2) * 90 })) });
    const m = await core.ok('meeting.create', { title: 'اجتماع عمّان', date: '2026-05-14', place: 'عمّان', bureaus: ['FR', 'JO'] });
    const item = await core.ok('meeting.addItem', { meetingId: m.id, title: 'شبكة الخطيب', charts: [chart.id] });
    await core.ok('meeting.setMinutes', { itemId: item.id, minutes: `${NAMES.arabic} (passport P1234567) met ${NAMES.cyrillic} in 北京.` });
    const path = join(tempDir(), 'scripts.pdf');
    const r = await core.ok('meeting.briefing', { meetingId: m.id, path });
    expect(r.pages).toBe(3);

    const text = rawText(path);
    for (const [script, name] of Object.entries(NAMES)) expect(text, script).toContain(name);
    expect(text).toContain('اجتماع عمّان');
    // A source title: Arabic words, then a number, which bidi puts at the left end (as drawn).
    expect(text).toContain('تقرير عمّان');
    // A left-to-right sentence with an Arabic name inside: the name and the rest come back whole
    // on one line (poppler places the bracket between the two directions by its own rule).
    expect(text).toMatch(/أحمد الخطيب.*passport P1234567\) met Жанна Орлова in 北京\./);
    // Nothing transliterated: no Latin spelling of the names.
    expect(text).not.toMatch(/Zhanna|Ahmad|Wang/);

    // The fonts are Noto, embedded, with a ToUnicode map (Latin, Cyrillic, Greek and Han as
    // subsets, Arabic whole: typeset.ts says why; the 20-page test below measures the subsetting).
    const fonts = spawnSync('pdffonts', [path], { encoding: 'utf8' }).stdout;
    for (const face of ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansArabic-Regular', 'NotoSansArabic-Bold', 'NotoSansSC-Regular']) {
      expect(fonts).toMatch(new RegExp(`^${face}-\\d+ +CID TrueType +Identity-H +yes +no +yes`, 'm'));
    }
    expect(fonts).not.toMatch(/Helvetica/);

    // The item's page, for the reviewer (the Arabic joined, right to left; the chart's labels).
    const png = join(tempDir(), 'page.png');
    pdfPageToPng(path, 3, png, 110);
    mkdirSync('test/e2e/screenshots', { recursive: true });
    copyFileSync(png, 'test/e2e/screenshots/briefing-scripts.png');
    expect(statSync(png).size).toBeGreaterThan(10_000);
  });

  it('a 20-page pack with names in four scripts stays small: only the glyphs used are embedded', async () => {
    const core = await openCase('FR');
    const src = (await core.ok('source.create', { title: 'Intercept 12', scheme: 'eu4x4', grade: 'B2', handling: 'H1', tlp: 'AMBER' })).id;
    const m = await core.ok('meeting.create', { title: 'Multilateral, Lyon', date: '2026-05-14', place: 'Lyon', bureaus: ['FR', 'JO', 'ES'] });
    const han = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
    for (let i = 0; i < 18; i++) {
      const people = [];
      for (const n of [`${NAMES.arabic} ${i}`, `${NAMES.cyrillic} ${i}`, `${NAMES.greek} ${i}`, `${han[i]}${han[(i + 1) % 20]}明`]) people.push(await person(core, n, src));
      await link(core, people[0]!, people[1]!);
      await link(core, people[1]!, people[2]!);
      await link(core, people[2]!, people[3]!);
      await core.ok('meeting.addItem', { meetingId: m.id, title: `Item ${i + 1}: ${NAMES.arabic}`, entities: people });
    }
    const path = join(tempDir(), 'pack20.pdf');
    const r = await core.ok('meeting.briefing', { meetingId: m.id, path });
    expect(r.pages).toBe(20);
    expect(pdfPageCount(path)).toBe(20);
    const bytes = readFileSync(path).length;
    console.log(`BENCH ${JSON.stringify({ bench: 'briefing-pack', pages: 20, bytes, scripts: ['Latin', 'Arabic', 'Cyrillic', 'Greek', 'Han'] })}`);
    // Whole Noto Sans SC alone is megabytes; a subset of the 20 Han used is a few kilobytes.
    expect(bytes).toBeLessThan(600_000);
    expect(pdfPages(path)[19]).toContain(`${han[17]}${han[18]}明`);
  });
});
