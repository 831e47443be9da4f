import cytoscape, { type LayoutOptions, type NodeCollection, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { ChartController } from './controller';
import { FA2_BUDGET_MS, fa2Iterations, type Fa2Input } from './fa2';
import type { Fa2Message } from './fa2.worker';
import { runGroupedLayout } from './groupedLayout';
import type { LayoutRun } from './layoutRun';
import { applyPositionsInFrames } from './positions';

// Layouts: force-directed (fcose for small charts, ForceAtlas2 in a worker for big ones),
// hierarchy from a selected leader, circle, concentric by a measure, grid, grouped by organisation
// (groupedLayout.ts). Each lays out the
// selection when there is one (else the whole chart), leaves pinned nodes where they are, and
// becomes one undoable move.

cytoscape.use(fcose);

export const LAYOUTS = ['force', 'hierarchy', 'circle', 'concentric', 'grid', 'grouped'] as const;
export type LayoutKind = (typeof LAYOUTS)[number];

/** Above this, force-directed runs as ForceAtlas2 off the UI thread (fcose blocks it for seconds). */
export const WORKER_LAYOUT_ABOVE = 1000;

export type { LayoutRun } from './layoutRun';

export type WorkerFactory = () => Worker;
const defaultWorker: WorkerFactory = () => new Worker(new URL('./fa2.worker.ts', import.meta.url), { type: 'module' });

export interface LayoutOptionsIn {
  kind: LayoutKind;
  /** Only these nodes (the selection), or all. */
  onlySelection: boolean;
  /** The measure concentric rings follow (else degree). */
  measure?: string | undefined;
  onProgress?: (done: number, total: number) => void;
  createWorker?: WorkerFactory;
}

function targetNodes(ctl: ChartController, onlySelection: boolean): NodeCollection {
  const base = ctl.entityNodes().not('.removed, .collapsed-away');
  const picked = onlySelection ? base.filter(':selected') : base;
  return picked.nonempty() ? picked : base;
}

export function runLayout(ctl: ChartController, opts: LayoutOptionsIn): LayoutRun {
  const nodes = targetNodes(ctl, opts.onlySelection && ctl.cy.nodes(':selected').nonempty());
  const movable = nodes.not('.pinned');
  const before = ctl.positions(movable.map((n) => n.id()));
  const finish = (label: string) => {
    const after = ctl.positions(movable.map((n) => n.id()));
    ctl.recordMove(label, before, after);
    if (!opts.onlySelection) ctl.fit();
  };
  if (movable.empty()) return { done: Promise.resolve(), cancel: () => undefined };
  if (opts.kind === 'grouped') return runGroupedLayout(ctl, nodes, !opts.onlySelection);
  if (opts.kind === 'force' && nodes.length > WORKER_LAYOUT_ABOVE) return runWorkerLayout(ctl, nodes, opts, () => finish('layout'));
  const eles = nodes.union(nodes.edgesWith(nodes));
  const bb = opts.onlySelection ? nodes.boundingBox({}) : undefined;
  const boundingBox = bb ? { x1: bb.x1, y1: bb.y1, w: Math.max(bb.w, 300), h: Math.max(bb.h, 300) } : undefined;
  const selected = ctl.cy.nodes(':selected').filter((n) => nodes.contains(n));
  let options: LayoutOptions;
  switch (opts.kind) {
    case 'force':
      options = {
        name: 'fcose',
        quality: 'default',
        randomize: false,
        animate: false,
        fit: false,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 90,
        fixedNodeConstraint: nodes.filter('.pinned').map((n: NodeSingular) => ({ nodeId: n.id(), position: { ...n.position() } })),
        ...(boundingBox ? { boundingBox } : {}),
      } as LayoutOptions;
      break;
    case 'hierarchy': {
      // Top-down from the selected leader (or the best-connected entity when none is selected).
      const leader = selected.nonempty() ? selected[0]! : nodes.max((n) => (n as NodeSingular).degree(false)).ele;
      options = { name: 'breadthfirst', roots: leader, directed: false, spacingFactor: 1.1, animate: false, fit: false, avoidOverlap: true, ...(boundingBox ? { boundingBox } : {}) } as LayoutOptions;
      break;
    }
    case 'circle':
      options = { name: 'circle', animate: false, fit: false, avoidOverlap: true, ...(boundingBox ? { boundingBox } : {}) };
      break;
    case 'concentric': {
      const values = opts.measure ? ctl.measures.get(opts.measure) : undefined;
      options = {
        name: 'concentric',
        animate: false,
        fit: false,
        minNodeSpacing: 20,
        concentric: (n: NodeSingular) => values?.[n.id()] ?? n.degree(false),
        levelWidth: () => 1,
        ...(boundingBox ? { boundingBox } : {}),
      } as LayoutOptions;
      break;
    }
    case 'grid':
      options = { name: 'grid', animate: false, fit: false, avoidOverlap: true, condense: true, ...(boundingBox ? { boundingBox } : {}) } as LayoutOptions;
      break;
  }
  // Pinned nodes keep their places: lay out the movable ones only (fcose takes the pins as constraints).
  const layoutEles = opts.kind === 'force' ? eles : movable.union(movable.edgesWith(movable));
  const done = new Promise<void>((resolve) => {
    ctl.cy.batch(() => layoutEles.layout(options).run());
    finish('layout');
    resolve();
  });
  return { done, cancel: () => undefined };
}

function runWorkerLayout(ctl: ChartController, nodes: NodeCollection, opts: LayoutOptionsIn, finish: () => void): LayoutRun {
  const list = nodes.toArray() as NodeSingular[];
  const index = new Map(list.map((n, i) => [n.id(), i]));
  const positions = new Float64Array(list.length * 2);
  const fixed = new Uint8Array(list.length);
  // Stacked starts (everything at one point) give the forces nothing to separate: spread them.
  const spread = Math.sqrt(list.length) * 40;
  list.forEach((n, i) => {
    const p = n.position();
    const jitter = (k: number) => ((Math.sin(i * 12.9898 + k * 78.233) * 43758.5453) % 1) * spread;
    positions[2 * i] = p.x + jitter(1) * 0.05;
    positions[2 * i + 1] = p.y + jitter(2) * 0.05;
    fixed[i] = n.hasClass('pinned') ? 1 : 0;
  });
  const edgeList: number[] = [];
  const weights: number[] = [];
  nodes.edgesWith(nodes).not('.merged, .ghost').forEach((e) => {
    const s = index.get(e.data('source') as string);
    const t = index.get(e.data('target') as string);
    if (s === undefined || t === undefined || s === t) return;
    edgeList.push(s, t);
    weights.push(Math.log2(1 + Number(e.data('strength') ?? 1)));
  });
  const worker = (opts.createWorker ?? defaultWorker)();
  let settle: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (settle = resolve));
  let cancelled = false;
  worker.onmessage = (e: MessageEvent<Fa2Message>) => {
    if (e.data.kind === 'progress') {
      opts.onProgress?.(e.data.done, e.data.total);
      return;
    }
    worker.terminate();
    const xy = e.data.positions;
    // The whole chart laid out: go to the fitted view first, so the chart is drawn once at the
    // zoom it ends at rather than again after a fit.
    if (!opts.onlySelection) ctl.fitPositions(nodes, xy);
    applyPositionsInFrames(ctl.cy, nodes, xy, fixed, () => cancelled).then(
      () => {
        // Cancelled midway, what has moved stays and is one undoable step like the rest.
        finish();
        settle();
      },
      (err: unknown) => {
        settle();
        throw err;
      },
    );
  };
  worker.onerror = () => {
    worker.terminate();
    settle();
  };
  worker.postMessage({ positions, fixed, edges: Uint32Array.from(edgeList), weights: Float64Array.from(weights), iterations: fa2Iterations(list.length), budgetMs: FA2_BUDGET_MS } satisfies Fa2Input, [positions.buffer]);
  return {
    done,
    cancel: () => {
      cancelled = true;
      worker.terminate();
      settle();
    },
  };
}
