import { useEffect, useRef } from 'react';
import type { ChartController } from './controller';
import { isBigChart } from './createCore';
import { attachIconLayer } from './iconsInView';

/**
 * The type icons of a big chart, drawn over cytoscape's canvas for the entities in view once they
 * are big enough to read (iconsInView.ts). Pointer events pass through to the chart. Small charts
 * draw icons in the node style instead, and render nothing here.
 */
export function IconLayer({ ctl }: { ctl: ChartController }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const big = isBigChart(ctl.cy);
  useEffect(() => (big ? attachIconLayer(ctl.cy, canvas.current!) : undefined), [ctl, big]);
  if (!big) return null;
  return <canvas ref={canvas} className="chart-icons" data-testid="chart-icons" aria-hidden="true" />;
}
