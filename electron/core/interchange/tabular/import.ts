import { readFileSync } from 'node:fs';
import type { ImportSpec, TextEncoding } from '../../../../shared/interchange/api';
import type { TabularPreview } from '../../../../shared/interchange/dto';
import { CordonError } from '../../../../shared/errors';
import type { Job } from '../../jobs';
import type { InputFile } from '../files';
import { ImportSink, type Ref } from '../sink';
import { binaryKind, bomLength, detectEncoding, requireText } from '../sniff';
import { CsvReader } from './csv-reader';
import { detectDelimiter, detectHeader, parseSample, sampleLines } from './detect';
import { applyRow, compileSpec } from './mapping';
import { rowSource } from './source';
import { XlsxReader } from './xlsx-reader';

// CSV and XLSX intake: detection (encoding, delimiter, header), the preview the wizard shows,
// and the import itself — streaming rows through the mapping into the sink.

export interface TabularOptions {
  encoding?: TextEncoding | undefined;
  delimiter?: string | undefined;
  header?: boolean | undefined;
  sheet?: string | undefined;
  skipRows?: number | undefined;
}

interface Source {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  encodingReason: string | null;
  delimiter: string | null;
  header: boolean | undefined;
  rows: AsyncGenerator<{ cells: string[]; line: number }>;
  /** Progress: bytes (CSV) or rows (XLSX) so far. */
  position(): number;
  xlsx: XlsxReader | null;
}

function requireZip(file: InputFile): void {
  const kind = binaryKind(file.head);
  if (kind !== 'a ZIP archive (or an Office document)') {
    const what = kind ?? (file.head.subarray(0, 200).toString('latin1').match(/[,;\t|]/) ? 'a text (CSV?) file' : 'not a workbook');
    throw new CordonError('INVALID_INPUT', `${file.name} is ${what}, not an XLSX workbook.`);
  }
}

function openSource(file: InputFile, format: 'csv' | 'xlsx', opts: TabularOptions, onSkip: (line: number | null, message: string) => void): Source {
  if (format === 'xlsx') {
    requireZip(file);
    const xlsx = new XlsxReader(file.path, opts.sheet);
    return { format, encoding: null, encodingReason: null, delimiter: null, header: opts.header, rows: xlsx.rows(), position: () => xlsx.rowsRead, xlsx };
  }
  requireText(file.head, 'csv', file.name);
  const complete = file.head.length === file.bytes;
  const detected = detectEncoding(file.head, complete);
  const encoding = opts.encoding ?? detected.encoding;
  const bom = bomLength(file.head, encoding);
  const text = new TextDecoder(encoding).decode(file.head.subarray(bom));
  const sample = sampleLines(complete ? text : text.slice(0, Math.max(0, text.lastIndexOf('\n') + 1)) || text);
  const delimiter = opts.delimiter ?? detectDelimiter(sample).delimiter;
  const reader = new CsvReader(file.path, { encoding, bom, delimiter, onSkip });
  return {
    format,
    encoding,
    encodingReason: opts.encoding ? 'as given' : detected.reason,
    delimiter,
    header: opts.header ?? detectHeader(parseSample(sample, delimiter)),
    rows: reader.rows(),
    position: () => reader.bytesRead,
    xlsx: null,
  };
}

/** The wizard's preview: what was detected, the header, the first rows. */
export async function previewTabular(file: InputFile, format: 'csv' | 'xlsx', opts: TabularOptions, count: number): Promise<TabularPreview> {
  const src = openSource(file, format, opts, () => undefined);
  const rows: string[][] = [];
  for await (const r of src.rows) {
    rows.push(r.cells);
    if (rows.length >= count + 1 + (opts.skipRows ?? 0)) break;
  }
  await src.rows.return(undefined);
  const data = rows.slice(opts.skipRows ?? 0);
  const header = src.header ?? detectHeader(data);
  const width = Math.max(0, ...data.map((r) => r.length));
  const columns = header && data[0] ? data[0].map((c, i) => c.trim() || `Column ${i + 1}`) : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  return {
    format,
    bytes: file.bytes,
    encoding: src.encoding,
    encodingReason: src.encodingReason,
    delimiter: src.delimiter,
    header,
    columns,
    rows: (header ? data.slice(1) : data).slice(0, count),
    sheet: src.xlsx?.sheetRead ?? null,
    sheets: src.xlsx?.sheets ?? [],
  };
}

