import type { Command, CommandContext } from '../cli/command';
import { jsonOption as json, str } from '../cli/command';
import { UsageError } from '../cli/passphrase';
import { overTimeKind, overTimePeriods, printOverTime } from './over-time-command';
import { typeIds } from '../vocabulary/cli-commands';

// `cordon analyze` and `cordon disrupt` (issue 4, DESIGN.md §8).

export const ANALYSIS_COMMANDS: Record<string, Command> = {
  analyze: {
    usage:
      'cordon analyze FILE --measure degree|betweenness|closeness|eigenvector|pagerank|kcore|louvain [--top N] [--link-types a,b] [--min-grade B2] [--as-of DATE] [--directed] [--weighted] [--json]\n       cordon analyze FILE --over-time phases|month|quarter [--top N] [--link-types a,b] [--min-grade B2] [--directed] [--weighted] [--json]',
    summary:
      'Rank the entities of a case by a network measure (louvain: community number, largest community first); or, with --over-time, degree and betweenness per period and who rose to or fell from the top N brokers.',
    positionals: ['FILE'],
    options: {
      ...json,
      measure: { type: 'string' },
      top: { type: 'string' },
      'link-types': { type: 'string' },
      'min-grade': { type: 'string' },
      'as-of': { type: 'string' },
      'over-time': { type: 'string' },
      directed: { type: 'boolean' },
      weighted: { type: 'boolean' },
    },
    async run(ctx) {
      const over = str(ctx.values['over-time']);
      if (over !== undefined) {
        const kind = overTimeKind(over);
        if (ctx.values.measure !== undefined) throw new UsageError('--over-time measures degree and betweenness per period: leave out --measure');
        if (ctx.values['as-of'] !== undefined) throw new UsageError('--over-time takes no --as-of: each period has its own dates');
        const top = positiveInt(ctx.values.top, '--top');
        const scope = analysisScopeOptions(ctx);
        await ctx.openCase(ctx.positionals[0]!);
        if (scope.linkTypes) scope.linkTypes = await typeIds(ctx, scope.linkTypes);
        printOverTime(ctx, kind, await ctx.call('analysis.overTime', { ...scope, periods: overTimePeriods(kind), ...(top ? { top } : {}) }));
        return 0;
      }
      const measure = str(ctx.values.measure);
      const column = measure ? ANALYZE_COLUMNS[measure] : undefined;
      if (!measure || !column) throw new UsageError(`--measure is one of ${Object.keys(ANALYZE_COLUMNS).join(', ')}`);
      const top = positiveInt(ctx.values.top, '--top');
      const scope = analysisScopeOptions(ctx);
      await ctx.openCase(ctx.positionals[0]!);
      if (scope.linkTypes) scope.linkTypes = await typeIds(ctx, scope.linkTypes);
      const r = await ctx.call('analysis.run', { ...scope, measures: [measure as 'degree'], top: top ?? 10 });
      const ranked = r.rows
        .map((row, i) => ({ id: row.id, caption: row.caption, value: row[column] as number, i }))
        .sort((a, b) => (measure === 'louvain' ? a.value - b.value : b.value - a.value) || a.i - b.i)
        .slice(0, top ?? r.rows.length)
        .map(({ id, caption, value }) => ({ id, caption, value }));
      if (ctx.json) {
        ctx.outJson({
          measure,
          results: ranked,
          graph: r.graph,
          ...(r.betweenness ? { betweenness: r.betweenness } : {}),
          ...(r.communities ? { communities: r.communities } : {}),
          audit_seq: r.auditSeq,
        });
      } else {
        ctx.out(`${measure} over ${r.graph.nodes} entities, ${r.graph.edges} ties (graph sha256 ${r.graph.sha256.slice(0, 16)}…)`);
        if (r.betweenness && !r.betweenness.exact) ctx.out(`estimated from ${r.betweenness.samples} sampled sources: ±${r.betweenness.epsilon.toFixed(4)} with probability ${1 - r.betweenness.delta}`);
        if (r.communities) ctx.out(`${r.communities.count} communities, modularity ${r.communities.modularity.toFixed(4)}`);
        for (const x of ranked) ctx.out(`${formatValue(x.value)}\t${x.id}\t${x.caption}`);
      }
      return 0;
    },
  },
  disrupt: {
    usage:
      'cordon disrupt FILE --strategy betweenness|degree|ci|targets [--targets id,...] [--steps N] [--mode sequential|block] [--block-size K] [--link-types a,b] [--min-grade B2] [--as-of DATE] [--json]',
    summary: 'Simulate removing entities and follow the size of the largest connected component.',
    positionals: ['FILE'],
    options: {
      ...json,
      strategy: { type: 'string' },
      targets: { type: 'string' },
      steps: { type: 'string' },
      mode: { type: 'string' },
      'block-size': { type: 'string' },
      'link-types': { type: 'string' },
      'min-grade': { type: 'string' },
      'as-of': { type: 'string' },
      directed: { type: 'boolean' },
      weighted: { type: 'boolean' },
    },
    async run(ctx) {
      const strategy = str(ctx.values.strategy);
      if (strategy !== 'betweenness' && strategy !== 'degree' && strategy !== 'ci' && strategy !== 'targets') {
        throw new UsageError('--strategy is one of betweenness, degree, ci, targets');
      }
      const targets = csv(ctx.values.targets);
      if (strategy === 'targets' && targets.length === 0) throw new UsageError('--strategy targets needs --targets id,...');
      const mode = str(ctx.values.mode) ?? 'sequential';
      if (mode !== 'sequential' && mode !== 'block') throw new UsageError('--mode is sequential or block');
      const steps = positiveInt(ctx.values.steps, '--steps');
      const blockSize = positiveInt(ctx.values['block-size'], '--block-size');
      const scope = analysisScopeOptions(ctx);
      await ctx.openCase(ctx.positionals[0]!);
      if (scope.linkTypes) scope.linkTypes = await typeIds(ctx, scope.linkTypes);
      const r = await ctx.call('analysis.disrupt', {
        ...scope,
        strategy,
        mode,
        ...(targets.length ? { targets } : {}),
        ...(steps ? { steps } : {}),
        ...(blockSize ? { blockSize } : {}),
      });
      if (ctx.json) {
        ctx.outJson({
          strategy: r.strategy,
          mode: r.mode,
          initial_lcc: r.initialLcc,
          steps: r.steps.map((s) => ({ removed: s.removed.map((x) => x.id), lcc: s.lcc, lcc_fraction: s.lccFraction, components: s.components })),
          ...(r.impact
            ? { isolated: r.impact.isolated.map((x) => x.id), brokers: r.impact.brokers.map((b) => ({ id: b.id, before: b.before, after: b.after })) }
            : {}),
          graph: r.graph,
          audit_seq: r.auditSeq,
        });
      } else {
        ctx.out(`largest connected component: ${r.initialLcc} of ${r.graph.nodes} entities`);
        let removed = 0;
        for (const s of r.steps) {
          removed += s.removed.length;
          ctx.out(`${String(removed).padStart(4)}  LCC ${String(s.lcc).padStart(6)}  ${(100 * s.lccFraction).toFixed(1).padStart(5)}%  − ${s.removed.map((x) => x.caption || x.id).join(', ')}`);
        }
        if (r.impact) {
          ctx.out(`isolated: ${r.impact.isolated.map((x) => x.caption || x.id).join(', ') || 'nobody'}`);
          for (const b of r.impact.brokers) ctx.out(`broker now: ${b.caption || b.id} (betweenness ${b.before.toFixed(3)} → ${b.after.toFixed(3)}, rank ${b.rankBefore} → ${b.rankAfter})`);
        }
      }
      return 0;
    },
  },
};


