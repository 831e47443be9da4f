import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cdrMappingSchema, type CdrMapping } from '../../../shared/comms/api';
import type { CdrImportReport } from '../../../shared/comms/dto';
import { CordonError } from '../../../shared/errors';
import type { Command, CommandContext } from '../cli/command';
import { EXIT } from '../cli/exit-codes';
import { UsageError } from '../cli/passphrase';
import { readSpecFile } from '../interchange/tabular/import';

// `cordon comms …` (issue 17) and the call-record side of `cordon import --format cdr|cells`.
// JSON shapes as the issue gives them (phones as E.164 strings), with more fields where useful.

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const range = { from: { type: 'string' }, to: { type: 'string' } } as const;
const rangeOf = (ctx: CommandContext) => ({ ...(str(ctx.values.from) ? { from: str(ctx.values.from)! } : {}), ...(str(ctx.values.to) ? { to: str(ctx.values.to)! } : {}) });
const RANGE_USAGE = '[--from YYYY-MM-DD] [--to YYYY-MM-DD]';
const int = (v: unknown, name: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} takes a positive whole number`);
  return n;
};

/** "15m", "900", "2h", "30s" → seconds. */
export function parseWindow(v: string): number {
  const m = /^(\d+)\s*(s|m|min|h)?$/.exec(v.trim());
  if (!m) throw new UsageError(`--window takes a duration such as 15m, 900s or 1h, not "${v}"`);
  return Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' || m[2] === 'min' ? 60 : 1);
}

function loadMapping(path: string): CdrMapping {
  const parsed = cdrMappingSchema.safeParse(readSpecFile(path));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'mapping'}: ${i.message}`);
    throw new CordonError('INVALID_INPUT', `${path} is not a valid call-record mapping: ${issues.join('; ')}`, issues);
  }
  return parsed.data;
}

/** `cordon import FILE --format cdr|cells INPUT`: called by the import command. */
export async function commsImport(ctx: CommandContext, format: 'cdr' | 'cells'): Promise<number> {
  const mappingPath = str(ctx.values.mapping);
  const mapping = mappingPath && format === 'cdr' ? loadMapping(mappingPath) : undefined;
  const again = ctx.values.again === true;
  await ctx.openCase(ctx.positionals[0]!);
  const path = resolve(ctx.positionals[1]!);
  if (format === 'cells') {
    const r = await ctx.call('comms.importCells', { path, again });
    if (ctx.json) ctx.outJson({ created: r.created, merged: r.merged, skipped: r.skipped, entities: r.created + r.merged, links: 0, joined: r.joined, records: r.records, errors: r.errors.map((e) => e.message), warnings: r.warnings, import_id: r.importId });
    else {
      ctx.out(`imported ${r.file}: ${r.records} read, ${r.created} cell sites created, ${r.merged} merged, ${r.joined} joined to cells of events, ${r.skipped} skipped`);
      for (const e of r.errors) ctx.out(`  ${e.message}`);
    }
    return EXIT.ok;
  }
  const tz = str(ctx.values.tz);
  const r = await ctx.call('comms.importCdr', { path, again, dryRun: ctx.values['dry-run'] === true, ...(mapping ? { mapping } : {}), ...(tz ? { timeZone: tz } : {}) });
  const save = str(ctx.values['save-mapping']);
  const used: CdrMapping = { version: 1, columns: r.mapping.columns, dayFirst: r.mapping.dayFirst, timeZone: r.mapping.timeZone, ...(mapping?.source ? { source: mapping.source } : {}) };
  if (save) {
    if (existsSync(save) && ctx.values.overwrite !== true) throw new CordonError('FILE_EXISTS', `${save} already exists.`);
    writeFileSync(save, `${JSON.stringify(used, null, 2)}\n`, { mode: 0o600 });
  }
  printCdr(ctx, r, used);
  if (r.records > 0 && r.events + r.duplicates === 0 && r.skipped > 0) {
    ctx.err(`nothing in ${r.file} could be imported (${r.errors[0]?.message ?? 'see the report'})`);
    return EXIT.rejected;
  }
  return EXIT.ok;
}

