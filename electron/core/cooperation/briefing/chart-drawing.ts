import { rgb, type PDFPage, type RGB } from 'pdf-lib';
import type { Typesetter } from '../../pdf/typeset';
import type { BriefingItem } from './content';

// An agenda item's network drawn as vector shapes straight into the PDF, from the chart's saved
// positions: no browser, no raster step, sharp at any zoom. Links are grey lines, entities discs
// coloured by type, key players larger and ringed; labels are real text (searchable, and what the
// tests read back). Large charts keep labels for the key players only, so the picture stays legible.

const COLOURS: Record<string, RGB> = {
  Person: rgb(0.18, 0.45, 0.78),
  Organization: rgb(0.85, 0.45, 0.1),
  Company: rgb(0.55, 0.35, 0.7),
  LegalEntity: rgb(0.55, 0.35, 0.7),
  BankAccount: rgb(0.15, 0.6, 0.45),
  CryptoWallet: rgb(0.15, 0.6, 0.45),
  Address: rgb(0.5, 0.5, 0.5),
  Vehicle: rgb(0.65, 0.55, 0.2),
  Vessel: rgb(0.65, 0.55, 0.2),
};
const OTHER = rgb(0.4, 0.4, 0.45);
const LABEL_LIMIT = 60;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function drawNetwork(page: PDFPage, ts: Typesetter, item: Pick<BriefingItem, 'nodes' | 'edges' | 'keyPlayers'>, box: Box): void {
  page.drawRectangle({ ...box, borderColor: rgb(0.75, 0.75, 0.78), borderWidth: 0.6, color: rgb(0.985, 0.985, 0.99) });
  if (item.nodes.length === 0) {
    ts.draw(page, 'No entities or chart linked to this item.', { x: box.x + 12, y: box.y + box.height / 2, size: 9, color: OTHER });
    return;
  }
  const pad = 28;
  const xs = item.nodes.map((n) => n.x);
  const ys = item.nodes.map((n) => n.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((box.width - 2 * pad) / Math.max(maxX - minX, 1), (box.height - 2 * pad - 12) / Math.max(maxY - minY, 1), 2);
  const offX = box.x + (box.width - (maxX - minX) * scale) / 2;
  const offY = box.y + 12 + (box.height - 12 - (maxY - minY) * scale) / 2;
  // Chart y grows downwards, PDF y upwards.
  const at = new Map(item.nodes.map((n) => [n.id, { x: offX + (n.x - minX) * scale, y: offY + (maxY - n.y) * scale }]));
  for (const e of item.edges) {
    const [a, b] = [at.get(e.from), at.get(e.to)];
    if (a && b) page.drawLine({ start: a, end: b, thickness: 0.6, color: rgb(0.62, 0.62, 0.66) });
  }
  const key = new Set(item.keyPlayers.slice(0, 3).map((k) => k.id));
  const labelled = item.nodes.length <= LABEL_LIMIT ? null : new Set(item.keyPlayers.map((k) => k.id));
  for (const n of item.nodes) {
    const p = at.get(n.id)!;
    const r = key.has(n.id) ? 6.5 : 4.5;
    page.drawCircle({ x: p.x, y: p.y, size: r, color: COLOURS[n.schema] ?? OTHER, ...(key.has(n.id) ? { borderColor: rgb(0.1, 0.1, 0.12), borderWidth: 1 } : {}) });
    if (labelled && !labelled.has(n.id)) continue;
    const label = ts.fit(n.caption, 6.5, 90);
    const w = ts.width(label, 6.5);
    // A pale backing keeps the label readable where a link crosses it.
    page.drawRectangle({ x: p.x - w / 2 - 1.5, y: p.y - r - 9.5, width: w + 3, height: 8.5, color: rgb(0.985, 0.985, 0.99), opacity: 0.85 });
    ts.draw(page, label, { x: p.x - w / 2, y: p.y - r - 8, size: 6.5, color: rgb(0.15, 0.15, 0.18) });
  }
  // Legend: the types present, bottom left.
  let lx = box.x + 8;
  for (const schema of [...new Set(item.nodes.map((n) => n.schema))].sort()) {
    page.drawCircle({ x: lx + 3, y: box.y + 8, size: 3, color: COLOURS[schema] ?? OTHER });
    ts.draw(page, schema, { x: lx + 9, y: box.y + 5.5, size: 6.5, color: OTHER });
    lx += 16 + ts.width(schema, 6.5);
  }
}
