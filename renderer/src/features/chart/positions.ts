import type { Core, NodeCollection, Position } from 'cytoscape';

// A layout's result on the chart in one step: one cy.batch over the flat array the worker sent,
// by index (no id lookups, no Map of 10,000 positions), so cytoscape recomputes bounding boxes
// and redraws once for the lot.

/** Moves nodes[i] to (xy[2i], xy[2i+1]); nodes whose `keep` flag is set stay where they are. */
export function applyPositions(cy: Core, nodes: NodeCollection, xy: Float64Array, keep?: Uint8Array): void {
  cy.batch(() => {
    nodes.positions((n, i): Position => (keep?.[i] ? { ...n.position() } : { x: xy[2 * i]!, y: xy[2 * i + 1]! }));
  });
}
