import type { Position } from 'cytoscape';
import { call } from '../../api';
import type { ChartController } from './controller';

// Writes to the case made from the chart (a link drawn between two entities, an entity placed on
// the chart), each an undoable step whose undo deletes what it created.

/** A new link in the case, drawn on the chart; undo deletes it from the case again. */
export function createLink(ctl: ChartController, schema: string, from: string, to: string, properties: Record<string, string[]>, sourceId?: string): Promise<void> {
  let linkId: string | null = null;
  return ctl.history.run({
    label: 'link',
    do: async () => {
      linkId = (await call('link.create', { schema, from, to, properties, ...(sourceId ? { sourceId } : {}) })).id;
      const els = await call('chart.elements', { entityIds: [from], withIds: [to] });
      const edge = els.edges.find((e) => e.id === linkId);
      if (edge) ctl.cy.batch(() => ctl.addRaw([], [edge], { x: 0, y: 0 }));
      ctl.refreshView();
    },
    undo: async () => {
      if (!linkId) return;
      await call('entity.delete', { id: linkId });
      ctl.cy.getElementById(linkId).remove();
      linkId = null;
      ctl.refreshView();
    },
  });
}

/** A new entity of the case at a place on the chart; undo deletes it from the case again. */
export function createEntity(ctl: ChartController, schema: string, properties: Record<string, string[]>, at: Position, sourceId?: string): Promise<void> {
  let id: string | null = null;
  return ctl.history.run({
    label: 'entity',
    do: async () => {
      id = (await call('entity.create', { schema, properties, ...(sourceId ? { sourceId } : {}) })).id;
      const els = await call('chart.elements', { entityIds: [id], withIds: [] });
      ctl.cy.batch(() => ctl.addRaw(els.nodes.map((n) => ({ ...n, x: at.x, y: at.y })), [], at));
      ctl.saver.touch([id]);
      ctl.refreshView();
    },
    undo: async () => {
      if (!id) return;
      await call('entity.delete', { id });
      ctl.cy.getElementById(id).remove();
      ctl.saver.touch([id]);
      id = null;
      ctl.refreshView();
    },
  });
}
