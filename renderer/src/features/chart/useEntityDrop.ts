import { useEffect } from 'react';
import { carriesEntities, readEntityDrag } from '../entities/entityDrag';
import type { ChartController } from './controller';

/**
 * Entities dropped on the canvas (dragged from the entity list) join the chart where they fall: the
 * first exactly under the pointer, the rest round it. One undoable step, saved with the next batch
 * like any other addition.
 */
export function useEntityDrop(ctl: ChartController | null, onError: (err: unknown) => void): void {
  useEffect(() => {
    const el = ctl?.cy.container();
    // The stage holds the canvas and what lies over it (the lasso layer, the panels): a drop on the
    // lasso layer still lands on the chart, a drop back on the entity list does nothing.
    const stage = el?.parentElement;
    if (!ctl || !el || !stage) return;
    const onPanel = (e: DragEvent) => e.target instanceof Element && e.target.closest('.chart-entity-pane, .chart-inspector') !== null;
    const over = (e: DragEvent) => {
      if (!e.dataTransfer || !carriesEntities(e.dataTransfer) || onPanel(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer || onPanel(e)) return;
      const ids = readEntityDrag(e.dataTransfer);
      if (ids.length === 0) return;
      e.preventDefault();
      const rect = el.getBoundingClientRect();
      const pan = ctl.cy.pan();
      const zoom = ctl.cy.zoom();
      const at = { x: (e.clientX - rect.left - pan.x) / zoom, y: (e.clientY - rect.top - pan.y) / zoom };
      void ctl.addEntities(ids, at, 'add', { firstAtAnchor: true }).catch(onError);
    };
    stage.addEventListener('dragover', over);
    stage.addEventListener('drop', drop);
    return () => {
      stage.removeEventListener('dragover', over);
      stage.removeEventListener('drop', drop);
    };
  }, [ctl, onError]);
}
