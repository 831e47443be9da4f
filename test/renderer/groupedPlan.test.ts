import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignGroups, CELL_H, CELL_W, planGrouped, type PlanNode } from '../../renderer/src/features/chart/groupedPlan';

// The grouped-by-organisation layout as data: who goes in which box, and boxes that never overlap.

const node = (id: string, isOrg = false, group: string | null = null, degree = 1): PlanNode => ({ id, label: id, group, isOrg, degree });

describe('assignGroups', () => {
  it('boxes each organisation with its members; a member of two joins the larger; the rest stay out', () => {
    const nodes = [node('A', true), node('B', true), node('p1'), node('p2'), node('p3'), node('loner')];
    const links = [
      { member: 'p1', org: 'A' },
      { member: 'p2', org: 'A' },
      { member: 'p2', org: 'B' },
      { member: 'p3', org: 'B' },
    ].concat([{ member: 'p3', org: 'A' }]);
    const { newGroups, parents } = assignGroups(nodes, links, []);
    expect(newGroups.map((g) => g.id).sort()).toEqual(['org-A', 'org-B']);
    expect(Object.fromEntries(parents)).toEqual({ A: 'org-A', B: 'org-B', p1: 'org-A', p2: 'org-A', p3: 'org-A' });
    expect(parents.has('loner')).toBe(false);
  });

  it('keeps entities in the boxes they are in, and reuses the box an organisation already heads', () => {
    const nodes = [node('A', true, 'org-A'), node('p1'), node('p2', false, 'named')];
    const { newGroups, parents } = assignGroups(
      nodes,
      [
        { member: 'p1', org: 'A' },
        { member: 'p2', org: 'A' },
      ],
      [
        { id: 'org-A', label: 'A', orgId: 'A' },
        { id: 'named', label: 'Surveillance team', orgId: null },
      ],
    );
    expect(newGroups).toEqual([]);
    expect(Object.fromEntries(parents)).toEqual({ A: 'org-A', p1: 'org-A', p2: 'named' });
  });

  it('ignores membership links to an entity that is not an organisation', () => {
    const { newGroups, parents } = assignGroups([node('x'), node('y')], [{ member: 'x', org: 'y' }], []);
    expect(newGroups).toEqual([]);
    expect(parents.size).toBe(0);
  });
});

describe('planGrouped', () => {
  it('puts the organisation on its box top row and its members on the rows below', () => {
    const nodes = [node('A', true, null, 5), ...['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => node(id))];
    const plan = planGrouped(
      nodes,
      ['p1', 'p2', 'p3', 'p4', 'p5'].map((member) => ({ member, org: 'A' })),
      [],
    );
    const a = plan.positions.get('A')!;
    for (const id of ['p1', 'p2', 'p3', 'p4', 'p5']) expect(plan.positions.get(id)!.y).toBeGreaterThanOrEqual(a.y + CELL_H);
  });

  it('never overlaps two blocks, keeps every entity inside its own block, and gives every entity its own cell', () => {
    const arb = fc.array(fc.tuple(fc.nat(6), fc.boolean()), { minLength: 1, maxLength: 120 });
    fc.assert(
      fc.property(arb, (spec) => {
        // Entity i belongs to organisation o<k> when its pick says so, else to none.
        const orgs = Array.from({ length: 7 }, (_, k) => node(`o${k}`, true));
        const people = spec.map((_, i) => node(`p${i}`));
        const links = spec.flatMap(([k, member], i) => (member ? [{ member: `p${i}`, org: `o${k}` }] : []));
        const plan = planGrouped([...orgs, ...people], links, []);
        const blocks = plan.blocks;
        for (let i = 0; i < blocks.length; i++)
          for (let j = i + 1; j < blocks.length; j++) {
            const a = blocks[i]!;
            const b = blocks[j]!;
            const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
            expect(apart).toBe(true);
          }
        for (const [id, p] of plan.positions) {
          const mine = blocks.find((b) => b.group === (plan.parents.get(id) ?? null))!;
          expect(p.x).toBeGreaterThan(mine.x);
          expect(p.x).toBeLessThan(mine.x + mine.w);
          expect(p.y).toBeGreaterThan(mine.y);
          expect(p.y).toBeLessThan(mine.y + mine.h);
        }
        const all = [...plan.positions.values()];
        for (let i = 0; i < all.length; i++)
          for (let j = i + 1; j < all.length; j++) {
            const far = Math.abs(all[i]!.x - all[j]!.x) >= CELL_W - 1e-6 || Math.abs(all[i]!.y - all[j]!.y) >= CELL_H - 1e-6;
            expect(far).toBe(true);
          }
        expect(plan.positions.size).toBe(orgs.length + people.length);
      }),
      { numRuns: 60 },
    );
  });
});
