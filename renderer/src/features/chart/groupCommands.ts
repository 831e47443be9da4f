import type { Position } from 'cytoscape';
import type { ChartSettings } from '../../../../shared/charts/api';
import { groupNodeId, type ChartController } from './controller';
import { MEMBER_LINKS } from './groupedPlan';

// Group boxes on the chart as undoable commands: an organisation's members in one box, the
// grouped layout's boxes, ungrouping and collapsing. Boxes are compound nodes; the settings keep
// the groups, so a box survives reopening the chart.

type Positions = Map<string, Position>;

/** Draws an organisation's members (and the organisation) inside one box. */
export function groupOrganisation(ctl: ChartController, orgId: string, memberSchemas: readonly string[] = MEMBER_LINKS): Promise<void> {
  const org = ctl.cy.getElementById(orgId);
  if (org.empty()) return Promise.resolve();
  const members = org
    .connectedEdges()
    .filter((e) => memberSchemas.includes(e.data('schema') as string))
    .connectedNodes()
    .not('.group');
  const ids = members.union(org).map((n) => n.id());
  const gid = `org-${orgId}`;
  const before = { settings: ctl.settings, parents: new Map(ids.map((id) => [id, ctl.cy.getElementById(id).data('parent') as string | undefined])) };
  const next: ChartSettings = {
    ...ctl.settings,
    groups: [...ctl.settings.groups.filter((g) => g.id !== gid), { id: gid, label: String(org.data('label')), orgId, collapsed: false }],
  };
  // The members gather round the organisation, so the box is compact and readable (as in i2).
  const places = ctl.positions(ids);
  const centre = { ...org.position() };
  const others = ids.filter((id) => id !== orgId);
  const radius = 50 + 12 * others.length;
  const gathered: Positions = new Map(
    others.map((id, i) => [id, { x: centre.x + radius * Math.cos((2 * Math.PI * i) / others.length), y: centre.y + radius * Math.sin((2 * Math.PI * i) / others.length) }]),
  );
  return ctl.history.run({
    label: 'group',
    do: () => {
      ctl.settings = next;
      ctl.cy.batch(() => {
        ctl.addGroups([gid]);
        for (const id of ids) ctl.cy.getElementById(id).move({ parent: groupNodeId(gid) });
      });
      ctl.setPositions(gathered);
      afterGroupChange(ctl, ids);
    },
    undo: () => {
      ctl.settings = before.settings;
      ctl.setPositions(places);
      ctl.cy.batch(() => {
        for (const id of ids) ctl.cy.getElementById(id).move({ parent: before.parents.get(id) ?? null });
        const box = ctl.cy.getElementById(groupNodeId(gid));
        if (box.nonempty() && box.children().empty()) box.remove();
      });
      afterGroupChange(ctl, ids);
    },
  });
}

/**
 * Puts entities in boxes (creating the boxes named in `newGroups`) and moves them, as one undoable
 * step: the grouped-by-organisation layout. Entities absent from `parents` leave their box.
 */
export function arrangeInGroups(ctl: ChartController, label: string, newGroups: ReadonlyArray<{ id: string; label: string; orgId: string | null }>, parents: ReadonlyMap<string, string>, after: Positions): Promise<void> {
  const ids = [...after.keys()];
  const before = { settings: ctl.settings, positions: ctl.positions(ids), parents: new Map(ids.map((id) => [id, (ctl.cy.getElementById(id).data('parent') as string | undefined) ?? null])) };
  const known = new Set(ctl.settings.groups.map((g) => g.id));
  const added = newGroups.filter((g) => !known.has(g.id));
  const next: ChartSettings = { ...ctl.settings, groups: [...ctl.settings.groups, ...added.map((g) => ({ ...g, collapsed: false }))] };
  const moveTo = (parentOf: (id: string) => string | null) => {
    for (const id of ids) {
      const n = ctl.cy.getElementById(id);
      const p = parentOf(id);
      if (((n.data('parent') as string | undefined) ?? null) !== p) n.move({ parent: p });
    }
  };
  return ctl.history.run({
    label,
    do: () => {
      ctl.settings = next;
      ctl.cy.batch(() => {
        ctl.addGroups(added.map((g) => g.id));
        moveTo((id) => (parents.has(id) ? groupNodeId(parents.get(id)!) : null));
      });
      ctl.setPositions(after);
      afterGroupChange(ctl, ids);
    },
    undo: () => {
      ctl.settings = before.settings;
      ctl.cy.batch(() => {
        moveTo((id) => before.parents.get(id) ?? null);
        for (const g of added) ctl.cy.getElementById(groupNodeId(g.id)).remove();
      });
      ctl.setPositions(before.positions);
      afterGroupChange(ctl, ids);
    },
  });
}

export function ungroup(ctl: ChartController, gid: string): Promise<void> {
  const box = ctl.cy.getElementById(groupNodeId(gid));
  const ids = box.children().map((n) => n.id());
  const before = ctl.settings;
  return ctl.history.run({
    label: 'ungroup',
    do: () => {
      ctl.settings = { ...ctl.settings, groups: ctl.settings.groups.filter((g) => g.id !== gid) };
      ctl.cy.batch(() => {
        for (const id of ids) ctl.cy.getElementById(id).move({ parent: null });
        ctl.cy.getElementById(groupNodeId(gid)).remove();
      });
      afterGroupChange(ctl, ids);
    },
    undo: () => {
      ctl.settings = before;
      ctl.cy.batch(() => {
        ctl.addGroups([gid]);
        for (const id of ids) ctl.cy.getElementById(id).move({ parent: groupNodeId(gid) });
      });
      afterGroupChange(ctl, ids);
    },
  });
}

export function toggleCollapse(ctl: ChartController, gid: string): Promise<void> {
  const groups = ctl.settings.groups.map((g) => (g.id === gid ? { ...g, collapsed: !g.collapsed } : g));
  return ctl.changeSettings('collapse', { ...ctl.settings, groups });
}

function afterGroupChange(ctl: ChartController, ids: readonly string[]): void {
  ctl.saver.touch(ids);
  ctl.saver.touchSettings();
  ctl.refreshView();
}
