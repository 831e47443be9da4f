import type { EventObject, NodeSingular, Position } from 'cytoscape';
import { useEffect, type RefObject } from 'react';
import type { ChartController } from './controller';

// Canvas interactions wired straight to cytoscape events, with the tooltip and the link handle
// updated in the DOM directly: hovering and dragging never re-render React.

export interface InteractionHandlers {
  onNewEntity(at: Position): void;
  onLinkDrawn(from: string, to: string): void;
  tooltipText(target: NodeSingular | import('cytoscape').EdgeSingular): string;
}

export function useChartInteractions(
  ctl: ChartController | null,
  refs: { tooltip: RefObject<HTMLDivElement | null>; handle: RefObject<HTMLDivElement | null> },
  handlers: InteractionHandlers,
): void {
  useEffect(() => {
    if (!ctl) return;
    const cy = ctl.cy;
    const tooltip = refs.tooltip.current!;
    const handle = refs.handle.current!;
    let grabbed: Map<string, Position> | null = null;
    let hovered: NodeSingular | null = null;
    let drawing: { from: string } | null = null;

    // Moves: positions at grab, recorded as one undoable step at release.
    const onGrab = (e: EventObject) => {
      const n = e.target as NodeSingular;
      const moving = n.selected() ? cy.nodes(':selected').not('.group') : n.isParent() ? n.children() : n;
      grabbed = ctl.positions(moving.map((x) => x.id()));
    };
    const onFree = () => {
      if (!grabbed) return;
      const before = grabbed;
      grabbed = null;
      const after = ctl.positions([...before.keys()]);
      const moved = [...before].some(([id, p]) => after.get(id)!.x !== p.x || after.get(id)!.y !== p.y);
      if (moved) ctl.recordMove('move', before, after);
    };
    const onDbl = (e: EventObject) => {
      if (e.target === cy) handlers.onNewEntity({ ...e.position });
    };
    const showTip = (e: EventObject) => {
      const target = e.target as NodeSingular;
      if (target.hasClass('ghost')) return;
      tooltip.textContent = handlers.tooltipText(target);
      tooltip.style.insetInlineStart = `${e.renderedPosition.x + 14}px`;
      tooltip.style.insetBlockStart = `${e.renderedPosition.y + 14}px`;
      tooltip.hidden = false;
    };
    const hideTip = () => {
      tooltip.hidden = true;
    };
    const placeHandle = () => {
      if (!hovered || hovered.removed()) {
        handle.hidden = true;
        return;
      }
      const bb = hovered.renderedBoundingBox({ includeLabels: false });
      handle.style.left = `${bb.x2 - 4}px`;
      handle.style.top = `${bb.y1 - 4}px`;
      handle.hidden = false;
    };
    const onNodeOver = (e: EventObject) => {
      showTip(e);
      const n = e.target as NodeSingular;
      if (!drawing && !n.hasClass('group') && !n.hasClass('ghost')) {
        hovered = n;
        placeHandle();
      }
    };
    const onViewport = () => placeHandle();
    cy.on('grab', 'node', onGrab);
    cy.on('free', 'node', onFree);
    cy.on('dbltap', onDbl);
    cy.on('mouseover', 'node, edge', showTip);
    cy.on('mouseover', 'node', onNodeOver);
    cy.on('mouseout', 'node, edge', hideTip);
    cy.on('viewport drag', onViewport);

    // The link handle: drag from it to another node to create a link there.
    const container = cy.container()!;
    const toModel = (ev: PointerEvent): Position => {
      const rect = container.getBoundingClientRect();
      const pan = cy.pan();
      const zoom = cy.zoom();
      return { x: (ev.clientX - rect.left - pan.x) / zoom, y: (ev.clientY - rect.top - pan.y) / zoom };
    };
    const nodeAt = (p: Position): NodeSingular | null => {
      const hit = cy
        .nodes()
        .not('.group, .ghost, .removed, .collapsed-away')
        .filter((n) => {
          const bb = n.boundingBox({ includeLabels: false });
          return p.x >= bb.x1 && p.x <= bb.x2 && p.y >= bb.y1 && p.y <= bb.y2;
        });
      return hit.nonempty() ? (hit[0] as NodeSingular) : null;
    };
    const onMove = (ev: PointerEvent) => {
      if (!drawing) return;
      cy.getElementById('ghost:node').position(toModel(ev));
    };
    const onUp = (ev: PointerEvent) => {
      if (!drawing) return;
      const from = drawing.from;
      drawing = null;
      cy.remove('.ghost');
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      const target = nodeAt(toModel(ev));
      if (target && target.id() !== from) handlers.onLinkDrawn(from, target.id());
    };
    const onHandleDown = (ev: PointerEvent) => {
      if (!hovered) return;
      ev.preventDefault();
      ev.stopPropagation();
      drawing = { from: hovered.id() };
      handle.hidden = true;
      cy.add([
        { group: 'nodes', data: { id: 'ghost:node' }, position: toModel(ev), classes: 'ghost', selectable: false, grabbable: false },
        { group: 'edges', data: { id: 'ghost:edge', source: hovered.id(), target: 'ghost:node' }, classes: 'ghost' },
      ]);
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
    };
    handle.addEventListener('pointerdown', onHandleDown);
    return () => {
      handle.removeEventListener('pointerdown', onHandleDown);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      if (!cy.destroyed()) cy.removeAllListeners();
    };
  }, [ctl, refs.tooltip, refs.handle, handlers]);
}
