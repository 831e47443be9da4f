import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { stylesheet } from '../../renderer/src/features/chart/style';

// The analysis panel and the chart's search highlight links by a class; the base link rule sets
// the same properties, so the highlight only shows if its rule comes after it (the later rule wins).
describe('chart style: highlighted links', () => {
  for (const big of [false, true]) {
    it(`a highlighted link is drawn orange and thicker on a ${big ? 'big' : 'small'} chart, a selected one white`, () => {
      const cy = cytoscape({
        headless: true,
        styleEnabled: true,
        style: stylesheet(big),
        elements: [
          { data: { id: 'a', size: 30, colour: '#4c90f0', label: 'A' } },
          { data: { id: 'b', size: 30, colour: '#4c90f0', label: 'B' } },
          { data: { id: 'plain', source: 'a', target: 'b', width: 2, colour: '#8abbff', label: '' } },
          { data: { id: 'hl', source: 'a', target: 'b', width: 2, colour: '#8abbff', label: '' }, classes: 'highlight directed' },
        ],
      });
      const plain = cy.getElementById('plain');
      const hl = cy.getElementById('hl');
      expect(plain.style('line-color')).toBe('rgb(138,187,255)');
      expect(hl.style('line-color')).toBe('rgb(251,179,96)');
      expect(hl.style('width')).toBe('4px');
      hl.select();
      expect(hl.style('line-color')).toBe('rgb(255,255,255)');
      cy.destroy();
    });
  }
});
