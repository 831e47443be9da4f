import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { Typesetter } from '../../pdf/typeset';
import { drawNetwork } from './chart-drawing';
import type { BriefingContent, BriefingItem } from './content';

// The briefing pack as a PDF (A4), written in memory with pdf-lib and the bundled Noto fonts
// (electron/core/pdf: every script, shaped, in bidi order, subset): no network, no browser. A cover with the highest handling code of the pack; the agenda; per item
// its network, key players and graded sources, and the minutes; the decisions and action items.
// Every page carries the handling marking in its footer, stamped once the page count is known.

const A4: [number, number] = [595.28, 841.89];
const M = 50;
const BOTTOM = 60;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.4, 0.4, 0.45);
const ALERT = rgb(0.7, 0.05, 0.05);

export function markingText(c: Pick<BriefingContent, 'handling' | 'tlp'>): string {
  return `HANDLING ${c.handling ?? 'none recorded'} · TLP:${c.tlp ?? 'none recorded'}`;
}

/** A page cursor: text flows down and a new page starts when the next block does not fit. */
class Flow {
  page!: PDFPage;
  y = 0;
  constructor(
    readonly doc: PDFDocument,
    readonly ts: Typesetter,
  ) {
    this.newPage();
  }
  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - M;
  }
  need(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }
  text(text: string, opts: { size?: number; bold?: boolean; colour?: ReturnType<typeof rgb>; indent?: number; gap?: number } = {}): void {
    const size = opts.size ?? 10;
    for (const line of this.ts.wrap(text, size, A4[0] - 2 * M - (opts.indent ?? 0), opts.bold)) {
      this.need(size * 1.35);
      this.y -= size * 1.35;
      this.ts.draw(this.page, line, { x: M + (opts.indent ?? 0), y: this.y, size, bold: opts.bold ?? false, color: opts.colour ?? INK });
    }
    this.y -= opts.gap ?? 2;
  }
  heading(text: string, size = 14): void {
    this.need(size * 2 + 40);
    this.y -= 8;
    this.text(text, { size, bold: true, gap: 6 });
  }
  /** One table: a bold header row, then rows; cells cut to their column. */
  table(columns: Array<{ title: string; width: number }>, rows: string[][]): void {
    const size = 8.5;
    const row = (cells: string[], bold: boolean) => {
      this.need(size * 1.6);
      this.y -= size * 1.6;
      let x = M;
      columns.forEach((col, i) => {
        this.ts.draw(this.page, this.ts.fit(cells[i] ?? '', size, col.width - 6, bold), { x, y: this.y, size, bold, color: bold ? MUTED : INK });
        x += col.width;
      });
    };
    row(columns.map((c) => c.title), true);
    this.page.drawLine({ start: { x: M, y: this.y - 3 }, end: { x: A4[0] - M, y: this.y - 3 }, thickness: 0.4, color: MUTED });
    for (const r of rows) row(r, false);
    this.y -= 8;
  }
}

function cover(flow: Flow, c: BriefingContent): void {
  const { page } = flow;
  const { ts } = flow;
  const m = c.meeting;
  const marking = markingText(c);
  const boxW = A4[0] - 2 * M;
  page.drawRectangle({ x: M, y: A4[1] - M - 46, width: boxW, height: 46, borderColor: ALERT, borderWidth: 1.5 });
  ts.draw(page, marking, { x: M + (boxW - ts.width(marking, 16, true)) / 2, y: A4[1] - M - 30, size: 16, bold: true, color: ALERT });
  flow.y = A4[1] - M - 110;
  flow.text('BRIEFING PACK', { size: 12, bold: true, colour: MUTED, gap: 6 });
  flow.text(m.title, { size: 24, bold: true, gap: 10 });
  flow.text(`${m.kind === 'bilateral' ? 'Bilateral' : 'Multilateral'} meeting · ${m.date}${m.place ? ` · ${m.place}` : ''}`, { size: 12, gap: 6 });
  flow.text(`Participating bureaus: ${m.bureaus.join(', ')}`, { size: 11 });
  if (m.officers.length) flow.text(`Officers: ${m.officers.map((o) => `${o.name} (${o.bureau})`).join(', ')}`, { size: 11 });
  flow.y -= 16;
  flow.text(c.recipient ? `Pack for bureau ${c.recipient}` : 'Full pack (all agenda items)', { size: 12, bold: true });
  flow.text(`Prepared by bureau ${c.bureau} on ${c.generatedAt.slice(0, 10)} · ${c.items.length} agenda item${c.items.length === 1 ? '' : 's'}`, { size: 10, colour: MUTED });
  flow.y -= 16;
  flow.text('Handle according to the highest handling code and TLP above, which cover everything in this pack. Each source below keeps its own grading.', {
    size: 9,
    colour: MUTED,
  });
  ts.draw(page, marking, { x: M + (boxW - ts.width(marking, 12, true)) / 2, y: BOTTOM + 10, size: 12, bold: true, color: ALERT });
}

