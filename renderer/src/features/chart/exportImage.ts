import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { mostRestrictive, type Tlp } from '../../../../shared/grading';
import { schemaLabel } from '../../catalogueText';
import { iconSvg, typeColour } from './icons';

// Exports of what the chart shows: PNG (cytoscape's raster at a chosen scale, plus a band with
// the legend and footer) and SVG written here from node and edge positions. Both carry a legend
// and, in the footer, the most restrictive handling code and TLP of what is drawn.

export interface ExportText {
  title: string;
  legendTitle: string;
  strong: string;
  weak: string;
  footer(handling: string | null, tlp: Tlp | null): string;
}

interface Legend {
  types: string[];
  links: string[];
  handling: string | null;
  tlp: Tlp | null;
}

function visible(cy: Core) {
  const nodes = cy.nodes().not('.group, .ghost, .removed, .collapsed-away, .faded');
  const edges = cy.edges().not('.ghost, .removed, .merged-away, .faded').filter((e) => nodes.contains((e as EdgeSingular).source()) && nodes.contains((e as EdgeSingular).target()));
  return { nodes, edges };
}

function legendOf(cy: Core): Legend {
  const { nodes, edges } = visible(cy);
  const types = [...new Set(nodes.map((n) => n.data('schema') as string))].sort();
  const links = [...new Set(edges.map((e) => e.data('schema') as string))].sort();
  const gradings = [...nodes.toArray(), ...edges.toArray()].map((x) => ({ handling: (x.data('handling') as string | null) ?? undefined, tlp: (x.data('tlp') as Tlp | null) ?? undefined }));
  return { types, links, ...mostRestrictive(gradings) };
}

const BAND_LINE = 18;
// Legend entries in the UI language (names on the chart stay as stored; the browser shapes them).
const label = (schema: string) => schemaLabel(schema);

/** Legend rows: [colour, text, dashed?]. */
function legendRows(l: Legend, text: ExportText): Array<{ colour: string; text: string; line?: 'solid' | 'dashed' }> {
  return [
    ...l.types.map((s) => ({ colour: typeColour(s), text: label(s) })),
    { colour: '#abb3bf', text: text.strong, line: 'solid' as const },
    { colour: '#abb3bf', text: text.weak, line: 'dashed' as const },
    ...l.links.map((s) => ({ colour: '#8abbff', text: label(s), line: 'solid' as const })),
  ];
}

