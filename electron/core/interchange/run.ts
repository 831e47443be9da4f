import { basename, dirname, extname, join } from 'node:path';
import type { ExportFormat, ImportFormat, ImportSpec } from '../../../shared/interchange/api';
import type { ExportReport, ImportReport } from '../../../shared/interchange/dto';
import { CordonError } from '../../../shared/errors';
import type { Jobs } from '../jobs';
import type { Case } from '../store/case';
import { importAnx } from './anx/read';
import { writeAnx } from './anx/write';
import { collect, isRestricted, type ExportSet } from './export/collect';
import { writeCsv } from './export/csv';
import { OutFile } from './export/out';
import { ExportPace, type Tick } from './export/pace';
import { openInput, sha256Of } from './files';
import { importFtm } from './ftm/read';
import { writeFtm } from './ftm/write';
import { importFeatures } from './geo/features';
import { readGeojson } from './geo/read-geojson';
import { readKml } from './geo/read-kml';
import { writeGeojson } from './geo/write-geojson';
import { importGraph } from './graph/model';
import { readGexf } from './graph/read-gexf';
import { readGraphml } from './graph/read-graphml';
import { writeGexf } from './graph/write-gexf';
import { writeGraphml } from './graph/write-graphml';
import { ReportBuilder } from './report';
import { ImportSink } from './sink';
import { importTabular } from './tabular/import';

// One import: checks on the file before anything else, then a job (progress, cancel) around one
// transaction; the source reports, the import record and its audit row commit with the data or
// not at all. A dry run is the same import, rolled back.

/** The one-file formats; CSV writes two tables. */
const WRITERS: Record<Exclude<ExportFormat, 'csv'>, (out: OutFile, set: ExportSet, tick: Tick) => Promise<string[]>> = {
  anx: writeAnx,
  ftm: writeFtm,
  graphml: writeGraphml,
  gexf: writeGexf,
  geojson: writeGeojson,
};

const NOUN: Record<ImportFormat, string> = { csv: 'row', xlsx: 'row', anx: 'item', ftm: 'line', graphml: 'record', gexf: 'record', geojson: 'feature', kml: 'feature' };

export async function runImport(
  c: Case,
  jobs: Jobs,
  input: { path: string; format: ImportFormat; spec?: ImportSpec | undefined },
  opts: { dryRun: boolean; limit: number | null },
): Promise<ImportReport> {
  const file = openInput(input.path, input.format);
  const sha256 = await sha256Of(input.path);
  const started = process.hrtime.bigint();
  const report = new ReportBuilder(NOUN[input.format]);
  const label = `${opts.dryRun ? 'Preview of' : 'Import of'} ${file.name}`;
  return jobs.run(label, file.bytes, async (job) => {
    const sink = new ImportSink(c, report, { format: input.format, fileName: file.name, sha256, bytes: file.bytes, spec: input.spec, dryRun: opts.dryRun });
    let detected: { encoding: string | null; delimiter: string | null } = { encoding: null, delimiter: null };
    sink.begin();
    try {
      switch (input.format) {
        case 'csv':
        case 'xlsx':
          detected = await importTabular(sink, job, file, input.format, input.spec, opts.limit);
          break;
        case 'anx':
          await importAnx(sink, job, file, opts.limit);
          break;
        case 'ftm':
          await importFtm(sink, job, file, opts.limit);
          break;
        case 'graphml':
        case 'gexf': {
          const g = input.format === 'graphml' ? readGraphml(file) : readGexf(file);
          await importGraph(sink, job, g.nodes, g.edges, input.format, file.name.replace(/\.[^.]+$/, ''), opts.limit);
          break;
        }
        case 'geojson':
        case 'kml': {
          const features = input.format === 'geojson' ? readGeojson(file) : readKml(file, (m) => report.warn(m));
          await importFeatures(sink, job, features, input.format, opts.limit);
          break;
        }
      }
      job.check();
      sink.flush();
      if (report.created + report.merged + report.links === 0 && report.skipped > 0 && report.records === report.skipped) {
        report.warn('Nothing in the file could be imported; see the reasons below.');
      }
      const finish = (): ImportReport =>
        report.finish({
          importId: opts.dryRun ? null : sink.importId,
          dryRun: opts.dryRun,
          format: input.format,
          file: file.name,
          bytes: file.bytes,
          sha256,
          encoding: detected.encoding,
          delimiter: detected.delimiter,
          entities: sink.entitiesTouched,
          sources: opts.dryRun ? [] : sink.sourceIds,
          layoutId: opts.dryRun ? null : sink.layoutId,
          seconds: Number(process.hrtime.bigint() - started) / 1e9,
        });
      await sink.commit(() => {
        const r = finish();
        return { created: r.created, merged: r.merged, skipped: r.skipped, entities: r.entities, links: r.links, records: r.records, errors: r.errors.slice(0, 100), warnings: r.warnings };
      }, job);
      return finish();
    } catch (err) {
      sink.rollback();
      throw err;
    }
  });
}

