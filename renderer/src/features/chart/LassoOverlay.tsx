import type { Position } from 'cytoscape';
import { useRef, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartController } from './controller';
import { lassoSelect, MIN_POINTS } from './lasso';
import './chart-tools.css';

/**
 * While lasso mode is on, this layer lies over the canvas and takes the pointer: a drag draws the
 * loop (an SVG polyline updated in place, so drawing never re-renders React) and the release
 * selects what it surrounds. Shift adds to the selection. Panning and node drags come back when
 * the mode is switched off.
 */
export function LassoOverlay({ ctl }: { ctl: ChartController }) {
  const { t } = useTranslation();
  const line = useRef<SVGPolylineElement>(null);
  const points = useRef<Position[] | null>(null);

  const at = (e: PointerEvent<SVGSVGElement>): Position => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const draw = () => line.current?.setAttribute('points', (points.current ?? []).map((p) => `${p.x},${p.y}`).join(' '));

  return (
    <svg
      className="chart-lasso"
      data-testid="chart-lasso"
      aria-label={t('chart.lasso.area')}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        points.current = [at(e)];
        draw();
      }}
      onPointerMove={(e) => {
        if (!points.current) return;
        points.current.push(at(e));
        draw();
      }}
      onPointerUp={(e) => {
        const loop = points.current;
        points.current = null;
        draw();
        if (loop && loop.length >= MIN_POINTS) lassoSelect(ctl.cy, loop, e.shiftKey);
      }}
      onPointerCancel={() => {
        points.current = null;
        draw();
      }}
    >
      <polyline ref={line} className="chart-lasso-line" points="" />
    </svg>
  );
}
