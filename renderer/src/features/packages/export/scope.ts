import type { Input } from '../../../../../shared/api';
import type { EntitySummary } from '../../../../../shared/entities/dto';
import { call } from '../../../api';

// What the officer chose to send, as the dialog holds it, and the contract's scope it becomes.

export type PackageScope = Input<'package.review'>['scope'];

export type ScopeChoice =
  | { kind: 'all' }
  | { kind: 'entities'; picked: EntitySummary[] }
  | { kind: 'chart'; chartId: string }
  | { kind: 'search'; query: string }
  | { kind: 'project'; id: string }
  | { kind: 'changed' };

export type ScopeKind = ScopeChoice['kind'];
export const SCOPE_KINDS: ScopeKind[] = ['all', 'changed', 'entities', 'chart', 'search', 'project'];

export function emptyChoice(kind: ScopeKind): ScopeChoice {
  switch (kind) {
    case 'entities':
      return { kind, picked: [] };
    case 'chart':
      return { kind, chartId: '' };
    case 'search':
      return { kind, query: '' };
    case 'project':
      return { kind, id: '' };
    default:
      return { kind };
  }
}

export function isComplete(c: ScopeChoice): boolean {
  switch (c.kind) {
    case 'entities':
      return c.picked.length > 0;
    case 'chart':
      return c.chartId !== '';
    case 'search':
      return c.query.trim() !== '';
    case 'project':
      return c.id !== '';
    default:
      return true;
  }
}

/** The contract's scope. A chart is sent as the entities it shows (read when the review runs,
 * so the review and the package cover the same entities). */
export async function toPackageScope(c: ScopeChoice): Promise<PackageScope> {
  switch (c.kind) {
    case 'entities':
      return { kind: 'entities', ids: c.picked.map((e) => e.id) };
    case 'chart': {
      const chart = await call('chart.open', { id: c.chartId });
      return { kind: 'entities', ids: chart.nodes.map((n) => n.id) };
    }
    case 'search':
      return { kind: 'search', query: c.query.trim() };
    case 'project':
      return { kind: 'project', id: c.id };
    case 'all':
      return { kind: 'all' };
    case 'changed':
      return { kind: 'changed' };
  }
}
