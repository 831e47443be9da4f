import type { Database } from 'better-sqlite3-multiple-ciphers';
import { MAX_PERIODS } from '../../../shared/analysis/api';
import type { OverTimeChange, OverTimeEntity, OverTimePeriod, OverTimeResult } from '../../../shared/analysis/dto';
import { CordonError } from '../../../shared/errors';
import { betweennessAuto } from './betweenness';
import { buildCaseGraph, linkProps, linkSpan, type GraphScope } from './case-graph';
import { degrees } from './centrality';
import { throwIfCancelled, type RunControl } from './control';

// Network over time: the same analysis on the links dated in each period (case-graph.ts, `window`),
// and a change table of who entered or left the top N by betweenness from one period to the next
// ("N12 rose to broker in phase 9"). Degree and betweenness only: they are what the change table
// speaks of, and a run of twenty periods stays quick.

export interface PeriodWindow {
  label: string;
  from: string;
  to: string;
}

/** Months are compared as YYYY-MM; a year-only date covers its twelve months. */
const monthOf = (date: string, end: boolean) => (date.length >= 7 ? date.slice(0, 7) : `${date.slice(0, 4)}-${end ? '12' : '01'}`);

function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  const stop = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7));
  while (y * 12 + m <= stop) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (out.length > 12 * MAX_PERIODS) break;
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The periods of `kind` over the case's dated links: each distinct span written on them, or the
 * months / quarters from the first to the last. */
export function periodWindows(db: Database, kind: 'month' | 'quarter' | 'spans'): PeriodWindow[] {
  const spans = new Map<string, { start: string; end: string }>();
  for (const p of linkProps(db, ['startDate', 'endDate', 'date']).values()) {
    const s = linkSpan(p);
    if (s) spans.set(`${s.start}\n${s.end}`, s);
  }
  if (spans.size === 0) throw new CordonError('INVALID_INPUT', 'No link in this case carries a date (startDate, endDate or date): there is no network over time to show.');
  let windows: PeriodWindow[];
  if (kind === 'spans') {
    windows = [...spans.values()]
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : 0))
      .map((s) => ({ label: s.start === s.end ? s.start : `${s.start} – ${s.end}`, from: s.start, to: s.end }));
  } else {
    const all = [...spans.values()];
    const first = all.map((s) => monthOf(s.start, false)).reduce((a, b) => (b < a ? b : a));
    const last = all.map((s) => monthOf(s.end, true)).reduce((a, b) => (b > a ? b : a));
    const months = monthsBetween(first, last);
    if (kind === 'month') {
      windows = months.map((m) => ({ label: m, from: m, to: m }));
    } else {
      const quarters = new Map<string, string[]>();
      for (const m of months) {
        const q = `${m.slice(0, 4)}-Q${Math.floor((Number(m.slice(5, 7)) - 1) / 3) + 1}`;
        quarters.set(q, [...(quarters.get(q) ?? []), m]);
      }
      // A quarter is its three months even where the data starts or ends inside it.
      windows = [...quarters.keys()].map((q) => {
        const startMonth = (Number(q.slice(6)) - 1) * 3 + 1;
        const y = q.slice(0, 4);
        return { label: q, from: `${y}-${String(startMonth).padStart(2, '0')}`, to: `${y}-${String(startMonth + 2).padStart(2, '0')}` };
      });
    }
  }
  if (windows.length > MAX_PERIODS) {
    throw new CordonError('INVALID_INPUT', `That makes ${windows.length} periods (at most ${MAX_PERIODS}): choose a longer period, or give the windows.`);
  }
  return windows;
}

/** Standard competition ranks ("1224"): one plus the number of strictly higher values. */
function ranks(values: Float64Array): Int32Array {
  const order = [...values.keys()].sort((a, b) => values[b]! - values[a]!);
  const r = new Int32Array(values.length);
  order.forEach((v, i) => (r[v] = i > 0 && values[order[i - 1]!] === values[v] ? r[order[i - 1]!]! : i + 1));
  return r;
}

export async function overTime(
  db: Database,
  scope: Omit<GraphScope, 'asOf' | 'window'>,
  windows: PeriodWindow[],
  top: number,
  ctl: RunControl = {},
): Promise<Omit<OverTimeResult, 'auditSeq'>> {
  const periods: OverTimePeriod[] = [];
  const byId = new Map<string, OverTimeEntity>();
  const entities: OverTimeEntity[] = [];
  const blank = () => windows.map(() => null);
  for (const [p, w] of windows.entries()) {
    throwIfCancelled(ctl);
    const cg = buildCaseGraph(db, { ...scope, window: { from: w.from, to: w.to } });
    const g = cg.graph;
    const d = degrees(g);
    const b = await betweennessAuto(g, { weighted: scope.weighted }, { signal: ctl.signal });
    const r = ranks(b.values);
    periods.push({ label: w.label, from: w.from, to: w.to, nodes: g.n, edges: g.m, links: cg.links.counted, sha256: cg.hash, betweenness: { exact: b.exact, samples: b.samples, epsilon: b.epsilon, delta: b.delta } });
    cg.nodes.forEach((node, v) => {
      // An entity listed in a chart scope but without a link in this period is not "in" it.
      if (d.degree[v] === 0 && scope.entityIds) return;
      let e = byId.get(node.id);
      if (!e) {
        e = { id: node.id, caption: node.caption, schema: node.schema, degree: blank(), betweenness: blank(), rank: blank() };
        byId.set(node.id, e);
        entities.push(e);
      }
      e.degree[p] = d.degree[v]!;
      e.betweenness[p] = b.values[v]!;
      e.rank[p] = r[v]!;
    });
    ctl.progress?.(p + 1, windows.length);
  }
  const broker = (e: OverTimeEntity, p: number) => e.rank[p] !== null && e.rank[p]! <= top && e.betweenness[p]! > 0;
  const changes: OverTimeChange[] = [];
  for (let p = 1; p < windows.length; p++) {
    for (const e of entities) {
      const was = broker(e, p - 1);
      const is = broker(e, p);
      if (was === is) continue;
      changes.push({
        period: p,
        id: e.id,
        caption: e.caption,
        kind: is ? 'rose' : 'fell',
        rankBefore: e.rank[p - 1] ?? null,
        rankAfter: e.rank[p] ?? null,
        before: e.betweenness[p - 1] ?? null,
        after: e.betweenness[p] ?? null,
      });
    }
  }
  // Within a period: risers first, then by how high they now stand.
  changes.sort((a, b) => a.period - b.period || (a.kind === b.kind ? 0 : a.kind === 'rose' ? -1 : 1) || (a.rankAfter ?? Infinity) - (b.rankAfter ?? Infinity) || (a.rankBefore ?? Infinity) - (b.rankBefore ?? Infinity));
  return { periods, entities, changes, top, directed: scope.directed, weighted: scope.weighted };
}
