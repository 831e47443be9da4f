import { create } from 'zustand';

// The one selection of the case's entities, shared by the chart, the map and the inspector beside
// them (issue 19): each view shows it and sets it, none keeps its own copy. `from` names the view
// that set it last, so that view does not apply its own change back to itself.

export type SelectionOrigin = 'chart' | 'map' | 'other';

interface SelectionState {
  ids: readonly string[];
  from: SelectionOrigin;
  setSelection(ids: readonly string[], from: SelectionOrigin): void;
}

export const useSelection = create<SelectionState>()((set, get) => ({
  ids: [],
  from: 'other',
  setSelection: (ids, from) => {
    const cur = new Set(get().ids);
    if (cur.size === new Set(ids).size && ids.every((id) => cur.has(id))) return;
    set({ ids, from });
  },
}));
