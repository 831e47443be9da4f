import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { ICON_ZOOM, MAX_NEAR, pickNear } from '../../renderer/src/features/chart/nearIcons';

// Big charts show icons again when zoomed in: which nodes get them.

function grid(n: number) {
  const side = Math.ceil(Math.sqrt(n));
  return cytoscape({
    headless: true,
    styleEnabled: false,
    layout: { name: 'preset' },
    elements: [
      ...Array.from({ length: n }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}` }, position: { x: (i % side) * 100, y: Math.floor(i / side) * 100 } })),
      { group: 'nodes' as const, data: { id: 'box' }, classes: 'group', position: { x: 0, y: 0 } },
    ],
  });
}

describe('pickNear', () => {
  it('gives icons to the nodes in view (and a node-wide margin) once zoomed in, never to group boxes', () => {
    const cy = grid(100);
    const picked = pickNear(cy.nodes(), { x1: 0, y1: 0, x2: 250, y2: 150 }, ICON_ZOOM);
    // Columns 0–3 (x ≤ 310) and rows 0–2 (y ≤ 210) of the 10 × 10 grid.
    expect(picked.map((n) => n.id()).sort()).toEqual(['n0', 'n1', 'n10', 'n11', 'n12', 'n13', 'n2', 'n20', 'n21', 'n22', 'n23', 'n3'].sort());
  });

  it('gives none below the zoom threshold', () => {
    expect(pickNear(grid(100).nodes(), { x1: 0, y1: 0, x2: 250, y2: 150 }, ICON_ZOOM * 0.99).length).toBe(0);
  });

  it('gives none when more than MAX_NEAR nodes are in view: the cost stays bounded', () => {
    const cy = grid(MAX_NEAR + 50);
    expect(pickNear(cy.nodes(), { x1: -100, y1: -100, x2: 1e5, y2: 1e5 }, 2).length).toBe(0);
    const some = pickNear(cy.nodes(), { x1: 0, y1: 0, x2: 500, y2: 500 }, 2);
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThanOrEqual(MAX_NEAR);
  });
});
