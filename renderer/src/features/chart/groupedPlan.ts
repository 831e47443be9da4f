import potpack from 'potpack';

// The grouped-by-organisation layout, as plain data (no cytoscape, so it is tested on its own):
// which box each entity goes in, and where everything goes. Each organisation's members are set
// out in a grid inside their box, the organisation itself on the top row (a grid, not a ring,
// because captions are wide: 140 px under each icon), and the boxes — with the entities in no
// box as one more block — are packed without overlap by potpack (Mapbox's rectangle packer).

/** Link types that make an entity a member of an organisation (as in "group the organisation"). */
export const MEMBER_LINKS = ['Membership', 'Employment', 'Directorship'] as const;

/** One grid cell: wide enough for a caption, tall enough for the icon and its caption. */
export const CELL_W = 160;
export const CELL_H = 90;
/** Free space kept round each block: the box's padding and its title above it, and a margin. */
export const GAP = 90;

export interface PlanNode {
  id: string;
  label: string;
  /** The box it is in now, or null. */
  group: string | null;
  isOrg: boolean;
  degree: number;
}

export interface PlanGroup {
  id: string;
  label: string;
  orgId: string | null;
}

export interface Plan {
  /** Boxes to create. */
  newGroups: PlanGroup[];
  /** The box of every grouped entity (ungrouped ones are absent). */
  parents: Map<string, string>;
  /** Positions relative to the top-left of the packed area. */
  positions: Map<string, { x: number; y: number }>;
  /** Where each block's rectangle went (the margin included), for checks. */
  blocks: Array<{ group: string | null; x: number; y: number; w: number; h: number }>;
}

export const orgGroupId = (orgId: string) => `org-${orgId}`;

/**
 * Boxes: an entity already in a box stays in it; an organisation with members gets its own box
 * (or the one it already heads); an entity not in a box joins the organisation it belongs to —
 * the one with the most members when it belongs to several (ties: the first by id).
 */
export function assignGroups(
  nodes: readonly PlanNode[],
  memberships: ReadonlyArray<{ member: string; org: string }>,
  existing: readonly PlanGroup[],
): { newGroups: PlanGroup[]; parents: Map<string, string> } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const membersOf = new Map<string, Set<string>>();
  for (const { member, org } of memberships) {
    if (member === org || !byId.get(org)?.isOrg || !byId.has(member)) continue;
    let set = membersOf.get(org);
    if (!set) membersOf.set(org, (set = new Set()));
    set.add(member);
  }
  const boxOfOrg = new Map<string, string>();
  const newGroups: PlanGroup[] = [];
  for (const org of [...membersOf.keys()].sort()) {
    const have = existing.find((g) => g.orgId === org);
    if (have) boxOfOrg.set(org, have.id);
    else {
      const g = { id: orgGroupId(org), label: byId.get(org)!.label, orgId: org };
      newGroups.push(g);
      boxOfOrg.set(org, g.id);
    }
  }
  const parents = new Map<string, string>();
  for (const n of nodes) if (n.group) parents.set(n.id, n.group);
  for (const org of boxOfOrg.keys()) if (!parents.has(org)) parents.set(org, boxOfOrg.get(org)!);
  const orgsOf = new Map<string, string[]>();
  for (const [org, members] of membersOf) for (const m of members) orgsOf.set(m, [...(orgsOf.get(m) ?? []), org]);
  for (const [member, orgs] of orgsOf) {
    if (parents.has(member)) continue;
    const best = orgs.sort((a, b) => membersOf.get(b)!.size - membersOf.get(a)!.size || (a < b ? -1 : 1))[0]!;
    parents.set(member, boxOfOrg.get(best)!);
  }
  // A box created here but left empty (its organisation and members all in other boxes) is dropped.
  const used = new Set(parents.values());
  return { newGroups: newGroups.filter((g) => used.has(g.id)), parents };
}

/** Grids each box's members (the organisation first), then packs the blocks. */
export function planGrouped(nodes: readonly PlanNode[], memberships: ReadonlyArray<{ member: string; org: string }>, existing: readonly PlanGroup[]): Plan {
  const { newGroups, parents } = assignGroups(nodes, memberships, existing);
  const orgOfBox = new Map<string, string | null>([...existing, ...newGroups].map((g) => [g.id, g.orgId]));
  const blocks = new Map<string | null, PlanNode[]>();
  for (const n of nodes) {
    const g = parents.get(n.id) ?? null;
    blocks.set(g, [...(blocks.get(g) ?? []), n]);
  }
  const laid: Array<{ group: string | null; cells: Map<string, { x: number; y: number }>; w: number; h: number; x: number; y: number }> = [];
  for (const [group, members] of blocks) {
    const head = group ? orgOfBox.get(group) : null;
    const order = [...members].sort((a, b) => Number(b.id === head) - Number(a.id === head) || b.degree - a.degree || a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1));
    const cells = new Map<string, { x: number; y: number }>();
    const headFirst = head !== null && head !== undefined && order[0]?.id === head;
    const rest = headFirst ? order.slice(1) : order;
    // Near-square, a little wider than tall: screens are.
    const cols = Math.max(1, Math.ceil(Math.sqrt(rest.length * 1.6)));
    const rows = Math.ceil(rest.length / cols) + (headFirst ? 1 : 0);
    const width = Math.max(1, Math.min(cols, Math.max(rest.length, 1))) * CELL_W;
    if (headFirst) cells.set(head, { x: width / 2, y: CELL_H / 2 });
    rest.forEach((n, i) => {
      const row = Math.floor(i / cols) + (headFirst ? 1 : 0);
      cells.set(n.id, { x: ((i % cols) + 0.5) * CELL_W, y: (row + 0.5) * CELL_H });
    });
    laid.push({ group, cells, w: width + GAP, h: rows * CELL_H + GAP, x: 0, y: 0 });
  }
  potpack(laid);
  const positions = new Map<string, { x: number; y: number }>();
  for (const b of laid) for (const [id, c] of b.cells) positions.set(id, { x: b.x + GAP / 2 + c.x, y: b.y + GAP / 2 + c.y });
  return { newGroups, parents, positions, blocks: laid.map(({ group, x, y, w, h }) => ({ group, x, y, w, h })) };
}
