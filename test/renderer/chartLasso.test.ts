import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { idsInLoop, lassoSelect, toChart } from '../../renderer/src/features/chart/lasso';

// Lasso selection: what a drawn loop catches, in chart coordinates, at any pan and zoom.

const square = (x1: number, y1: number, x2: number, y2: number): Array<[number, number]> => [
  [x1, y1],
  [x2, y1],
  [x2, y2],
  [x1, y2],
];

describe('lasso geometry', () => {
  it('catches the positions inside a concave loop and not those in its notch', () => {
    // A "U": the notch between its arms is inside the bounding box but outside the loop.
    const u: Array<[number, number]> = [
      [0, 0],
      [30, 0],
      [30, 70],
      [70, 70],
      [70, 0],
      [100, 0],
      [100, 100],
      [0, 100],
    ];
    const pts = new Map([
      ['leftArm', { x: 15, y: 20 }],
      ['notch', { x: 50, y: 20 }],
      ['base', { x: 50, y: 90 }],
      ['outside', { x: 150, y: 50 }],
    ]);
    expect(idsInLoop(pts, u).sort()).toEqual(['base', 'leftArm']);
  });

  it('catches nothing for a loop of fewer than three points (a click)', () => {
    expect(idsInLoop(new Map([['a', { x: 0, y: 0 }]]), [[0, 0], [1, 1]])).toEqual([]);
  });

  it('turns screen points into chart coordinates with the pan and zoom', () => {
    expect(toChart([{ x: 120, y: 40 }], { x: 20, y: -60 }, 2)).toEqual([[50, 50]]);
  });
});

describe('lassoSelect on a chart', () => {
  function chart() {
    const cy = cytoscape({
      headless: true,
      styleEnabled: false,
      layout: { name: 'preset' },
      elements: [
        { group: 'nodes', data: { id: 'in1' }, position: { x: 10, y: 10 } },
        { group: 'nodes', data: { id: 'in2' }, position: { x: 40, y: 30 } },
        { group: 'nodes', data: { id: 'filtered' }, position: { x: 20, y: 20 }, classes: 'removed' },
        { group: 'nodes', data: { id: 'out' }, position: { x: 300, y: 300 } },
        { group: 'nodes', data: { id: 'box' }, classes: 'group' },
      ],
    });
    cy.viewport({ zoom: 2, pan: { x: 100, y: 50 } });
    return cy;
  }
  // Chart square (0,0)–(50,50) on screen at zoom 2, pan (100, 50).
  const screenLoop = square(100, 50, 200, 150).map(([x, y]) => ({ x, y }));

  it('selects the drawn entities inside the loop, replacing the selection', () => {
    const cy = chart();
    cy.getElementById('out').select();
    expect(lassoSelect(cy, screenLoop, false)).toBe(2);
    expect(cy.nodes(':selected').map((n) => n.id()).sort()).toEqual(['in1', 'in2']);
  });

  it('adds to the selection with Shift, and never catches hidden entities or group boxes', () => {
    const cy = chart();
    cy.getElementById('out').select();
    lassoSelect(cy, screenLoop, true);
    expect(cy.nodes(':selected').map((n) => n.id()).sort()).toEqual(['in1', 'in2', 'out']);
  });
});
