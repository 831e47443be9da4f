import cytoscape from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import { attachLabelScale, currentLabelScale, labelScaleFor, MAX_LABEL_SCALE } from '../../renderer/src/features/chart/labelScale';
import { stylesheet } from '../../renderer/src/features/chart/style';

// A small chart zoomed out keeps its captions readable: they grow in chart units as the zoom falls.
describe('chart captions at every zoom', () => {
  it('scales by 1/zoom below zoom 1, in steps, up to the maximum', () => {
    expect(labelScaleFor(1)).toBe(1);
    expect(labelScaleFor(3)).toBe(1);
    expect(labelScaleFor(0.8)).toBe(1.2);
    expect(labelScaleFor(0.45)).toBe(2.2);
    expect(labelScaleFor(0.1)).toBe(MAX_LABEL_SCALE);
    expect(labelScaleFor(0)).toBe(1);
    expect(labelScaleFor(Number.NaN)).toBe(1);
  });

  it('a caption at the fitted zoom of a hundred-entity chart is drawn at a readable size on screen', () => {
    // Cytoscape hides captions under min-zoomed-font-size (6 px on screen).
    const zoom = 0.45;
    const scaled = 11 * labelScaleFor(zoom) * zoom;
    expect(11 * zoom).toBeLessThan(6);
    expect(scaled).toBeGreaterThanOrEqual(9);
  });

  it('restyles the chart once the zoom settles, and back at zoom 1', () => {
    vi.useFakeTimers();
    try {
      const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet(false), elements: [{ data: { id: 'a', size: 30, colour: '#4c90f0', label: 'Daniel Serero' } }] });
      attachLabelScale(cy);
      const a = cy.getElementById('a');
      expect(a.style('font-size')).toBe('11px');
      cy.zoom(0.5);
      expect(a.style('font-size')).toBe('11px');
      vi.advanceTimersByTime(200);
      expect(currentLabelScale(cy)).toBe(2);
      expect(a.style('font-size')).toBe('22px');
      expect(a.style('text-max-width')).toBe('280px');
      cy.zoom(1.5);
      vi.advanceTimersByTime(200);
      expect(a.style('font-size')).toBe('11px');
      cy.destroy();
      vi.advanceTimersByTime(200);
    } finally {
      vi.useRealTimers();
    }
  });
});
