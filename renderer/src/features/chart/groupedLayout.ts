import type { NodeCollection, NodeSingular } from 'cytoscape';
import type { ChartController } from './controller';
import { arrangeInGroups } from './groupCommands';
import { MEMBER_LINKS, planGrouped, type PlanNode } from './groupedPlan';
import type { LayoutRun } from './layoutRun';

/** Entity types that can head a box (as for "group the organisation"). */
export const ORG_SCHEMAS = ['Organization', 'Company', 'LegalEntity'];

/**
 * The grouped-by-organisation layout over these nodes (the chart, or the selection): boxes made
 * for organisations with members, members moved into them, and everything set out block by block
 * from the top-left of where the nodes were. One undoable step. Pinned nodes are left out (they
 * keep their places, and a pinned member can stretch its box).
 */
export function runGroupedLayout(ctl: ChartController, nodes: NodeCollection, fitAfter: boolean): LayoutRun {
  const movable = nodes.not('.pinned');
  const ids = new Set(movable.map((n) => n.id()));
  const planNodes: PlanNode[] = movable.map((n: NodeSingular) => {
    const parent = n.data('parent') as string | undefined;
    return {
      id: n.id(),
      label: String(n.data('label') ?? ''),
      group: parent ? parent.slice('group:'.length) : null,
      isOrg: ORG_SCHEMAS.includes(String(n.data('schema'))),
      degree: n.degree(false),
    };
  });
  const isOrg = new Map(planNodes.map((n) => [n.id, n.isOrg]));
  const memberships: Array<{ member: string; org: string }> = [];
  movable
    .edgesWith(movable)
    .not('.merged, .ghost')
    .forEach((e) => {
      if (!(MEMBER_LINKS as readonly string[]).includes(String(e.data('schema')))) return;
      const s = e.data('source') as string;
      const t = e.data('target') as string;
      if (!ids.has(s) || !ids.has(t)) return;
      if (isOrg.get(t)) memberships.push({ member: s, org: t });
      else if (isOrg.get(s)) memberships.push({ member: t, org: s });
    });
  const existing = ctl.settings.groups.map((g) => ({ id: g.id, label: g.label, orgId: g.orgId }));
  const plan = planGrouped(planNodes, memberships, existing);
  const bb = movable.boundingBox({ includeLabels: false });
  const origin = Number.isFinite(bb.x1) ? { x: bb.x1, y: bb.y1 } : { x: 0, y: 0 };
  const after = new Map([...plan.positions].map(([id, p]) => [id, { x: origin.x + p.x, y: origin.y + p.y }]));
  const done = arrangeInGroups(ctl, 'layout', plan.newGroups, plan.parents, after).then(() => {
    if (fitAfter) ctl.fit();
  });
  return { done, cancel: () => undefined };
}
