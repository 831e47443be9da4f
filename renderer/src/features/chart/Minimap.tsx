import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartController } from './controller';

const W = 180;
const H = 120;

/** A bird's-eye view: every entity as a dot and the viewport as a box; click or drag to pan there. */
export function Minimap({ ctl }: { ctl: ChartController }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const cy = ctl.cy;
    const el = canvas.current!;
    const g = el.getContext('2d')!;
    let frame = 0;
    let scale = 1;
    let ox = 0;
    let oy = 0;
    const draw = () => {
      frame = 0;
      const nodes = ctl.entityNodes().not('.removed, .collapsed-away');
      g.clearRect(0, 0, W, H);
      if (nodes.empty()) return;
      const bb = nodes.boundingBox({ includeLabels: false });
      scale = Math.min((W - 8) / Math.max(bb.w, 1), (H - 8) / Math.max(bb.h, 1));
      ox = 4 - bb.x1 * scale + (W - 8 - bb.w * scale) / 2;
      oy = 4 - bb.y1 * scale + (H - 8 - bb.h * scale) / 2;
      g.fillStyle = '#8abbff';
      nodes.forEach((n) => {
        const p = n.position();
        g.fillRect(p.x * scale + ox - 1, p.y * scale + oy - 1, 2, 2);
      });
      const ext = cy.extent();
      g.strokeStyle = '#fbb360';
      g.lineWidth = 1;
      g.strokeRect(ext.x1 * scale + ox, ext.y1 * scale + oy, ext.w * scale, ext.h * scale);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };
    cy.on('viewport position add remove', schedule);
    schedule();
    const panTo = (ev: PointerEvent) => {
      const rect = el.getBoundingClientRect();
      const x = (ev.clientX - rect.left - ox) / scale;
      const y = (ev.clientY - rect.top - oy) / scale;
      const zoom = cy.zoom();
      cy.pan({ x: cy.width() / 2 - x * zoom, y: cy.height() / 2 - y * zoom });
    };
    const down = (ev: PointerEvent) => {
      panTo(ev);
      el.setPointerCapture(ev.pointerId);
      el.addEventListener('pointermove', panTo);
    };
    const up = () => el.removeEventListener('pointermove', panTo);
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointerup', up);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      if (!cy.destroyed()) cy.off('viewport position add remove', schedule);
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointerup', up);
    };
  }, [ctl]);
  return <canvas ref={canvas} className="chart-minimap" width={W} height={H} aria-label={t('chart.minimap')} />;
}