export async function exportPng(cy: Core, scale: number, text: ExportText): Promise<{ dataUrl: string; width: number; height: number }> {
  const raster = cy.png({ output: 'base64uri', full: true, scale, bg: '#1c2127' });
  const img = new Image();
  await new Promise<void>((ok, fail) => {
    img.onload = () => ok();
    img.onerror = () => fail(new Error('The chart picture could not be drawn.'));
    img.src = raster;
  });
  const l = legendOf(cy);
  const rows = legendRows(l, text);
  const line = BAND_LINE * scale;
  const cols = Math.max(1, Math.floor(img.width / (180 * scale)));
  const band = (Math.ceil(rows.length / cols) + 3) * line;
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height + band;
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#1c2127';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.drawImage(img, 0, 0);
  g.font = `${12 * scale}px sans-serif`;
  g.textBaseline = 'middle';
  g.fillStyle = '#f6f7f9';
  g.fillText(text.legendTitle, 10 * scale, img.height + line);
  rows.forEach((r, i) => {
    const x = 10 * scale + (i % cols) * 180 * scale;
    const y = img.height + line * (2 + Math.floor(i / cols));
    g.strokeStyle = r.colour;
    g.fillStyle = r.colour;
    if (r.line) {
      g.lineWidth = 2 * scale;
      g.setLineDash(r.line === 'dashed' ? [6 * scale, 4 * scale] : []);
      g.beginPath();
      g.moveTo(x, y);
      g.lineTo(x + 24 * scale, y);
      g.stroke();
    } else {
      g.beginPath();
      g.arc(x + 12 * scale, y, 6 * scale, 0, Math.PI * 2);
      g.fill();
    }
    g.fillStyle = '#f6f7f9';
    g.fillText(r.text, x + 32 * scale, y);
  });
  g.setLineDash([]);
  g.font = `bold ${12 * scale}px sans-serif`;
  g.fillText(text.footer(l.handling, l.tlp), 10 * scale, canvas.height - line / 2);
  return { dataUrl: canvas.toDataURL('image/png'), width: canvas.width, height: canvas.height };
}

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function exportSvg(cy: Core, text: ExportText): string {
  const { nodes, edges } = visible(cy);
  const bb = nodes.nonempty() ? nodes.boundingBox({}) : { x1: 0, y1: 0, w: 200, h: 100 };
  const pad = 40;
  const l = legendOf(cy);
  const rows = legendRows(l, text);
  const width = Math.max(bb.w + 2 * pad, 400);
  const cols = Math.max(1, Math.floor(width / 180));
  const band = (Math.ceil(rows.length / cols) + 3) * BAND_LINE;
  const height = bb.h + 2 * pad + band;
  const ox = pad - bb.x1;
  const oy = pad - bb.y1;
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width.toFixed(0)}" height="${height.toFixed(0)}" viewBox="0 0 ${width.toFixed(0)} ${height.toFixed(0)}" font-family="sans-serif">`);
  out.push(`<title>${esc(text.title)}</title>`);
  out.push(`<rect width="100%" height="100%" fill="#1c2127"/>`);
  out.push('<g id="links">');
  edges.forEach((e: EdgeSingular) => {
    const s = e.source().position();
    const t = e.target().position();
    const dash = e.hasClass('weak') ? ' stroke-dasharray="6 4"' : '';
    out.push(
      `<line x1="${(s.x + ox).toFixed(1)}" y1="${(s.y + oy).toFixed(1)}" x2="${(t.x + ox).toFixed(1)}" y2="${(t.y + oy).toFixed(1)}" stroke="${esc(String(e.data('colour')))}" stroke-width="${Number(e.data('width')).toFixed(1)}"${dash} opacity="0.85"><title>${esc(String(e.data('label')))}</title></line>`,
    );
    const mx = (s.x + t.x) / 2 + ox;
    const my = (s.y + t.y) / 2 + oy;
    out.push(`<text x="${mx.toFixed(1)}" y="${(my - 3).toFixed(1)}" font-size="9" fill="#c5cbd3" text-anchor="middle">${esc(String(e.data('label')))}</text>`);
  });
  out.push('</g><g id="entities">');
  nodes.forEach((n: NodeSingular) => {
    const p = n.position();
    const r = Number(n.data('size')) / 2;
    const x = p.x + ox;
    const y = p.y + oy;
    const icon = iconSvg(String(n.data('schema')));
    const k = (r * 1.24) / 20;
    out.push(`<g transform="translate(${x.toFixed(1)} ${y.toFixed(1)})">`);
    out.push(`<circle r="${r.toFixed(1)}" fill="${esc(String(n.data('colour')))}"/>`);
    out.push(`<g transform="translate(${(-10 * k).toFixed(2)} ${(-10 * k).toFixed(2)}) scale(${k.toFixed(3)})">${icon.replace(/^<svg[^>]*>|<\/svg>$/g, '')}</g>`);
    out.push(`<text y="${(r + 13).toFixed(1)}" font-size="11" fill="#f6f7f9" text-anchor="middle">${esc(String(n.data('label')))}</text>`);
    out.push('</g>');
  });
  out.push('</g><g id="legend">');
  const top = bb.h + 2 * pad;
  out.push(`<text x="10" y="${top + BAND_LINE}" font-size="12" fill="#f6f7f9">${esc(text.legendTitle)}</text>`);
  rows.forEach((r, i) => {
    const x = 10 + (i % cols) * 180;
    const y = top + BAND_LINE * (2 + Math.floor(i / cols));
    out.push(
      r.line
        ? `<line x1="${x}" y1="${y}" x2="${x + 24}" y2="${y}" stroke="${r.colour}" stroke-width="2"${r.line === 'dashed' ? ' stroke-dasharray="6 4"' : ''}/>`
        : `<circle cx="${x + 12}" cy="${y}" r="6" fill="${r.colour}"/>`,
    );
    out.push(`<text x="${x + 32}" y="${y + 4}" font-size="12" fill="#f6f7f9">${esc(r.text)}</text>`);
  });
  out.push(`</g><text id="footer" x="10" y="${(height - 8).toFixed(0)}" font-size="12" font-weight="bold" fill="#f6f7f9">${esc(text.footer(l.handling, l.tlp))}</text>`);
  out.push('</svg>');
  return out.join('\n');
}
