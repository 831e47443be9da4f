import type { Core } from 'cytoscape';
import { stylesheet } from './style';

// Captions that stay readable when a small chart is zoomed out. Cytoscape hides a caption whose
// on-screen size falls under min-zoomed-font-size, so a chart of a hundred entities fitted into
// the window (zoom ≈ 0.45) opened with no name on it at all. Below zoom 1 the captions grow in
// chart units, up to MAX times, so they keep about their size on screen; further out (a
// thousand-entity overview) they give way again. The stylesheet is replaced only when the step
// changes and once the zoom settles: restyling re-resolves every element, which a big chart
// (style.ts BIG) could not afford on each wheel notch, so it is left out.

/** The largest factor: beyond it captions of neighbours cover each other. */
export const MAX_LABEL_SCALE = 2.4;
const STEP = 0.2;
const SETTLE_MS = 120;

/** The caption factor for a zoom level: 1 from zoom 1 up, 1/zoom below, in steps of 0.2, at most MAX. */
export function labelScaleFor(zoom: number): number {
  if (!(zoom > 0) || zoom >= 1) return 1;
  const s = Math.min(MAX_LABEL_SCALE, 1 / zoom);
  return Math.round(Math.floor(s / STEP + 1e-9) * STEP * 10) / 10;
}

/** Keeps a small chart's captions scaled to its zoom; returns the detach function. */
export function attachLabelScale(cy: Core): () => void {
  let current = 1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = () => {
    timer = undefined;
    if (cy.destroyed()) return;
    const next = labelScaleFor(cy.zoom());
    if (next === current) return;
    current = next;
    cy.scratch(KEY, next);
    cy.style(stylesheet(false, next));
  };
  const onViewport = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(apply, SETTLE_MS);
  };
  cy.on('viewport', onViewport);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    cy.off('viewport', onViewport);
  };
}

const KEY = 'cordonLabelScale';

/** The factor the chart's captions are drawn with now (1 for a big chart). */
export function currentLabelScale(cy: Core): number {
  return Number(cy.scratch(KEY) ?? 1);
}
