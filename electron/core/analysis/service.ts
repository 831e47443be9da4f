import type { Handlers } from '../../../shared/api';
import type { DisruptionResult, PathsResult } from '../../../shared/analysis/dto';
import type { Job } from '../jobs';
import type { Session } from '../session';
import type { Case } from '../store/case';
import { buildCaseGraph, type CaseGraph, type GraphScope } from './case-graph';
import type { RunControl } from './control';
import { DEFAULT_TIE_TOLERANCE, removeTargets, simulateStrategy } from './disrupt';
import { connectingNetwork, neighbourhood, shortestPaths } from './paths';
import { overTime, periodWindows } from './over-time';
import { graphInfo, runMeasures } from './run';
import { CordonError } from '../../../shared/errors';

// The contract's analysis methods. Each builds the graph from the case as it is now, runs as a
// job (progress events; `job.cancel` stops it and nothing is reported as complete), and writes
// one audit row with its parameters and the SHA-256 of the graph it ran on — enough to reproduce
// the result for court.

type AnalysisHandlers = Pick<Handlers, 'analysis.run' | 'analysis.paths' | 'analysis.disrupt' | 'analysis.overTime'>;

const ctlOf = (job: Job): RunControl => ({ signal: job.signal, progress: (done, total) => job.progress(done, total) });

function scopeOf(input: GraphScope): GraphScope {
  return {
    entityIds: input.entityIds,
    linkTypes: input.linkTypes,
    minGrade: input.minGrade,
    asOf: input.asOf,
    directed: input.directed,
    weighted: input.weighted,
  };
}

function audit(c: Case, action: string, params: unknown, cg: CaseGraph, outcome: unknown): number {
  return c.write(() =>
    c.audit.append({
      actor: c.actor,
      action,
      detail: { params, graph: { sha256: cg.hash, nodes: cg.graph.n, edges: cg.graph.m, links: cg.links }, outcome },
    }),
  );
}

/** Runs `work` as a job, auditing a cancellation too (an analyst's attempt is part of the record). */
async function asJob<T>(session: Session, label: string, action: string, params: unknown, cg: CaseGraph, work: (ctl: RunControl) => Promise<T>): Promise<T> {
  const c = session.case;
  try {
    return await session.jobs.run(label, 1000, (job) => work(ctlOf(job)));
  } catch (err) {
    if (err instanceof CordonError && err.code === 'CANCELLED') audit(c, action, params, cg, { cancelled: true });
    throw err;
  }
}

