import { create } from 'zustand';

// Which charts are open as tabs, and which tab is in front (null: the list of charts).

interface ChartTabsState {
  open: Array<{ id: string; name: string }>;
  active: string | null;
  openChart(id: string, name: string): void;
  closeChart(id: string): void;
  rename(id: string, name: string): void;
  show(id: string | null): void;
  reset(): void;
}

export const useChartTabs = create<ChartTabsState>()((set) => ({
  open: [],
  active: null,
  openChart: (id, name) => set((s) => ({ open: s.open.some((t) => t.id === id) ? s.open : [...s.open, { id, name }], active: id })),
  closeChart: (id) =>
    set((s) => {
      const open = s.open.filter((t) => t.id !== id);
      return { open, active: s.active === id ? (open.at(-1)?.id ?? null) : s.active };
    }),
  rename: (id, name) => set((s) => ({ open: s.open.map((t) => (t.id === id ? { id, name } : t)) })),
  show: (active) => set({ active }),
  reset: () => set({ open: [], active: null }),
}));
