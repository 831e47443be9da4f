import { basename } from 'node:path';
import type { Input, Method, Output } from '../../../shared/api';
import { COOPERATION_COMMANDS } from '../cooperation/cli-commands';
import { EXCHANGE_COMMANDS } from '../exchange/cli-commands';
import { PLAN_COMMANDS } from '../exchange/plan-commands';
import { INTERCHANGE_COMMANDS } from '../interchange/cli-commands';
import { overTimeKind, overTimePeriods, printOverTime } from './over-time-command';
import { UsageError } from './passphrase';

// Each CLI command: its options, and what it does through the same contract the UI uses.

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export interface CommandContext {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  json: boolean;
  /** Opens FILE with the passphrase (or creates it), then runs calls on it. */
  openCase(file: string, opts?: { create?: { name: string; bureau: string } }): Promise<void>;
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  out(line: string): void;
  /** One line on stderr. */
  err(line: string): void;
  outJson(value: unknown): void;
}

export interface Command {
  usage: string;
  summary: string;
  positionals: string[];
  options: OptionSpec;
  run(ctx: CommandContext): Promise<number>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : []);

/** `--prop key=value` (repeatable) into the contract's property map. */
export function parseProps(props: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of props) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new UsageError(`--prop takes key=value, got "${p}"`);
    (out[p.slice(0, eq).trim()] ??= []).push(p.slice(eq + 1));
  }
  return out;
}

const json = { json: { type: 'boolean' } } as const;
const printId = (ctx: CommandContext, id: string) => (ctx.json ? ctx.outJson({ id }) : ctx.out(id));