/** The table column each `--measure` ranks by. */
const ANALYZE_COLUMNS: Record<string, 'degree' | 'betweenness' | 'closeness' | 'eigenvector' | 'pagerank' | 'kcore' | 'community'> = {
  degree: 'degree',
  betweenness: 'betweenness',
  closeness: 'closeness',
  eigenvector: 'eigenvector',
  pagerank: 'pagerank',
  kcore: 'kcore',
  louvain: 'community',
};

const csv = (v: unknown): string[] => (str(v) ?? '').split(',').map((s) => s.trim()).filter(Boolean);

function positiveInt(v: unknown, flag: string): number | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number ≥ 1`);
  return n;
}

/** --link-types, --min-grade (B2, or scheme:grade such as uk3x5x2:2B), --as-of, --directed, --weighted. */
function analysisScopeOptions(ctx: CommandContext) {
  const minGrade = str(ctx.values['min-grade']);
  let grade: { grade: string; scheme?: 'eu4x4' | 'admiralty' | 'uk3x5x2' } | undefined;
  if (minGrade) {
    const [a, b] = minGrade.includes(':') ? minGrade.split(':') : [undefined, minGrade];
    if (a !== undefined && a !== 'eu4x4' && a !== 'admiralty' && a !== 'uk3x5x2') throw new UsageError('--min-grade takes a grade (B2) or scheme:grade (eu4x4:B2, admiralty:B2, uk3x5x2:2B)');
    grade = { grade: b!, ...(a ? { scheme: a } : {}) };
  }
  const linkTypes = csv(ctx.values['link-types']);
  const asOf = str(ctx.values['as-of']);
  return {
    ...(linkTypes.length ? { linkTypes } : {}),
    ...(grade ? { minGrade: grade } : {}),
    ...(asOf ? { asOf } : {}),
    directed: ctx.values.directed === true,
    weighted: ctx.values.weighted === true,
  };
}

const formatValue = (v: number) => (Number.isInteger(v) ? String(v) : v.toPrecision(6));
