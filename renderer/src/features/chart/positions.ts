import type { AnimationOptions, Core, NodeCollection } from 'cytoscape';

// A layout's result on the chart. Small charts take it in one cy.batch over the flat array the
// worker sent, by index (no id lookups, no Map of positions). Big ones take it over several
// animation frames (applyPositionsInFrames): at 10,000 entities the one-step apply and the
// redraw after it blocked the UI for 1.4 s (chart bench), because cytoscape recomputes every
// moved node's and link's geometry in the frame after the move.

/** Moves nodes[i] to (xy[2i], xy[2i+1]); nodes whose `keep` flag is set stay where they are. */
export function applyPositions(cy: Core, nodes: NodeCollection, xy: Float64Array, keep?: Uint8Array, from = 0, to = nodes.length): void {
  cy.batch(() => {
    for (let i = from; i < to; i++) {
      if (keep?.[i]) continue;
      nodes[i]!.position({ x: xy[2 * i]!, y: xy[2 * i + 1]! });
    }
  });
}

/** Nodes moved per frame: each frame then recomputes the geometry of this many nodes and their
 * links, which stays well inside the 200 ms a frame may take on this machine's loaded cores. */
export const NODES_PER_FRAME = 500;

/** Links whose bounds are brought up to date per frame after the move. */
export const LINKS_PER_FRAME = 2000;

const nextFrame = () => new Promise<void>((ok) => requestAnimationFrame(() => ok()));

/**
 * Moves the nodes a slice per animation frame, so the UI keeps drawing and answering input
 * while a big layout lands. Links are hidden meanwhile (the renderer's hideEdgesOnViewport,
 * engaged while the core runs an animation; this one animates nothing, so the viewport stays
 * the user's): otherwise every frame would redraw all links
 * one by one, since the cached picture of the chart is stale until the last node has moved.
 * Resolves after the last slice; `cancelled` stops between slices (what has moved stays).
 */
export async function applyPositionsInFrames(cy: Core, nodes: NodeCollection, xy: Float64Array, keep?: Uint8Array, cancelled: () => boolean = () => false): Promise<void> {
  if (nodes.length <= NODES_PER_FRAME) {
    applyPositions(cy, nodes, xy, keep);
    return;
  }
  const hold = cy.animation({ duration: 24 * 3600 * 1000 } as AnimationOptions);
  void hold.play();
  try {
    for (let from = 0; from < nodes.length && !cancelled(); from += NODES_PER_FRAME) {
      applyPositions(cy, nodes, xy, keep, from, Math.min(nodes.length, from + NODES_PER_FRAME));
      await nextFrame();
    }
    // The links' new bounds, a slice a frame, before they are drawn again: left to the first
    // frame with links, cytoscape computes them all there, takes that as a change to every link
    // and draws the chart element by element for several more frames (measured: one 7.4 s frame
    // at 10,000 entities on the loaded bench machine).
    const links = nodes.connectedEdges();
    for (let from = 0; from < links.length && !cancelled(); from += LINKS_PER_FRAME) {
      links.slice(from, from + LINKS_PER_FRAME).boundingBox();
      await nextFrame();
    }
  } finally {
    hold.stop();
  }
}