export const COMMANDS: Record<string, Command> = {
  'case create': {
    usage: 'cordon case create FILE [--name NAME] [--bureau CODE] [--json]',
    summary: 'Create a new encrypted case file (asks for the passphrase twice).',
    positionals: ['FILE'],
    options: { ...json, name: { type: 'string' }, bureau: { type: 'string' } },
    async run(ctx) {
      const file = ctx.positionals[0]!;
      const name = str(ctx.values.name) ?? basename(file).replace(/\.cordon$/i, '');
      await ctx.openCase(file, { create: { name, bureau: str(ctx.values.bureau) ?? 'XX' } });
      const info = await ctx.call('case.info', {});
      if (ctx.json) ctx.outJson({ id: info!.caseId, name: info!.name, bureau: info!.bureau, path: info!.path });
      else ctx.out(info!.caseId);
      return 0;
    },
  },
  'case info': {
    usage: 'cordon case info FILE [--json]',
    summary: 'Show what a case holds.',
    positionals: ['FILE'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const info = (await ctx.call('case.info', {}))!;
      if (ctx.json) ctx.outJson(info);
      else {
        ctx.out(`case      ${info.name} (${info.caseId})`);
        ctx.out(`bureau    ${info.bureau}`);
        ctx.out(`schema    ${info.schemaVersion}`);
        ctx.out(`entities  ${info.entities}`);
        ctx.out(`links     ${info.links}`);
        ctx.out(`sources   ${info.sources}`);
        ctx.out(`handling  ${info.handling ?? '-'}   TLP ${info.tlp ?? '-'}`);
      }
      return 0;
    },
  },
  'entity add': {
    usage: 'cordon entity add FILE --schema S --prop k=v ... [--source ID] [--json]',
    summary: 'Add an entity; prints its id.',
    positionals: ['FILE'],
    options: { ...json, schema: { type: 'string' }, prop: { type: 'string', multiple: true }, source: { type: 'string' } },
    async run(ctx) {
      const schema = str(ctx.values.schema);
      if (!schema) throw new UsageError('--schema is required');
      await ctx.openCase(ctx.positionals[0]!);
      const source = str(ctx.values.source);
      const r = await ctx.call('entity.create', { schema, properties: parseProps(list(ctx.values.prop)), ...(source ? { sourceId: source } : {}) });
      printId(ctx, r.id);
      return 0;
    },
  },
  'entity show': {
    usage: 'cordon entity show FILE ID [--json]',
    summary: 'Show an entity with the source and grading of every value.',
    positionals: ['FILE', 'ID'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const e = await ctx.call('entity.get', { id: ctx.positionals[1]! });
      if (ctx.json) {
        const properties: Record<string, unknown[]> = {};
        for (const [prop, values] of Object.entries(e.properties)) {
          properties[prop] = values.map((v) => ({
            value: v.value,
            source_id: v.sourceId,
            ...(v.source ? { grading: v.source.grade, grading_scheme: v.source.scheme, handling: v.source.handling, tlp: v.source.tlp } : {}),
            originator: v.originator,
            statement_id: v.id,
          }));
        }
        ctx.outJson({ id: e.id, schema: e.schema, caption: e.caption, properties, links: e.links, handling: e.handling, tlp: e.tlp });
      } else {
        ctx.out(`${e.caption || '(no caption)'}  [${e.schema}]  ${e.id}`);
        for (const [prop, values] of Object.entries(e.properties)) {
          for (const v of values) {
            const grading = v.source ? `${v.source.grade}${v.source.handling ? ` ${v.source.handling}` : ''}${v.source.tlp ? ` TLP:${v.source.tlp}` : ''} — ${v.source.title}` : 'no source';
            ctx.out(`  ${prop.padEnd(20)} ${v.value}    (${grading}; ${v.originator})`);
          }
        }
        for (const l of e.links) ctx.out(`  ${l.direction === 'out' ? '→' : '←'} ${l.schema} ${l.other.caption} (${l.other.id})`);
      }
      return 0;
    },
  },
  'link add': {
    usage: 'cordon link add FILE --schema S --from ID --to ID [--prop k=v ...] [--source ID] [--json]',
    summary: 'Add a link between two entities; prints its id.',
    positionals: ['FILE'],
    options: {
      ...json,
      schema: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      prop: { type: 'string', multiple: true },
      source: { type: 'string' },
    },
    async run(ctx) {
      const [schema, from, to] = [str(ctx.values.schema), str(ctx.values.from), str(ctx.values.to)];
      if (!schema || !from || !to) throw new UsageError('--schema, --from and --to are required');
      await ctx.openCase(ctx.positionals[0]!);
      const source = str(ctx.values.source);
      const r = await ctx.call('link.create', { schema, from, to, properties: parseProps(list(ctx.values.prop)), ...(source ? { sourceId: source } : {}) });
      printId(ctx, r.id);
      return 0;
    },
  },
  'source add': {
    usage: 'cordon source add FILE --title T --scheme eu4x4|admiralty|uk3x5x2 --grade B2 [--handling H2] [--tlp AMBER] [--reference R] [--date D] [--restricted-to A,B] [--json]',
    summary: 'Add a graded source report; prints its id.',
    positionals: ['FILE'],
    options: {
      ...json,
      title: { type: 'string' },
      scheme: { type: 'string' },
      grade: { type: 'string' },
      handling: { type: 'string' },
      'handling-conditions': { type: 'string' },
      tlp: { type: 'string' },
      reference: { type: 'string' },
      date: { type: 'string' },
      'restricted-to': { type: 'string' },
    },
    async run(ctx) {
      const v = ctx.values;
      const [title, scheme, grade] = [str(v.title), str(v.scheme), str(v.grade)];
      if (!title || !scheme || !grade) throw new UsageError('--title, --scheme and --grade are required');
      await ctx.openCase(ctx.positionals[0]!);
      const optional = {
        ...(str(v.handling) ? { handling: str(v.handling) } : {}),
        ...(str(v['handling-conditions']) ? { handlingConditions: str(v['handling-conditions']) } : {}),
        ...(str(v.tlp) ? { tlp: str(v.tlp)!.toUpperCase() } : {}),
        ...(str(v.reference) ? { reference: str(v.reference) } : {}),
        ...(str(v.date) ? { reportDate: str(v.date) } : {}),
        ...(str(v['restricted-to']) ? { restrictedTo: str(v['restricted-to'])!.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
      };
      const r = await ctx.call('source.create', { title, scheme, grade, ...optional } as Input<'source.create'>);
      printId(ctx, r.id);
      return 0;
    },
  },
  search: {
    usage: 'cordon search FILE QUERY [--limit N] [--json]',
    summary: 'Search names, aliases and identifiers (case- and accent-insensitive).',
    positionals: ['FILE', 'QUERY'],
    options: { ...json, limit: { type: 'string' } },
    async run(ctx) {
      const limit = str(ctx.values.limit) ? Number(ctx.values.limit) : 50;
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number ≥ 1');
      await ctx.openCase(ctx.positionals[0]!);
      const results = await ctx.call('search', { query: ctx.positionals[1]!, limit });
      if (ctx.json) ctx.outJson({ results });
      else for (const r of results) ctx.out(`${r.id}\t${r.schema}\t${r.caption}`);
      return 0;
    },
  },
  'audit verify': {
    usage: 'cordon audit verify FILE [--json]',
    summary: 'Check the hash chain of the audit log; exits 1 and names the first broken row.',
    positionals: ['FILE'],
    options: { ...json },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const v = await ctx.call('audit.verify', {});
      if (ctx.json) ctx.outJson({ ok: v.ok, rows: v.rows, first_broken: v.firstBroken, reason: v.reason });
      else ctx.out(v.ok ? `audit log intact: ${v.rows} rows` : `audit log BROKEN at row ${v.firstBroken}: ${v.reason}`);
      if (v.ok) return 0;
      ctx.err(`audit log broken at row ${v.firstBroken}: ${v.reason}`);
      return 1;
    },
  },
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
        printOverTime(ctx, kind, await ctx.call('analysis.overTime', { ...scope, periods: overTimePeriods(kind), ...(top ? { top } : {}) }));
        return 0;
      }
      const measure = str(ctx.values.measure);
      const column = measure ? ANALYZE_COLUMNS[measure] : undefined;
      if (!measure || !column) throw new UsageError(`--measure is one of ${Object.keys(ANALYZE_COLUMNS).join(', ')}`);
      const top = positiveInt(ctx.values.top, '--top');
      const scope = analysisScopeOptions(ctx);
      await ctx.openCase(ctx.positionals[0]!);
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
  ...EXCHANGE_COMMANDS,
  ...PLAN_COMMANDS,
  ...INTERCHANGE_COMMANDS,
  ...COOPERATION_COMMANDS,
};

// ---- analyze / disrupt (issue 4) ----

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
