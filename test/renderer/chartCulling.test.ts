import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { clipSegment, drawPlainLinks, inView, LOD_LINKS } from '../../renderer/src/features/chart/culling';
import { stylesheet } from '../../renderer/src/features/chart/style';

// What a big chart's frame draws (culling.ts): the elements that may show in the view, and the
// plain links batched by their resolved style, with cytoscape left to draw everything else.

type Raw = Parameters<typeof inView>[0][number];

/** A headless chart with the big-chart stylesheet: a row of nodes 100 apart and links between them. */
function chart(nodes: number, links: Array<[number, number, string?]>): Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: stylesheet(true),
    layout: { name: 'preset' },
    elements: [
      ...Array.from({ length: nodes }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}`, size: 34, colour: '#4c90f0', label: `N${i}` }, position: { x: 100 * i, y: 0 } })),
      ...links.map(([s, t, cls], i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: `n${s}`, target: `n${t}`, width: 2, colour: '#8abbff' }, classes: cls ?? '' })),
    ],
  });
}

/** Gives each link the straight points the canvas renderer would compute (headless has none). */
function withPoints(cy: Core): Raw[] {
  cy.edges().forEach((e) => {
    const s = e.source().position();
    const t = e.target().position();
    (e as unknown as { _private: { rscratch: { allpts: number[] } } })._private.rscratch.allpts = [s.x, s.y, t.x, t.y];
  });
  // Links first, as cytoscape's drawing order puts them under the nodes.
  return [...cy.edges().toArray(), ...cy.nodes().toArray()] as unknown as Raw[];
}

/** A 2D context that records what is stroked, with which style. */
function recorder() {
  const strokes: Array<{ style: string; width: number; alpha: number; dash: number[]; segments: number }> = [];
  let segments = 0;
  let dash: number[] = [];
  const g = {
    strokeStyle: '',
    lineWidth: 1,
    lineCap: 'butt',
    globalAlpha: 1,
    lineDashOffset: 0,
    setLineDash: (d: number[]) => void (dash = d),
    beginPath: () => void (segments = 0),
    moveTo: () => void segments++,
    lineTo: () => undefined,
    stroke: () => void strokes.push({ style: String(g.strokeStyle), width: g.lineWidth, alpha: g.globalAlpha, dash, segments }),
  };
  return { g: g as unknown as CanvasRenderingContext2D, strokes };
}

const VIEW = { x1: 180, y1: -100, x2: 350, y2: 100 };

describe('culling', () => {
  it('clips a segment to a box, and misses a box it does not cross', () => {
    const out: number[] = [];
    expect(clipSegment(-100, 0, 500, 0, VIEW, out)).toBe(true);
    expect(out).toEqual([180, 0, 350, 0]);
    expect(clipSegment(0, 200, 500, 200, VIEW)).toBe(false);
    // A diagonal crossing only the box's corner region still counts.
    expect(clipSegment(150, 50, 250, 150, VIEW)).toBe(true);
    expect(clipSegment(100, 50, 200, 150, VIEW)).toBe(false);
  });

  it('keeps the nodes in view and the links crossing it, even with both ends outside', () => {
    const cy = chart(6, [
      [0, 5], // crosses the view, both ends outside
      [0, 1], // left of the view (beyond the margin)
      [2, 3], // in view
    ]);
    // The nodes' measured boxes (the canvas renderer measures them on its first frame).
    cy.elements().boundingBox();
    const kept = inView(withPoints(cy), VIEW).map((e) => (e as unknown as { id(): string }).id());
    expect(kept).toEqual(['e0', 'e2', 'n2', 'n3']);
    // Nodes only (cytoscape's hideEdgesOnViewport draw) keeps no link.
    expect(inView(withPoints(cy), VIEW, true).map((e) => (e as unknown as { id(): string }).id())).toEqual(['n2', 'n3']);
  });
});

describe('plain links', () => {
  const how = { view: { x1: -1e6, y1: -1e6, x2: 1e6, y2: 1e6 }, pixel: 0.5, fine: true };

  it('draws links in batches by resolved style and leaves the rest to cytoscape, in order', () => {
    const cy = chart(4, [
      [0, 1],
      [1, 2],
      [2, 3, 'weak'],
      [0, 3, 'faded'],
    ]);
    cy.getElementById('e1').select();
    const eles = withPoints(cy);
    const { g, strokes } = recorder();
    const others: Raw[] = [];
    const used = drawPlainLinks(g, eles, others, how);
    // All four links were consumed; the nodes that follow are cytoscape's to draw.
    expect(used).toBe(4);
    expect(others).toEqual([]);
    const byStyle = strokes.map((s) => `${s.style} ${s.width} ${s.alpha.toFixed(2)} ${s.dash.length > 0 ? 'dashed' : 'solid'} ×${s.segments}`).sort();
    expect(byStyle).toEqual([
      'rgb(138,187,255) 2 0.12 solid ×1', // greyed out by a filter
      'rgb(138,187,255) 2 0.85 dashed ×1', // weak: dashed
      'rgb(138,187,255) 2 0.85 solid ×1', // plain
      'rgb(255,255,255) 2 1.00 solid ×1', // selected: white, opaque
    ]);
  });

  it('hands cytoscape the links it must draw itself, and skips hidden ones', () => {
    const cy = chart(3, [
      [0, 1],
      [1, 2],
    ]);
    cy.getElementById('e0').style({ label: 'x' });
    cy.getElementById('e1').style({ display: 'none' });
    const { g, strokes } = recorder();
    const others: Raw[] = [];
    drawPlainLinks(g, withPoints(cy), others, how);
    expect(others.map((e) => (e as unknown as { id(): string }).id())).toEqual(['e0']);
    expect(strokes).toEqual([]);
  });

  it('draws many links one pixel wide while the view moves, at their widths once it rests', () => {
    const n = LOD_LINKS + 10;
    const cy = chart(2, Array.from({ length: n }, () => [0, 1] as [number, number]));
    const eles = withPoints(cy);
    const moving = recorder();
    drawPlainLinks(moving.g, eles, [], { ...how, fine: false });
    expect(new Set(moving.strokes.map((s) => s.width))).toEqual(new Set([0.5]));
    expect(moving.strokes.reduce((sum, s) => sum + s.segments, 0)).toBe(n);
    const resting = recorder();
    drawPlainLinks(resting.g, eles, [], how);
    expect(new Set(resting.strokes.map((s) => s.width))).toEqual(new Set([2]));
  });
});
