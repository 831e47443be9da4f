import { resolve } from 'node:path';
import { EXPORT_FORMATS, IMPORT_FORMATS, type ExportFormat, type ImportFormat } from '../../../shared/interchange/api';
import type { Command } from '../cli/command';
import { EXIT } from '../cli/exit-codes';
import { UsageError } from '../cli/passphrase';
import { commsImport } from '../comms/cli-commands';
import { loadSpec } from './handlers';
import { exportWarnings } from './run';

// `cordon import` and `cordon export` (DESIGN.md §8).

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const INTERCHANGE_COMMANDS: Record<string, Command> = {
  import: {
    usage: `cordon import FILE --format ${IMPORT_FORMATS.join('|')}|cdr|cells INPUT [--mapping SPEC.json] [--source ID] [--tz ZONE] [--again] [--save-mapping M.json] [--dry-run] [--json]`,
    summary: 'Import a spreadsheet, i2 chart, FtM, GraphML, GEXF, GeoJSON or KML file, call records (cdr) or a cell-site list (cells) in one transaction; prints what was created, merged and skipped (and why).',
    positionals: ['FILE', 'INPUT'],
    options: {
      json: { type: 'boolean' },
      format: { type: 'string' },
      mapping: { type: 'string' },
      source: { type: 'string' },
      'dry-run': { type: 'boolean' },
      tz: { type: 'string' },
      again: { type: 'boolean' },
      'save-mapping': { type: 'string' },
      overwrite: { type: 'boolean' },
    },
    async run(ctx) {
      const format = str(ctx.values.format);
      if (format === 'cdr' || format === 'cells') return commsImport(ctx, format);
      if (!format || !(IMPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format is one of ${IMPORT_FORMATS.join(', ')}`);
      const mapping = str(ctx.values.mapping);
      // The spec is read and checked before the case is opened: a bad spec costs no passphrase.
      const spec = mapping ? loadSpec(mapping) : undefined;
      const source = str(ctx.values.source);
      const withSource = source ? { ...(spec ?? { version: 1 as const, format: {}, entities: [], links: [] }), source: { id: source } } : spec;
      await ctx.openCase(ctx.positionals[0]!);
      const input = { path: resolve(ctx.positionals[1]!), format: format as ImportFormat, ...(withSource ? { spec: withSource } : {}) };
      const r = ctx.values['dry-run'] ? await ctx.call('import.dryRun', { ...input, limit: 100_000 }) : await ctx.call('import.run', input);
      const errors = r.errors.map((e) => e.message);
      if (ctx.json) {
        ctx.outJson({
          created: r.created,
          merged: r.merged,
          skipped: r.skipped,
          entities: r.entities,
          links: r.links,
          errors,
          more_errors: r.moreErrors,
          warnings: r.warnings,
          records: r.records,
          import_id: r.importId,
          sources: r.sources,
          layout_id: r.layoutId,
          encoding: r.encoding,
          delimiter: r.delimiter,
          sha256: r.sha256,
          dry_run: r.dryRun,
        });
      } else {
        ctx.out(`${r.dryRun ? 'would import' : 'imported'} ${r.file}: ${r.records} read, ${r.created} created, ${r.merged} merged, ${r.skipped} skipped; ${r.entities} entities, ${r.links} links`);
        for (const w of r.warnings) ctx.out(`warning: ${w}`);
        for (const e of errors) ctx.out(`  ${e}`);
        if (r.moreErrors) ctx.out(`  … and ${r.moreErrors} more`);
      }
      // A file of which nothing could be taken is a rejected input (bad rows in a good file are not).
      if (r.records > 0 && r.created + r.merged + r.links === 0 && r.skipped > 0) {
        ctx.err(`nothing in ${r.file} could be imported (${errors[0] ?? 'see the report'})`);
        return EXIT.rejected;
      }
      return EXIT.ok;
    },
  },
  export: {
    usage: `cordon export FILE --format ${EXPORT_FORMATS.join('|')} OUTPUT [--select QUERY] [--include-restricted] [--overwrite] [--json]`,
    summary: 'Export the case, or the entities a search selects (and the links among them). Values graded H2 or TLP:RED are left out unless --include-restricted.',
    positionals: ['FILE', 'OUTPUT'],
    options: { json: { type: 'boolean' }, format: { type: 'string' }, select: { type: 'string' }, 'include-restricted': { type: 'boolean' }, overwrite: { type: 'boolean' } },
    async run(ctx) {
      const format = str(ctx.values.format);
      if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format is one of ${EXPORT_FORMATS.join(', ')}`);
      await ctx.openCase(ctx.positionals[0]!);
      const select = str(ctx.values.select);
      const r = await ctx.call('export.run', {
        path: resolve(ctx.positionals[1]!),
        format: format as ExportFormat,
        ...(select ? { select: { query: select } } : {}),
        includeRestricted: ctx.values['include-restricted'] === true,
        overwrite: ctx.values.overwrite === true,
      });
      const warnings = exportWarnings(r);
      for (const w of warnings) ctx.err(`warning: ${w}`);
      if (ctx.json) ctx.outJson({ files: r.files, entities: r.entities, links: r.links, withheld_values: r.withheldValues, withheld_items: r.withheldItems, restricted_included: r.restrictedIncluded, handling: r.handling, tlp: r.tlp, warnings });
      else ctx.out(`exported ${r.entities} entities and ${r.links} links to ${r.files.join(', ')}${r.handling || r.tlp ? ` (handling ${r.handling ?? '-'}, TLP ${r.tlp ?? '-'})` : ''}`);
      return EXIT.ok;
    },
  },
};