function printCdr(ctx: CommandContext, r: CdrImportReport, used: CdrMapping): void {
  if (ctx.json) {
    ctx.outJson({
      created: r.phones.created,
      merged: r.phones.known,
      skipped: r.skipped,
      entities: r.phones.created + r.phones.known + r.devices + r.sims,
      links: r.links,
      events: r.events,
      duplicates: r.duplicates,
      records: r.records,
      phones: r.phones,
      devices: r.devices,
      sims: r.sims,
      cells: r.cells,
      errors: r.errors.map((e) => e.message),
      more_errors: r.moreErrors,
      warnings: r.warnings,
      import_id: r.importId,
      sha256: r.sha256,
      encoding: r.encoding,
      delimiter: r.delimiter,
      mapping: used,
      seconds: r.seconds,
    });
    return;
  }
  ctx.out(`mapping: ${Object.entries(used.columns).map(([f, h]) => `${f} ← "${h}"`).join(', ')}; dates ${used.dayFirst ? 'day first' : 'month first'}, times in ${used.timeZone}`);
  ctx.out(
    `${r.importId ? 'imported' : 'would import'} ${r.file}: ${r.records} records, ${r.events} events, ${r.duplicates} already in the case, ${r.skipped} skipped; ${r.phones.created} new phones (${r.phones.known} known, ${r.phones.invalid} not valid numbers), ${r.devices} handsets, ${r.sims} SIMs, ${r.cells} new cells, ${r.links} links`,
  );
  for (const w of r.warnings) ctx.out(`warning: ${w}`);
  for (const e of r.errors) ctx.out(`  ${e.message}`);
  if (r.moreErrors) ctx.out(`  … and ${r.moreErrors} more`);
}

const json = { json: { type: 'boolean' } } as const;