export async function runExport(
  c: Case,
  jobs: Jobs,
  input: { path: string; format: ExportFormat; select?: { query?: string | undefined; ids?: string[] | undefined } | undefined; includeRestricted: boolean; overwrite: boolean },
): Promise<ExportReport> {
  // A job like an import: a big case takes a while to read and write, shows progress and can be
  // cancelled; the files appear under their names only when complete (export/out.ts).
  return jobs.run(`Export of ${basename(input.path)}`, 0, async (job) => {
    const pace = new ExportPace(job);
    const tick = () => pace.tick();
    // CSV is two tables: entities under the chosen name, links beside it.
    const ext = extname(input.path) || '.csv';
    const paths = input.format === 'csv' ? [input.path, join(dirname(input.path), `${basename(input.path, ext)}-links${ext}`)] : [input.path];
    // Opened first, so that a name already taken is refused before a big case is read.
    const outs: OutFile[] = [];
    try {
      for (const p of paths) outs.push(new OutFile(p, input.overwrite));
      const [out, linksOut] = outs as [OutFile, OutFile | undefined];
      const set = await collect(c.db, input.select, input.includeRestricted, pace);
      if (set.entities.length === 0) {
        throw new CordonError('NOT_FOUND', set.withheldItems > 0 ? 'Nothing is left to export: everything selected is graded H2 or TLP:RED.' : 'The case has nothing to export.');
      }
      pace.plan(0, set.entities.length + set.links.length);
      const warnings = input.format === 'csv' ? await writeCsv(out, linksOut!, set, tick) : await WRITERS[input.format](out, set, tick);
      pace.check();
      for (const o of outs) o.close();
      return finishExport(c, input, set, outs, warnings);
    } catch (err) {
      for (const o of outs) o.abort();
      throw err;
    }
  });
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function finishExport(
  c: Case,
  input: { format: ExportFormat; select?: { query?: string | undefined; ids?: string[] | undefined } | undefined; includeRestricted: boolean },
  set: ExportSet,
  outs: OutFile[],
  warnings: string[],
): ExportReport {
  const restrictedIncluded = input.includeRestricted
    ? [...set.entities, ...set.links].reduce((n, e) => n + e.statements.filter((s) => isRestricted(s.sourceId ? set.sources.get(s.sourceId) : undefined)).length, 0)
    : 0;
  const report: ExportReport = {
    format: input.format,
    files: outs.map((o) => o.path),
    entities: set.entities.length,
    links: set.links.length,
    withheldValues: set.withheldValues,
    withheldItems: set.withheldItems,
    restrictedIncluded,
    handling: set.handling,
    tlp: set.tlp,
    warnings,
  };
  c.write(() =>
    c.audit.append({
      actor: c.actor,
      action: 'export',
      target: null,
      detail: {
        format: input.format,
        files: report.files.map((f) => basename(f)),
        select: input.select ?? null,
        entities: report.entities,
        links: report.links,
        withheldValues: report.withheldValues,
        includeRestricted: input.includeRestricted,
        handling: report.handling,
        tlp: report.tlp,
      },
    }),
  );
  return report;
}

/**
 * The handling figures of an export in words, for the CLI (the screen words them through i18n):
 * what was left out, or that values not to be disseminated were written, first; then the writer's.
 */
export function exportWarnings(r: ExportReport): string[] {
  const lines: string[] = [];
  if (r.restrictedIncluded > 0) lines.push(`This export INCLUDES ${plural(r.restrictedIncluded, 'value')} graded H2 or TLP:RED (not to be disseminated).`);
  if (r.withheldValues > 0) {
    lines.push(
      `${plural(r.withheldValues, 'value')} graded H2 or TLP:RED (not to be disseminated) ${r.withheldValues === 1 ? 'was' : 'were'} left out${r.withheldItems ? `, and ${plural(r.withheldItems, 'entity or link', 'entities or links')} with nothing else` : ''}. Export them only with the originator's consent (include restricted).`,
    );
  }
  return [...lines, ...r.warnings];
}