function agenda(flow: Flow, c: BriefingContent): void {
  flow.newPage();
  flow.heading('Agenda', 18);
  if (c.items.length === 0) flow.text('No agenda items.', { colour: MUTED });
  for (const i of c.items) flow.text(`${i.position}.  ${i.title}`, { size: 11, gap: 4 });
}

function item(flow: Flow, i: BriefingItem): void {
  flow.newPage();
  flow.heading(`${i.position}.  ${i.title}`, 16);
  const height = 300;
  flow.need(height + 10);
  flow.y -= height;
  drawNetwork(flow.page, flow.ts, i, { x: M, y: flow.y, width: A4[0] - 2 * M, height });
  flow.y -= 6;
  flow.heading('Key players', 11);
  if (i.keyPlayers.length === 0) flow.text('None: no entities on this item.', { size: 9, colour: MUTED });
  else
    flow.table(
      [
        { title: '#', width: 24 },
        { title: 'Name', width: 220 },
        { title: 'Type', width: 100 },
        { title: 'Degree', width: 70 },
        { title: 'Betweenness', width: 81 },
      ],
      i.keyPlayers.map((k, n) => [String(n + 1), k.caption, k.schema, String(k.degree), k.betweenness.toFixed(3)]),
    );
  flow.heading('Sources and grading', 11);
  if (i.sources.length === 0) flow.text('No source reports behind these entities.', { size: 9, colour: MUTED });
  else
    flow.table(
      [
        { title: 'Source report', width: 215 },
        { title: 'Scheme', width: 65 },
        { title: 'Grade', width: 45 },
        { title: 'Handling', width: 55 },
        { title: 'TLP', width: 60 },
        { title: 'Originator', width: 55 },
      ],
      i.sources.map((s) => [s.title, s.scheme, s.grade, s.handling ?? '-', s.tlp ?? '-', s.originator]),
    );
  if (i.minutes.trim()) {
    flow.heading('Minutes', 11);
    flow.text(i.minutes, { size: 9.5 });
  }
}

function outcomes(flow: Flow, c: BriefingContent): void {
  const { decisions, actions } = c.meeting;
  if (decisions.length === 0 && actions.length === 0) return;
  flow.newPage();
  if (decisions.length) {
    flow.heading('Decisions', 14);
    for (const d of decisions) flow.text(`• ${d.text}`, { size: 10, gap: 3 });
  }
  if (actions.length) {
    flow.heading('Action items', 14);
    flow.table(
      [
        { title: 'Action', width: 260 },
        { title: 'Owner', width: 60 },
        { title: 'Due', width: 80 },
        { title: 'Status', width: 95 },
      ],
      actions.map((a) => [a.title, a.ownerBureau, a.due, `${a.status.replace('_', ' ')}${a.overdue ? ' (overdue)' : ''}`]),
    );
  }
}

/** The marking on every page, with the page number: drawn last, when the count is known. */
function footers(doc: PDFDocument, ts: Typesetter, c: BriefingContent): void {
  const pages = doc.getPages();
  const marking = markingText(c);
  const title = ts.fit(`Briefing pack · ${c.meeting.title}${c.recipient ? ` · for ${c.recipient}` : ''}`, 7.5, 230);
  pages.forEach((page, n) => {
    page.drawLine({ start: { x: M, y: 38 }, end: { x: A4[0] - M, y: 38 }, thickness: 0.4, color: MUTED });
    ts.draw(page, marking, { x: M, y: 26, size: 8, bold: true, color: ALERT });
    ts.draw(page, title, { x: A4[0] / 2 - ts.width(title, 7.5) / 2 + 40, y: 26, size: 7.5, color: MUTED });
    const num = `page ${n + 1} / ${pages.length}`;
    ts.draw(page, num, { x: A4[0] - M - ts.width(num, 8), y: 26, size: 8, color: MUTED });
  });
}

export async function briefingPdf(c: BriefingContent): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.create();
  const when = new Date(c.generatedAt);
  // Every string the pack draws comes from the content or from the Latin labels here, so the
  // content's text tells which font files (scripts) to embed.
  const ts = await Typesetter.create(doc, JSON.stringify(c));
  doc.setTitle(`Briefing pack: ${c.meeting.title}`);
  doc.setProducer('Cordon');
  doc.setCreator('Cordon');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  const flow = new Flow(doc, ts);
  cover(flow, c);
  agenda(flow, c);
  for (const i of c.items) item(flow, i);
  outcomes(flow, c);
  footers(doc, ts, c);
  const bytes = await doc.save();
  return { bytes, pages: doc.getPageCount() };
}
