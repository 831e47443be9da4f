import { create } from 'zustand';
import type { Input } from '../../../../shared/api';
import type { AnalysisResult, DisruptionResult, PathsResult } from '../../../../shared/analysis/dto';
import { call, isApiError } from '../../api';
import type { ChartController } from '../chart/controller';

// The analysis panel's state: the scope the analyst chose, and the last complete result of each
// kind. A run that is cancelled or fails leaves no result behind (never a partial one shown as
// complete): the previous result is dropped when a run starts.

export type ScopeKind = 'case' | 'chart' | 'selection';
export interface Scope {
  kind: ScopeKind;
  linkTypes: string[];
  minGrade: string;
  asOf: string;
  directed: boolean;
  weighted: boolean;
}

export type RunStatus = { state: 'idle' } | { state: 'running' } | { state: 'cancelled' } | { state: 'failed'; error: unknown };

export interface ScopeInput {
  entityIds?: string[];
  linkTypes?: string[];
  minGrade?: { grade: string };
  asOf?: string;
  directed: boolean;
  weighted: boolean;
}

/** The contract's scope fields for this scope (the chart or its selection read now). */
export function scopeInput(scope: Scope, ctl: ChartController | null): ScopeInput {
  const out: ScopeInput = { directed: scope.directed, weighted: scope.weighted };
  if (scope.kind !== 'case' && ctl) {
    const selected = ctl.cy.nodes(':selected').not('.group, .ghost').map((n) => n.id());
    out.entityIds = scope.kind === 'selection' && selected.length > 0 ? selected : ctl.entityIds();
  }
  if (scope.linkTypes.length > 0) out.linkTypes = scope.linkTypes;
  if (scope.minGrade.trim()) out.minGrade = { grade: scope.minGrade.trim().toUpperCase() };
  if (scope.asOf.trim()) out.asOf = scope.asOf.trim();
  return out;
}

interface AnalysisState {
  scope: Scope;
  status: RunStatus;
  result: AnalysisResult | null;
  paths: PathsResult | null;
  pathsStatus: RunStatus;
  curves: DisruptionResult[];
  targets: DisruptionResult | null;
  disruptStatus: RunStatus;
  setScope(patch: Partial<Scope>): void;
  run(ctl: ChartController | null): Promise<void>;
  findPaths(input: Omit<Input<'analysis.paths'>, keyof ScopeInput | 'entityIds'>, ctl: ChartController | null): Promise<PathsResult | null>;
  disrupt(strategies: Array<'betweenness' | 'degree' | 'ci'>, mode: 'sequential' | 'block', blockSize: number, ctl: ChartController | null): Promise<void>;
  removeTargets(targets: string[], ctl: ChartController | null): Promise<void>;
  reset(): void;
}

const initialScope: Scope = { kind: 'case', linkTypes: [], minGrade: '', asOf: '', directed: false, weighted: false };
const ended = (err: unknown): RunStatus => (isApiError(err) && err.code === 'CANCELLED' ? { state: 'cancelled' } : { state: 'failed', error: err });

export const useAnalysis = create<AnalysisState>()((set, get) => ({
  scope: initialScope,
  status: { state: 'idle' },
  result: null,
  paths: null,
  pathsStatus: { state: 'idle' },
  curves: [],
  targets: null,
  disruptStatus: { state: 'idle' },
  setScope: (patch) => set((s) => ({ scope: { ...s.scope, ...patch } })),
  async run(ctl) {
    set({ status: { state: 'running' }, result: null });
    try {
      const result = await call('analysis.run', { ...scopeInput(get().scope, ctl), top: 10 });
      set({ status: { state: 'idle' }, result });
    } catch (err) {
      set({ status: ended(err), result: null });
    }
  },
  async findPaths(input, ctl) {
    set({ pathsStatus: { state: 'running' }, paths: null });
    try {
      const paths = await call('analysis.paths', { ...scopeInput(get().scope, ctl), ...input });
      set({ pathsStatus: { state: 'idle' }, paths });
      return paths;
    } catch (err) {
      set({ pathsStatus: ended(err), paths: null });
      return null;
    }
  },
  async disrupt(strategies, mode, blockSize, ctl) {
    set({ disruptStatus: { state: 'running' }, curves: [] });
    const curves: DisruptionResult[] = [];
    try {
      for (const strategy of strategies) {
        curves.push(await call('analysis.disrupt', { ...scopeInput(get().scope, ctl), strategy, mode, blockSize }));
      }
      set({ disruptStatus: { state: 'idle' }, curves });
    } catch (err) {
      set({ disruptStatus: ended(err), curves: [] });
    }
  },
  async removeTargets(targets, ctl) {
    set({ disruptStatus: { state: 'running' }, targets: null });
    try {
      const result = await call('analysis.disrupt', { ...scopeInput(get().scope, ctl), strategy: 'targets', targets, mode: 'block', blockSize: Math.max(1, targets.length) });
      set({ disruptStatus: { state: 'idle' }, targets: result });
    } catch (err) {
      set({ disruptStatus: ended(err), targets: null });
    }
  },
  reset: () => set({ scope: initialScope, status: { state: 'idle' }, result: null, paths: null, pathsStatus: { state: 'idle' }, curves: [], targets: null, disruptStatus: { state: 'idle' } }),
}));
