import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { ChartSettings } from '../../../../shared/charts/api';
import { activeOn } from './dates';
import { NODE_SIZE } from './elements';

// What the settings do to the drawing: filters (greyed or removed, places kept), merged parallel
// links, collapsed groups and conditional styling rules. Applied in one batch, as classes and
// data, so the layout and the saved positions never change because of a filter.

/** Per node: measure name → value (analysis results or any numeric/categorical property). */
export type Measures = Map<string, Record<string, number>>;

const GRADE_ORDER: Record<string, { source: string; information: string }> = {
  eu4x4: { source: 'ABCX', information: '1234' },
  admiralty: { source: 'ABCDEF', information: '123456' },
  uk3x5x2: { source: '123', information: 'ABCDE' },
};

/** A link meets a minimum grade when, in the same scheme, both letter and digit are as good. */
export function meetsGrade(scheme: string | null, grade: string | null, min: string): boolean {
  if (!scheme || !grade) return false;
  const order = GRADE_ORDER[scheme];
  if (!order || min.length !== 2 || grade.length !== 2) return false;
  const [ms, mi, gs, gi] = [order.source.indexOf(min[0]!), order.information.indexOf(min[1]!), order.source.indexOf(grade[0]!), order.information.indexOf(grade[1]!)];
  if (ms < 0 || mi < 0 || gs < 0 || gi < 0) return false;
  return gs <= ms && gi <= mi;
}

function edgePasses(e: EdgeSingular, f: ChartSettings['filters']): boolean {
  if (f.hiddenLinkTypes.includes(e.data('schema') as string)) return false;
  if (f.minGrade && !meetsGrade(e.data('scheme') as string | null, e.data('grade') as string | null, f.minGrade)) return false;
  if (f.asOf && !activeOn(e.data('start') as string | null, e.data('end') as string | null, f.asOf)) return false;
  return true;
}