export const COMMS_COMMANDS: Record<string, Command> = {
  'comms top': {
    usage: `cordon comms top FILE PHONE [--top N] ${RANGE_USAGE} [--json]`,
    summary: "A phone's contacts by number of calls and messages, with total duration, first and last contact.",
    positionals: ['FILE', 'PHONE'],
    options: { ...json, ...range, top: { type: 'string' } },
    async run(ctx) {
      const n = int(ctx.values.top, 'top');
      await ctx.openCase(ctx.positionals[0]!);
      const r = await ctx.call('comms.top', { phone: ctx.positionals[1]!, ...(n ? { top: n } : {}), ...rangeOf(ctx) });
      if (ctx.json) ctx.outJson({ phone: r.phone.phone, results: r.results.map((x) => ({ phone: x.phone, events: x.events, calls: x.calls, sms: x.sms, duration_s: x.durationS, first: x.first, last: x.last, id: x.id })) });
      else {
        ctx.out(`contacts of ${r.phone.phone}:`);
        for (const x of r.results) ctx.out(`  ${x.phone.padEnd(16)} ${String(x.events).padStart(6)} events (${x.calls} calls, ${x.sms} SMS), ${x.durationS} s, ${x.first} … ${x.last}`);
      }
      return EXIT.ok;
    },
  },
  'comms common': {
    usage: `cordon comms common FILE PHONE PHONE [PHONE…] [--min N] ${RANGE_USAGE} [--json]`,
    summary: 'Numbers in contact with all the given phones (or at least --min of them), and with how many.',
    positionals: ['FILE', 'PHONE', 'PHONE'],
    variadic: true,
    options: { ...json, ...range, min: { type: 'string' } },
    async run(ctx) {
      const min = int(ctx.values.min, 'min');
      await ctx.openCase(ctx.positionals[0]!);
      const r = await ctx.call('comms.common', { phones: ctx.positionals.slice(1), ...(min ? { min } : {}), ...rangeOf(ctx) });
      if (ctx.json) ctx.outJson({ phones: r.phones.map((p) => p.phone), results: r.results.map((x) => ({ phone: x.phone, with: x.with, events: x.events, id: x.id })) });
      else {
        ctx.out(`in contact with ${min ?? 'all'} of ${r.phones.map((p) => p.phone).join(', ')}:`);
        for (const x of r.results) ctx.out(`  ${x.phone.padEnd(16)} with ${x.with}, ${x.events} events`);
      }
      return EXIT.ok;
    },
  },
  'comms activity': {
    usage: `cordon comms activity FILE PHONE [--tz ZONE] ${RANGE_USAGE} [--json]`,
    summary: "A phone's activity: events by weekday and hour (in the case's time zone) and per day.",
    positionals: ['FILE', 'PHONE'],
    options: { ...json, ...range, tz: { type: 'string' } },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const tz = str(ctx.values.tz);
      const r = await ctx.call('comms.activity', { phone: ctx.positionals[1]!, ...(tz ? { timeZone: tz } : {}), ...rangeOf(ctx) });
      if (ctx.json) ctx.outJson({ phone: r.phone.phone, time_zone: r.timeZone, events: r.events, matrix: r.matrix, days: r.days });
      else {
        ctx.out(`activity of ${r.phone.phone} (${r.events} events, ${r.timeZone}); hours 0–23:`);
        ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].forEach((d, i) => ctx.out(`  ${d} ${r.matrix[i]!.map((n) => String(n).padStart(4)).join('')}`));
      }
      return EXIT.ok;
    },
  },
  'comms swaps': {
    usage: `cordon comms swaps FILE ${RANGE_USAGE} [--json]`,
    summary: 'Handsets that held several numbers, and numbers that moved between handsets, with the dates.',
    positionals: ['FILE'],
    options: { ...json, ...range },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const r = await ctx.call('comms.swaps', rangeOf(ctx));
      if (ctx.json) ctx.outJson({ results: r.results.map((x) => ({ imei: x.imei, phones: x.phones.map((p) => p.phone), periods: x.phones })), moved: r.moved });
      else {
        for (const x of r.results) ctx.out(`handset ${x.imei}: ${x.phones.map((p) => `${p.phone} (${p.first} … ${p.last})`).join(', ')}`);
        for (const x of r.moved) ctx.out(`number ${x.phone}: ${x.imeis.map((p) => `${p.imei} (${p.first} … ${p.last})`).join(', ')}`);
        if (r.results.length + r.moved.length === 0) ctx.out('no handset held more than one number, and no number moved');
      }
      return EXIT.ok;
    },
  },
  'comms colocation': {
    usage: `cordon comms colocation FILE PHONE PHONE [--window 15m] ${RANGE_USAGE} [--json]`,
    summary: 'Times both phones were on the same cell within the window.',
    positionals: ['FILE', 'PHONE', 'PHONE'],
    options: { ...json, ...range, window: { type: 'string' } },
    async run(ctx) {
      const w = str(ctx.values.window);
      const windowS = w ? parseWindow(w) : 900;
      await ctx.openCase(ctx.positionals[0]!);
      const r = await ctx.call('comms.colocation', { phones: ctx.positionals.slice(1), windowS, ...rangeOf(ctx) });
      if (ctx.json) ctx.outJson({ phones: r.phones.map((p) => p.phone), window_s: r.windowS, results: r.results.map((x) => ({ cell: x.cell, time: x.time, gap_s: x.gapS, site: x.site })) });
      else {
        ctx.out(`${r.results.length} times ${r.phones.map((p) => p.phone).join(' and ')} were on the same cell within ${r.windowS} s`);
        for (const x of r.results) ctx.out(`  ${x.time}  cell ${x.cell}  (${x.gapS} s apart)`);
      }
      return EXIT.ok;
    },
  },
  'comms silence': {
    usage: `cordon comms silence FILE PHONE [--min-gap 1h] ${RANGE_USAGE} [--json]`,
    summary: "Gaps in a phone's activity longer than usual for it (switch-offs).",
    positionals: ['FILE', 'PHONE'],
    options: { ...json, ...range, 'min-gap': { type: 'string' } },
    async run(ctx) {
      const g = str(ctx.values['min-gap']);
      await ctx.openCase(ctx.positionals[0]!);
      const r = await ctx.call('comms.silence', { phone: ctx.positionals[1]!, ...(g ? { minGapS: Math.max(60, parseWindow(g)) } : {}), ...rangeOf(ctx) });
      if (ctx.json) ctx.outJson({ phone: r.phone.phone, threshold_s: r.thresholdS, typical_gap_s: r.typicalGapS, results: r.results.map((x) => ({ from: x.from, to: x.to, gap_s: x.gapS })) });
      else {
        ctx.out(`${r.phone.phone}: usually silent at most ${Math.round(r.typicalGapS / 3600)} h a day; gaps of ${Math.round(r.thresholdS / 3600)} h or more:`);
        for (const x of r.results) ctx.out(`  ${x.from} … ${x.to}  (${Math.round(x.gapS / 360) / 10} h)`);
      }
      return EXIT.ok;
    },
  },
  'comms movement': {
    usage: `cordon comms movement FILE PHONE ${RANGE_USAGE} [--json]`,
    summary: "A phone's path through its cell sites in time order: each stay (consecutive events on one site) with where and when.",
    positionals: ['FILE', 'PHONE'],
    options: { ...json, ...range },
    async run(ctx) {
      await ctx.openCase(ctx.positionals[0]!);
      const r = await ctx.call('comms.movement', { phone: ctx.positionals[1]!, ...rangeOf(ctx) });
      if (ctx.json) {
        ctx.outJson({
          phone: r.phone.phone,
          events: r.events,
          no_cell: r.noCell,
          unlocated: r.unlocated,
          truncated: r.truncated,
          stays: r.stays.map((x) => ({ cell: x.cell, site: x.siteId, lat: x.lat, lon: x.lon, from: x.from, to: x.to, events: x.events })),
        });
      } else {
        ctx.out(`${r.phone.phone}: ${r.stays.length} stays over ${r.events} events (${r.noCell} with no cell, ${r.unlocated} on cells not placed)`);
        for (const x of r.stays) ctx.out(`  ${x.from} … ${x.to}  ${x.caption}  ${x.lat.toFixed(5)}, ${x.lon.toFixed(5)}  (${x.events})`);
      }
      return EXIT.ok;
    },
  },
};
