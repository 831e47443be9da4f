import { useEffect } from 'react';
import { useSelection } from '../../state/selection';
import type { ChartController } from './controller';

// The chart's side of the shared selection (state/selection.ts): what is selected on the chart
// becomes the case's selection, and a selection made elsewhere (the map) is selected on the chart.
export function useSharedSelection(ctl: ChartController | null): void {
  useEffect(() => {
    if (!ctl) return;
    const apply = (ids: readonly string[]) => {
      const want = new Set(ids);
      ctl.cy.batch(() => {
        ctl.cy.nodes(':selected').forEach((n) => void (want.has(n.id()) || n.unselect()));
        for (const id of want) {
          const n = ctl.cy.getElementById(id);
          if (n.nonempty() && !n.selected()) n.select();
        }
      });
    };
    apply(useSelection.getState().ids);
    // cytoscape fires one event per element: the selection is read once they are all in.
    let queued = false;
    const changed = () => {
      if (queued) return;
      queued = true;
      queueMicrotask(() => {
        queued = false;
        useSelection.getState().setSelection(ctl.cy.nodes(':selected').not('.group').map((n) => n.id()), 'chart');
      });
    };
    ctl.cy.on('select unselect', 'node', changed);
    const off = useSelection.subscribe((s) => s.from !== 'chart' && apply(s.ids));
    return () => {
      off();
      ctl.cy.off('select unselect', 'node', changed);
    };
  }, [ctl]);
}
