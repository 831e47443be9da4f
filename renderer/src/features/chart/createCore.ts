import cytoscape, { type Core } from 'cytoscape';
import { attachCulling } from './culling';
import { attachLabelScale } from './labelScale';
import { BIG, performanceOptions, stylesheet, suppressInjectedStyle } from './style';

// The chart's cytoscape instance with the stylesheet and renderer options for its size. Shared by
// the useCytoscape hook and the chart benchmark, so the bench measures exactly what the app draws.

export function createChartCore(container: HTMLElement, elementCount: number): Core {
  suppressInjectedStyle();
  const big = elementCount > BIG;
  // fit: false — the controller fits once after loading; a preset fit here would measure every
  // label a second time.
  const cy = cytoscape({ container, style: stylesheet(big), layout: { name: 'preset', fit: false }, ...performanceOptions(big) });
  cy.scratch(BIG_KEY, big);
  // Big charts draw straight links, which is what the view test of culling.ts assumes.
  if (big) attachCulling(cy);
  else attachLabelScale(cy);
  return cy;
}

const BIG_KEY = 'cordonBigChart';

/** Whether the chart was created with the big-chart stylesheet (no icons inside the nodes: the
 * icon layer draws them instead, see IconLayer.tsx). */
export function isBigChart(cy: Core): boolean {
  return cy.scratch(BIG_KEY) === true;
}
