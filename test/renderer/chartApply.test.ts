import cytoscape, { type Core } from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { centresBox, layoutBox, viewportFor } from '../../renderer/src/features/chart/fitView';
import { applyPositionsInFrames, NODES_PER_FRAME } from '../../renderer/src/features/chart/positions';

// A big layout lands over several frames (the UI keeps drawing), links hidden meanwhile; a big
// chart fits by node centres. Frames are driven by hand here, one at a time.

let pending: (() => void)[] = [];
beforeEach(() => {
  pending = [];
  globalThis.requestAnimationFrame = (cb: FrameRequestCallback) => pending.push(() => cb(0));
});
afterEach(() => {
  delete (globalThis as { requestAnimationFrame?: unknown }).requestAnimationFrame;
});
const runFrame = async () => {
  const now = pending;
  pending = [];
  for (const f of now) f();
  await new Promise((ok) => setTimeout(ok, 0));
};

function chart(n: number): Core {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    elements: Array.from({ length: n }, (_, i) => ({ group: 'nodes' as const, data: { id: `n${i}` }, position: { x: 0, y: 0 } })),
  });
}

describe('applying a big layout', () => {
  it('moves a slice of nodes per frame, holds the chart as animated meanwhile, and leaves pinned nodes', async () => {
    const n = 2 * NODES_PER_FRAME + 10;
    const cy = chart(n);
    const xy = Float64Array.from({ length: 2 * n }, (_, k) => k + 1);
    const keep = new Uint8Array(n);
    keep[3] = 1;
    const done = applyPositionsInFrames(cy, cy.nodes(), xy, keep);
    const moved = () => cy.nodes().filter((m) => m.position().x !== 0).length;
    expect(moved()).toBe(NODES_PER_FRAME - 1);
    expect(cy.animated()).toBe(true);
    await runFrame();
    expect(moved()).toBe(2 * NODES_PER_FRAME - 1);
    await runFrame();
    await runFrame();
    await done;
    expect(moved()).toBe(n - 1);
    // cytoscape drops a stopped animation at its own next frame, which headless cytoscape runs on
    // a timer of its own (not the frames driven here): wait for it rather than guess its timing.
    await runFrame();
    await vi.waitFor(() => expect(cy.animated()).toBe(false), { timeout: 10_000, interval: 20 });
    expect(cy.getElementById('n3').position()).toEqual({ x: 0, y: 0 });
    expect(cy.getElementById(`n${n - 1}`).position()).toEqual({ x: 2 * n - 1, y: 2 * n });
  });

  it('stops between slices when cancelled', async () => {
    const n = 3 * NODES_PER_FRAME;
    const cy = chart(n);
    let cancelled = false;
    const done = applyPositionsInFrames(cy, cy.nodes(), new Float64Array(2 * n).fill(5), undefined, () => cancelled);
    cancelled = true;
    await runFrame();
    await done;
    expect(cy.nodes().filter((m) => m.position().x === 5).length).toBe(NODES_PER_FRAME);
    // cytoscape drops a stopped animation at its own next frame, which headless cytoscape runs on
    // a timer of its own (not the frames driven here): wait for it rather than guess its timing.
    await runFrame();
    await vi.waitFor(() => expect(cy.animated()).toBe(false), { timeout: 10_000, interval: 20 });
  });

  it('applies a small layout at once', async () => {
    const cy = chart(3);
    await applyPositionsInFrames(cy, cy.nodes(), Float64Array.from([1, 2, 3, 4, 5, 6]));
    expect(cy.nodes().map((m) => m.position())).toEqual([
      { x: 1, y: 2 },
      { x: 3, y: 4 },
      { x: 5, y: 6 },
    ]);
    expect(pending).toHaveLength(0);
  });
});

describe('fitting by centres', () => {
  it('frames the centres (or a layout result) with a margin, centred, never closer than the cap', () => {
    const cy = chart(3);
    cy.nodes()[1]!.position({ x: 100, y: 50 });
    cy.nodes()[2]!.position({ x: -100, y: -50 });
    const box = centresBox(cy.nodes())!;
    expect(box).toEqual({ x1: -100, y1: -50, x2: 100, y2: 50 });
    const view = { width: 420, height: 220, minZoom: 0.02, maxZoom: 6 };
    expect(viewportFor(view, box, 10, 0)).toEqual({ zoom: 2, pan: { x: 210, y: 110 } });
    expect(viewportFor({ ...view, maxZoom: 1.25 }, box, 10, 0).zoom).toBe(1.25);
    expect(viewportFor(view, box, 10, 100).zoom).toBeCloseTo(2 / 3);
    expect(viewportFor({ ...view, minZoom: 0.5 }, { x1: 0, y1: 0, x2: 1e6, y2: 1 }, 10, 0).zoom).toBe(0.5);
    expect(layoutBox(cy.nodes(), Float64Array.from([0, 0, 10, 20, -30, 40]), Uint8Array.from([0, 0, 1]))).toEqual({ x1: -100, y1: -50, x2: 10, y2: 20 });
    expect(centresBox(cy.collection())).toBeNull();
  });
});
