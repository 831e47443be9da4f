import { create } from 'zustand';
import type { EntitySummary } from '../../../shared/entities/dto';

// Which view, which entity and which filter the analyst is looking at. `dataVersion` is bumped
// after every write so views that cache pages from the core know to fetch again.

export type View = 'entities' | 'sources' | 'types' | 'audit' | 'casefile' | 'charts' | 'map' | ExchangeView | IntakeView | CooperationView;
/** Meetings and joint operations (issue 7). */
export type CooperationView = 'meetings' | 'operations';
/** Intake and interchange (issue 5): the import wizard and the duplicates view. */
export type IntakeView = 'import' | 'duplicates';
/** The exchange module's views (issue 6). */
export type ExchangeView = 'officers' | 'projects' | 'packages';

interface WorkspaceState {
  view: View;
  selectedId: string | null;
  typeFilter: string | null;
  dataVersion: number;
  /** The bottom panel's structure analysis (issue 4), open beside any view. */
  analysisOpen: boolean;
  /** The timeline strip (issue 18), open under any view. */
  timelineOpen: boolean;
  /** A merged entity whose cluster the Duplicates view should open with (then cleared). */
  clusterOf: EntitySummary | null;
  setAnalysisOpen(open: boolean): void;
  setTimelineOpen(open: boolean): void;
  reviewCluster(entity: EntitySummary): void;
  takeClusterOf(): EntitySummary | null;
  setView(view: View): void;
  select(id: string | null): void;
  setTypeFilter(schema: string | null): void;
  bumpData(): void;
  reset(): void;
}

const initial = { view: 'entities' as View, selectedId: null, typeFilter: null, dataVersion: 0, analysisOpen: false, timelineOpen: false, clusterOf: null };

export const useWorkspace = create<WorkspaceState>()((set, get) => ({
  ...initial,
  setView: (view) => set({ view }),
  setAnalysisOpen: (analysisOpen) => set({ analysisOpen }),
  setTimelineOpen: (timelineOpen) => set({ timelineOpen }),
  reviewCluster: (clusterOf) => set({ clusterOf, view: 'duplicates' }),
  takeClusterOf: () => {
    const e = get().clusterOf;
    if (e) set({ clusterOf: null });
    return e;
  },
  select: (selectedId) => set(selectedId ? { selectedId, view: 'entities' } : { selectedId }),
  setTypeFilter: (typeFilter) => set({ typeFilter }),
  bumpData: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
  reset: () => set(initial),
}));