export function analysisHandlers(session: Session): AnalysisHandlers {
  return {
    'analysis.run': async (input) => {
      const c = session.case;
      const cg = buildCaseGraph(c.db, scopeOf(input));
      const result = await asJob(session, 'Network analysis', 'analysis.run', input, cg, (ctl) =>
        runMeasures(cg, { measures: input.measures, weighted: input.weighted, top: input.top, betweennessSamples: input.betweennessSamples, exactBetweenness: input.exactBetweenness }, ctl),
      );
      const auditSeq = audit(c, 'analysis.run', input, cg, {
        measures: result.measures,
        betweenness: result.betweenness,
        communities: result.communities,
      });
      return { ...result, auditSeq };
    },

    'analysis.paths': async (input) => {
      const c = session.case;
      const cg = buildCaseGraph(c.db, scopeOf(input));
      const g = cg.graph;
      const node = (i: number) => cg.nodes[i]!;
      const edgeView = (e: number) => ({ source: g.ids[g.edgeU[e]!]!, target: g.ids[g.edgeV[e]!]!, links: [...(g.edgeLinks?.[e] ?? [])] });
      const base: Omit<PathsResult, 'auditSeq'> = {
        kind: input.kind,
        graph: graphInfo(cg, input.weighted),
        nodes: [],
        edges: [],
        paths: [],
        count: 0,
        length: null,
        hops: null,
        unreached: [],
      };
      let result: Omit<PathsResult, 'auditSeq'>;
      if (input.kind === 'shortest') {
        if (!input.from || !input.to) throw new CordonError('INVALID_INPUT', 'A shortest path needs `from` and `to`.');
        const r = shortestPaths(g, cg.nodeOf(input.from), cg.nodeOf(input.to), input.weighting, input.limit);
        const onPath = new Set(r?.paths.flat() ?? []);
        const edges = new Set<number>();
        for (const p of r?.paths ?? []) for (let i = 1; i < p.length; i++) edges.add(edgeBetween(cg, p[i - 1]!, p[i]!));
        result = {
          ...base,
          nodes: [...onPath].map(node),
          edges: [...edges].filter((e) => e >= 0).map(edgeView),
          paths: (r?.paths ?? []).map((p) => p.map((i) => g.ids[i]!)),
          count: r?.count ?? 0,
          length: r?.length ?? null,
          hops: r?.hops ?? null,
        };
      } else if (input.kind === 'connecting') {
        const members = (input.members ?? []).map((id) => cg.nodeOf(id));
        if (members.length < 2) throw new CordonError('INVALID_INPUT', 'A connecting network needs at least two entities.');
        const r = connectingNetwork(g, members, input.weighting);
        result = { ...base, nodes: r.nodes.map(node), edges: r.edges.map(edgeView), unreached: r.unreached.map((i) => g.ids[i]!) };
      } else {
        const members = (input.members ?? (input.from ? [input.from] : [])).map((id) => cg.nodeOf(id));
        if (members.length === 0) throw new CordonError('INVALID_INPUT', 'A neighbourhood needs at least one entity.');
        const r = neighbourhood(g, members, input.hops);
        const inside = new Set(r.keys());
        const edges: number[] = [];
        for (let e = 0; e < g.m; e++) if (inside.has(g.edgeU[e]!) && inside.has(g.edgeV[e]!)) edges.push(e);
        result = { ...base, nodes: [...r.entries()].map(([i, hops]) => ({ ...node(i), hops })), edges: edges.map(edgeView) };
      }
      const auditSeq = audit(c, 'analysis.paths', input, cg, { nodes: result.nodes.length, paths: result.count });
      return { ...result, auditSeq };
    },

    'analysis.disrupt': async (input) => {
      const c = session.case;
      const cg = buildCaseGraph(c.db, scopeOf(input));
      const g = cg.graph;
      const who = (i: number) => ({ id: cg.nodes[i]!.id, caption: cg.nodes[i]!.caption });
      const tieRule = `Entities whose scores are equal (within a relative ${DEFAULT_TIE_TOLERANCE}) are taken latest first: in reverse order of entry into the case (or of the entities given as the scope) — the rule of Cavallaro et al. (2020).`;
      const result = await asJob(session, 'Disruption simulation', 'analysis.disrupt', input, cg, async (ctl): Promise<Omit<DisruptionResult, 'auditSeq'>> => {
        const info = graphInfo(cg, input.weighted);
        if (input.strategy === 'targets') {
          const targets = [...new Set((input.targets ?? []).map((id) => cg.nodeOf(id)))];
          if (targets.length === 0) throw new CordonError('INVALID_INPUT', 'Name the targets to remove (--targets id,...).');
          const impact = await removeTargets(g, targets, { weighted: input.weighted }, ctl);
          const initial = impact.before.lcc;
          return {
            strategy: 'targets',
            mode: 'block',
            blockSize: targets.length,
            graph: info,
            initialLcc: initial,
            initialComponents: impact.before.components,
            steps: [
              {
                removed: targets.map(who),
                tiedWith: targets.map(() => 0),
                lcc: impact.after.lcc,
                lccFraction: initial > 0 ? impact.after.lcc / initial : 0,
                components: impact.after.components,
              },
            ],
            impact: {
              before: impact.before,
              after: impact.after,
              isolated: impact.isolated.map(who),
              brokers: impact.brokers.map((b) => ({ ...who(b.node), before: b.before, after: b.after, rankBefore: b.rankBefore, rankAfter: b.rankAfter })),
            },
            tieRule,
          };
        }
        const sim = await simulateStrategy(g, { strategy: input.strategy, mode: input.mode, blockSize: input.blockSize, maxSteps: input.steps, weighted: input.weighted }, ctl);
        return {
          strategy: input.strategy,
          mode: input.mode,
          blockSize: input.mode === 'block' ? input.blockSize : 1,
          graph: info,
          initialLcc: sim.initialLcc,
          initialComponents: sim.initialComponents,
          steps: sim.steps.map((s) => ({
            removed: s.removed.map(who),
            tiedWith: s.tied.map((t) => t.length),
            lcc: s.lcc,
            lccFraction: sim.initialLcc > 0 ? s.lcc / sim.initialLcc : 0,
            components: s.components,
          })),
          impact: null,
          tieRule,
        };
      });
      const auditSeq = audit(c, 'analysis.disrupt', input, cg, {
        removed: result.steps.flatMap((s) => s.removed.map((r) => r.id)),
        finalLcc: result.steps.at(-1)?.lcc ?? result.initialLcc,
      });
      return { ...result, auditSeq };
    },

    'analysis.overTime': async (input) => {
      const c = session.case;
      const windows = typeof input.periods === 'string' ? periodWindows(c.db, input.periods) : input.periods;
      const scope = { entityIds: input.entityIds, linkTypes: input.linkTypes, minGrade: input.minGrade, directed: input.directed, weighted: input.weighted };
      let result;
      try {
        result = await session.jobs.run('Network over time', 1000, (job) => overTime(c.db, scope, windows, input.top, ctlOf(job)));
      } catch (err) {
        if (err instanceof CordonError && err.code === 'CANCELLED') c.write(() => c.audit.append({ actor: c.actor, action: 'analysis.overTime', detail: { params: input, windows, outcome: { cancelled: true } } }));
        throw err;
      }
      // One audit row for the run: each period's window and the hash of the graph it gave.
      const auditSeq = c.write(() =>
        c.audit.append({
          actor: c.actor,
          action: 'analysis.overTime',
          detail: { params: input, periods: result.periods.map((p) => ({ label: p.label, from: p.from, to: p.to, sha256: p.sha256, nodes: p.nodes, edges: p.edges })), outcome: { changes: result.changes.length } },
        }),
      );
      return { ...result, auditSeq };
    },
  };
}

/** The edge joining two adjacent nodes (either direction), or -1. */
function edgeBetween(cg: CaseGraph, a: number, b: number): number {
  const g = cg.graph;
  for (let k = g.outPtr[a]!; k < g.outPtr[a + 1]!; k++) if (g.outAdj[k] === b) return g.outEdge[k]!;
  for (let k = g.inPtr[a]!; k < g.inPtr[a + 1]!; k++) if (g.inAdj[k] === b) return g.inEdge[k]!;
  return -1;
}
