import { scaleOf, type View } from './projection';
import type { Theme } from './layers';

// A phone's path through its cell sites on the map (issue 19): the stays of comms.movement joined
// in time order, an arrow on each leg saying which way it went, each stay a numbered dot (numbers
// only while few enough to read). Drawn last, over the cell sites it passes through.

export interface MovementPath {
  /** Stays in world units, in time order. */
  x: Float64Array;
  y: Float64Array;
}

/** Numbers are written on the stays up to this many. */
export const MAX_NUMBERED = 200;

export function drawMovement(ctx: CanvasRenderingContext2D, v: View, p: MovementPath, theme: Theme): void {
  const n = p.x.length;
  if (n === 0) return;
  const s = scaleOf(v);
  const ox = v.width / 2 - v.cx * s;
  const oy = v.height / 2 - v.cy * s;
  const sx = (i: number) => p.x[i]! * s + ox;
  const sy = (i: number) => p.y[i]! * s + oy;
  ctx.save();
  ctx.strokeStyle = theme.selected;
  ctx.fillStyle = theme.selected;
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(sx(0), sy(0));
  for (let i = 1; i < n; i++) ctx.lineTo(sx(i), sy(i));
  ctx.stroke();
  // Arrowheads at the middle of each leg long enough to carry one.
  for (let i = 1; i < n; i++) {
    const x0 = sx(i - 1);
    const y0 = sy(i - 1);
    const dx = sx(i) - x0;
    const dy = sy(i) - y0;
    const len = Math.hypot(dx, dy);
    if (len < 24) continue;
    const a = Math.atan2(dy, dx);
    const mx = x0 + dx / 2;
    const my = y0 + dy / 2;
    ctx.beginPath();
    ctx.moveTo(mx + 6 * Math.cos(a), my + 6 * Math.sin(a));
    ctx.lineTo(mx + 6 * Math.cos(a + 2.5), my + 6 * Math.sin(a + 2.5));
    ctx.lineTo(mx + 6 * Math.cos(a - 2.5), my + 6 * Math.sin(a - 2.5));
    ctx.closePath();
    ctx.fill();
  }
  const numbered = n <= MAX_NUMBERED;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (let i = 0; i < n; i++) {
    ctx.beginPath();
    ctx.arc(sx(i), sy(i), numbered ? 8 : 3, 0, Math.PI * 2);
    ctx.fillStyle = theme.selected;
    ctx.fill();
    if (numbered) {
      ctx.fillStyle = '#1c2127';
      ctx.fillText(String(i + 1), sx(i), sy(i));
    }
  }
  ctx.restore();
}