export function applyFilters(cy: Core, settings: ChartSettings): void {
  const f = settings.filters;
  const cls = settings.hideMode === 'remove' ? 'removed' : 'faded';
  const other = cls === 'removed' ? 'faded' : 'removed';
  const timeOrLink = Boolean(f.asOf || f.minGrade || f.hiddenLinkTypes.length > 0);
  const search = f.search.trim().toLocaleLowerCase();
  const active = timeOrLink || f.hiddenTypes.length > 0 || search !== '';
  // Only what carries a filter class is cleared, and with no filter set nothing is walked: every
  // refresh (opening a chart of 10,000 included) otherwise visited each element several times.
  const notHidden = (e: { isNode(): boolean; data(k: string): unknown }) => !(e.isNode() && e.data('hidden'));
  cy.batch(() => {
    cy.elements('.faded, .highlight').removeClass('faded highlight');
    cy.elements('.removed').filter(notHidden).removeClass('removed');
    if (active) {
      const entities = cy.nodes().not('.group, .ghost');
      cy.edges().not('.ghost').forEach((e) => {
        if (!edgePasses(e, f)) e.addClass(cls);
      });
      entities.forEach((n: NodeSingular) => {
        if (n.data('hidden')) return;
        let out = f.hiddenTypes.includes(n.data('schema') as string);
        // "As of" and link filters: an entity whose links are all filtered out goes with them.
        if (!out && timeOrLink) {
          const links = n.connectedEdges().not('.ghost, .merged');
          if (links.nonempty() && links.filter(`.${cls}`).length === links.length) out = true;
        }
        if (out) {
          n.addClass(cls);
          n.connectedEdges().addClass(cls);
        }
        if (search && !out && String(n.data('label')).toLocaleLowerCase().includes(search)) n.addClass('highlight');
      });
    }
    cy.elements(`.${other}`).filter(notHidden).removeClass(other);
  });
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Several links between one pair: one line "×n" (width by the summed strength), or apart. */
export function applyMerge(cy: Core, merge: boolean): void {
  cy.batch(() => {
    cy.edges('.merged').remove();
    cy.edges('.merged-away').removeClass('merged-away');
    if (!merge) return;
    const pairs = new Map<string, EdgeSingular[]>();
    cy.edges().not('.ghost').forEach((e) => {
      const k = pairKey(e.data('source') as string, e.data('target') as string);
      let list = pairs.get(k);
      if (!list) pairs.set(k, (list = []));
      list.push(e);
    });
    for (const [k, list] of pairs) {
      if (list.length < 2) continue;
      const strength = list.reduce((s, e) => s + Number(e.data('strength')), 0);
      const strong = list.some((e) => e.data('strong'));
      const first = list[0]!;
      cy.add({
        group: 'edges',
        data: {
          id: `merged:${k}`,
          source: first.data('source'),
          target: first.data('target'),
          schema: first.data('schema'),
          label: `×${list.length}`,
          colour: first.data('colour'),
          width: Math.min(10, 1.5 + Math.log2(Math.max(1, strength))),
          strength,
          strong,
          grade: first.data('grade'),
          scheme: first.data('scheme'),
          start: null,
          end: null,
          members: list.map((e) => e.id()),
        },
        classes: `merged${strong ? '' : ' weak'}`,
      });
      for (const e of list) e.addClass('merged-away');
    }
  });
}

export function applyCollapse(cy: Core, groups: ChartSettings['groups']): void {
  cy.batch(() => {
    for (const g of groups) {
      const box = cy.getElementById(`group:${g.id}`);
      if (box.empty()) continue;
      const children = box.children();
      box.toggleClass('collapsed', g.collapsed);
      children.toggleClass('collapsed-away', g.collapsed);
      box.data('label', g.collapsed ? `${g.label} (${children.length})` : g.label);
    }
  });
}

const PALETTE = ['#4c90f0', '#e76a6e', '#72ca9b', '#f0b726', '#a854a8', '#3fa6da', '#d69fd6', '#d1980b', '#fbb360', '#8abbff', '#abb3bf', '#147eb3'];

/** Conditional styling: size by a measure, colour by a category, badge at a threshold. Writes
 * only what changes: a data write restyles its node, and rewriting 10,000 unchanged sizes and
 * colours on every refresh (each filter change, each load) restyled the whole chart. */
export function applyRules(cy: Core, rules: ChartSettings['rules'], measures: Measures): void {
  const nodes = cy.nodes().not('.group, .ghost');
  const size = new Map<string, number>();
  const colour = new Map<string, string>();
  const badge = new Set<string>();
  for (const rule of rules) {
    const values = measures.get(rule.measure);
    if (!values) continue;
    if (rule.kind === 'size') {
      const all = Object.values(values);
      const max = Math.max(...all, 0);
      const min = Math.min(...all, max);
      for (const [id, v] of Object.entries(values)) size.set(id, NODE_SIZE * (0.7 + 2.3 * (max > min ? (v - min) / (max - min) : 0.5)));
    } else if (rule.kind === 'colour') {
      for (const [id, v] of Object.entries(values)) colour.set(id, PALETTE[Math.abs(Math.round(v)) % PALETTE.length]!);
    } else {
      const threshold = rule.threshold ?? 1;
      for (const [id, v] of Object.entries(values)) if (v >= threshold) badge.add(id);
    }
  }
  cy.batch(() => {
    nodes.forEach((n) => {
      const id = n.id();
      const s = size.get(id) ?? NODE_SIZE * Number(n.data('scale') ?? 1);
      const c = colour.get(id) ?? (n.data('custom') as string | null) ?? (n.data('typeColour') as string | undefined) ?? (n.data('colour') as string);
      if (n.data('size') !== s) n.data('size', s);
      if (n.data('colour') !== c) n.data('colour', c);
      if (n.hasClass('badge') !== badge.has(id)) n.toggleClass('badge', badge.has(id));
    });
  });
}
