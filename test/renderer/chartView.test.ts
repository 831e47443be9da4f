import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyPositions } from '../../renderer/src/features/chart/positions';
import type { ChartSettings } from '../../shared/charts/api';
import { applyFilters, applyRules, meetsGrade, type Measures } from '../../renderer/src/features/chart/view';

// The chart's per-refresh work on a headless cytoscape: what it changes, and what it leaves alone
// (an unchanged write still restyles a node, which at 10,000 entities is the cost of a refresh).

function chart(n: number): Core {
  return cytoscape({
    headless: true,
    layout: { name: 'preset' },
    elements: Array.from({ length: n }, (_, i) => ({
      group: 'nodes' as const,
      data: { id: `n${i}`, size: 34, scale: 1, colour: '#4c90f0', typeColour: '#4c90f0', custom: null },
      position: { x: i, y: 0 },
    })),
  });
}

describe('conditional styling', () => {
  it('sizes, colours and badges by the measures, and writes nothing when nothing changes', () => {
    const cy = chart(3);
    const measures: Measures = new Map<string, Record<string, number>>([
      ['betweenness', { n0: 0, n1: 5, n2: 10 }],
      ['community', { n0: 1, n1: 1, n2: 2 }],
      ['articulation', { n1: 1 }],
    ]);
    const rules = [
      { kind: 'size' as const, measure: 'betweenness' },
      { kind: 'colour' as const, measure: 'community' },
      { kind: 'badge' as const, measure: 'articulation', threshold: 1 },
    ];
    applyRules(cy, rules, measures);
    expect(cy.nodes().map((n) => Math.round(Number(n.data('size'))))).toEqual([24, 63, 102]);
    const colours = cy.nodes().map((n) => n.data('colour') as string);
    expect(colours[0]).toBe(colours[1]);
    expect(colours[2]).not.toBe(colours[0]);
    expect(cy.nodes('.badge').map((n) => n.id())).toEqual(['n1']);

    let writes = 0;
    cy.on('data', () => void writes++);
    applyRules(cy, rules, measures);
    expect(writes).toBe(0);

    // Without rules every node goes back to its own size and type colour.
    applyRules(cy, [], measures);
    expect(cy.nodes().map((n) => [n.data('size'), n.data('colour')])).toEqual([
      [34, '#4c90f0'],
      [34, '#4c90f0'],
      [34, '#4c90f0'],
    ]);
    expect(cy.nodes('.badge').length).toBe(0);
  });
});

describe('layout results', () => {
  it('moves every node and leaves the pinned ones where they are', () => {
    const cy = chart(3);
    applyPositions(cy, cy.nodes(), Float64Array.from([10, 11, 20, 21, 30, 31]), Uint8Array.from([0, 1, 0]));
    expect(cy.nodes().map((n) => n.position())).toEqual([
      { x: 10, y: 11 },
      { x: 1, y: 0 },
      { x: 30, y: 31 },
    ]);
  });
});

function settings(hideMode: ChartSettings['hideMode'], hiddenTypes: string[] = [], search = ''): ChartSettings {
  return {
    hideMode,
    mergeParallel: false,
    filters: { hiddenTypes, hiddenLinkTypes: [], asOf: null, minGrade: null, search },
    groups: [],
    rules: [],
    viewport: null,
  };
}

describe('filters', () => {
  it('greys or removes filtered types, clears what it marked, keeps hidden entities removed, and touches nothing when no filter is set', () => {
    const cy = cytoscape({
      headless: true,
      elements: [
        { group: 'nodes', data: { id: 'p', schema: 'Person', label: 'Ann' } },
        { group: 'nodes', data: { id: 'c', schema: 'Company', label: 'Acme' } },
        { group: 'nodes', data: { id: 'h', schema: 'Person', label: 'Hid', hidden: true }, classes: 'removed' },
        { group: 'edges', data: { id: 'e', source: 'p', target: 'c', schema: 'Associate' } },
      ],
    });
    const marked = (cls: string) => cy.elements(`.${cls}`).map((e) => e.id()).sort();
    applyFilters(cy, settings('grey', ['Company'], 'an'));
    expect(marked('faded')).toEqual(['c', 'e']);
    expect(marked('highlight')).toEqual(['p']);
    applyFilters(cy, settings('remove', ['Company']));
    expect(marked('faded')).toEqual([]);
    expect(marked('removed')).toEqual(['c', 'e', 'h']);
    applyFilters(cy, settings('grey'));
    expect(marked('removed')).toEqual(['h']);
    expect(marked('faded')).toEqual([]);
    let changes = 0;
    cy.on('class', () => void changes++);
    applyFilters(cy, settings('grey'));
    expect(changes).toBe(0);
  });
});

describe('grading filter', () => {
  it('compares within one scheme only', () => {
    expect(meetsGrade('eu4x4', 'A1', 'B2')).toBe(true);
    expect(meetsGrade('eu4x4', 'C1', 'B2')).toBe(false);
    expect(meetsGrade('admiralty', 'B3', 'B2')).toBe(false);
    expect(meetsGrade(null, null, 'B2')).toBe(false);
  });
});
