import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { NODE_SIZE } from '../../renderer/src/features/chart/elements';
import { ICON_SHARE, iconsToDraw, MIN_NODE_PX } from '../../renderer/src/features/chart/iconsInView';

// Big charts draw type icons in a layer over the canvas, only for the entities in view and big
// enough to read; hidden entities, group boxes and ghosts get none, faded ones a faded icon.

function chart() {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    layout: { name: 'preset' },
    elements: [
      { group: 'nodes', data: { id: 'p', schema: 'Person', size: NODE_SIZE }, position: { x: 0, y: 0 } },
      { group: 'nodes', data: { id: 'c', schema: 'Company', size: NODE_SIZE * 2 }, position: { x: 100, y: 0 } },
      { group: 'nodes', data: { id: 'far', schema: 'Person', size: NODE_SIZE }, position: { x: 5000, y: 0 } },
      { group: 'nodes', data: { id: 'hidden', schema: 'Person', size: NODE_SIZE }, position: { x: 50, y: 50 }, classes: 'removed' },
      { group: 'nodes', data: { id: 'faded', schema: 'Vehicle', size: NODE_SIZE }, position: { x: 0, y: 100 }, classes: 'faded' },
      { group: 'nodes', data: { id: 'group:g', label: 'Clan' }, position: { x: 0, y: 200 }, classes: 'group' },
      { group: 'nodes', data: { id: 'ghost', schema: 'Person', size: NODE_SIZE }, position: { x: 10, y: 10 }, classes: 'ghost' },
    ],
  });
}

describe('icon layer of big charts', () => {
  it('draws the icons of visible entities at their rendered place and size', () => {
    const cy = chart();
    cy.viewport({ zoom: 1, pan: { x: 400, y: 300 } });
    const icons = iconsToDraw(cy, 800, 600);
    expect(icons.map((i) => i.schema).sort()).toEqual(['Company', 'Person', 'Vehicle']);
    const person = icons.find((i) => i.schema === 'Person')!;
    expect(person).toEqual({ schema: 'Person', x: 400, y: 300, size: NODE_SIZE * ICON_SHARE, alpha: 1 });
    expect(icons.find((i) => i.schema === 'Company')).toMatchObject({ x: 500, y: 300, size: 2 * NODE_SIZE * ICON_SHARE });
    expect(icons.find((i) => i.schema === 'Vehicle')!.alpha).toBeCloseTo(0.12);
  });

  it('zoomed out (entities too small to read): no icons at all', () => {
    const cy = chart();
    cy.viewport({ zoom: (MIN_NODE_PX / (3 * NODE_SIZE)) * 0.9, pan: { x: 400, y: 300 } });
    expect(iconsToDraw(cy, 800, 600)).toEqual([]);
    // Between: only the bigger entity (a rule made it twice the size) reaches a readable size.
    cy.viewport({ zoom: (MIN_NODE_PX / NODE_SIZE) * 0.75, pan: { x: 400, y: 300 } });
    expect(iconsToDraw(cy, 800, 600).map((i) => i.schema)).toEqual(['Company']);
  });

  it('panned away: the entities out of view get no icon', () => {
    const cy = chart();
    cy.viewport({ zoom: 1, pan: { x: -4600, y: 300 } });
    expect(iconsToDraw(cy, 800, 600).map((i) => i.x)).toEqual([400]);
  });
});