export async function importTabular(
  sink: ImportSink,
  job: Job,
  file: InputFile,
  format: 'csv' | 'xlsx',
  spec: ImportSpec | undefined,
  limit: number | null,
): Promise<{ encoding: string | null; delimiter: string | null }> {
  if (!spec) throw new CordonError('INVALID_INPUT', `A ${format.toUpperCase()} import needs a mapping: which columns are which entities (--mapping SPEC.json).`);
  const report = sink.report;
  const src = openSource(file, format, spec.format, (line, message) => report.skip(line, message));
  let skipRows = spec.format.skipRows ?? 0;
  let compiled: ReturnType<typeof compileSpec> | null = null;
  let header = src.header;
  const total = format === 'csv' ? file.bytes : 0;
  job.progress(0, total);
  let n = 0;
  for await (const { cells, line } of src.rows) {
    if (skipRows > 0) {
      skipRows--;
      continue;
    }
    if (!compiled) {
      header ??= detectHeader([cells]);
      compiled = compileSpec(spec, header ? cells.map((c) => c.trim()) : null);
      if (header) continue;
    }
    if (limit !== null && report.records >= limit) break;
    report.records++;
    importRow(sink, spec, compiled, cells, line);
    sink.maybeFlush();
    if (++n % 2000 === 0) {
      job.progress(src.position(), total);
      await job.checkpoint();
    }
  }
  if (!compiled) throw new CordonError('INVALID_INPUT', `${file.name} has no rows.`);
  return { encoding: src.encoding, delimiter: src.delimiter };
}

function importRow(sink: ImportSink, spec: ImportSpec, compiled: ReturnType<typeof compileSpec>, cells: string[], line: number): void {
  const report = sink.report;
  const rec = applyRow(compiled, cells);
  if ('error' in rec) return report.skip(line, rec.error);
  const source = rowSource(sink, spec, compiled, cells);
  if ('error' in source) return report.skip(line, source.error);
  // Everything of the row is valid: now it is written (no row is ever half imported).
  const refs: Array<Ref | null> = [];
  const sample = report.wantsSample() ? { row: line, entities: [] as Array<{ key: string; schema: string; caption: string; merged: boolean }>, links: [] as Array<{ schema: string; from: string; to: string }> } : null;
  for (let i = 0; i < compiled.entities.length; i++) {
    const e = compiled.entities[i]!;
    const values = rec.entities[i];
    if (!values) {
      refs.push(null);
      continue;
    }
    const made = sink.entity(e.schema, values, source.id, { identity: sink.identityKey(e.schema, e.identity, values) });
    if ('error' in made) {
      // Entities before this one may be buffered; a conflicting identity is rare enough to report
      // and keep what was valid rather than unwind the batch.
      report.issue(line, `${e.key}: ${made.error}`);
      refs.push(null);
      continue;
    }
    refs.push(made.ref);
    sample?.entities.push({ key: e.key, schema: e.schema.name, caption: ImportSink.caption(e.schema, values), merged: made.merged });
  }
  compiled.links.forEach((l, i) => {
    const from = refs[l.from];
    const to = refs[l.to];
    const a = compiled.entities[l.from]!.key;
    const b = compiled.entities[l.to]!.key;
    if (!from || !to) {
      report.issue(line, `no ${l.schema.label.toLowerCase()}: ${!from ? a : b} has no value`);
      return;
    }
    const made = sink.link(l.schema, from, to, rec.links[i]!, source.id, line);
    if ('error' in made) report.issue(line, `no ${l.schema.label.toLowerCase()}: ${made.error}`);
    else sample?.links.push({ schema: l.schema.name, from: a, to: b });
  });
  if (sample) report.sample.push(sample);
}

/** For tests and the CLI: read a spec file. */
export function readSpecFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new CordonError('INVALID_INPUT', `${path} is not a JSON import specification.`);
  }
}
