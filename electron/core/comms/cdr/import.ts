import type { TextEncoding } from '../../../../shared/interchange/api';
import type { CdrMapping } from '../../../../shared/comms/api';
import type { CdrField, CdrImportReport, CdrPreview } from '../../../../shared/comms/dto';
import { CordonError } from '../../../../shared/errors';
import { openInput, sha256Of, type InputFile } from '../../interchange/files';
import { ReportBuilder } from '../../interchange/report';
import { ImportSink } from '../../interchange/sink';
import { bomLength, detectEncoding, requireText } from '../../interchange/sniff';
import { detectDelimiter, sampleLines } from '../../interchange/tabular/detect';
import type { Jobs } from '../../jobs';
import type { Case } from '../../store/case';
import { requireSourceRid } from '../../store/sources';
import { CellBook, EntityBook } from '../books';
import { EventWriter } from '../events';
import { caseTimeZone } from '../region';
import { FastCsvReader, parseQuoted } from './fast-csv';
import { missingFields, recognise } from './headers';
import { cellKey, guessDayFirst, KIND, parseDirection, parseDuration, parseKind, StartParser } from './values';

// `cordon import FILE --format cdr INPUT`: an operator's call-record export into the events table.
// The file is checked and its columns placed before anything is written (an unrecognised file is
// refused with the headers that could not be placed); then one job around one transaction, rows
// streamed in batches, the phones, handsets and SIMs resolved once per distinct value, events
// written in multi-row INSERTs, the aggregated links merged at the end. A row that cannot be read
// is left out with its reason; nothing is half written.

/** Events buffered before the books and the writer flush (a few MB of JS objects). */
const BATCH = 8000;
/** The page cache of a CDR import (KiB). */
const CDR_CACHE_KIB = 192 * 1024;

interface Plan {
  file: InputFile;
  encoding: TextEncoding;
  bom: number;
  delimiter: string;
  header: string[];
  mapping: CdrMapping;
  dayFirst: boolean;
  timeZone: string;
  zoneAssumed: boolean;
}

interface Head {
  file: InputFile;
  encoding: TextEncoding;
  bom: number;
  delimiter: string;
  header: string[];
  /** The decoded head, cut at its last whole line. */
  usable: string;
  /** Where the first row after the header begins in `usable`. */
  bodyAt: number;
}

/** Reads the head of the file: encoding, delimiter and header row. */
function readHead(path: string, given: Pick<CdrMapping, 'encoding' | 'delimiter'> | undefined): Head {
  const file = openInput(path, 'cdr');
  requireText(file.head, 'cdr', file.name);
  const complete = file.head.length === file.bytes;
  const detected = detectEncoding(file.head, complete);
  const encoding = given?.encoding ?? detected.encoding;
  const bom = bomLength(file.head, encoding);
  const text = new TextDecoder(encoding).decode(file.head.subarray(bom));
  const usable = complete ? text : text.slice(0, Math.max(0, text.lastIndexOf('\n') + 1)) || text;
  const delimiter = given?.delimiter ?? detectDelimiter(sampleLines(usable)).delimiter;
  const first = parseQuoted(usable, 0, delimiter, true);
  const header = (first?.cells ?? []).map((h) => h.trim());
  if (header.length < 2) throw new CordonError('INVALID_INPUT', `${file.name} has no header row of columns.`);
  return { file, encoding, bom, delimiter, header, usable, bodyAt: first!.end };
}

/** The first `n` rows after the header, as cells. */
function headRows(head: Head, n: number): string[][] {
  const rows: string[][] = [];
  let at = head.bodyAt;
  for (let i = 0; i < n && at < head.usable.length; i++) {
    const r = parseQuoted(head.usable, at, head.delimiter, true);
    if (!r) break;
    rows.push(r.cells);
    at = r.end;
  }
  return rows;
}

/** What the wizard shows before an import: the header, the columns recognised (or given), what is still missing, the first rows. Writes nothing. */
export function previewCdr(c: Case, input: { path: string; mapping?: CdrMapping | undefined; timeZone?: string | undefined; rows: number }): CdrPreview {
  const head = readHead(input.path, input.mapping);
  const recognised = recognise(head.header);
  const columns = input.mapping?.columns ?? recognised.columns;
  const rows = headRows(head, Math.max(input.rows, 200));
  const col = head.header.indexOf((columns.start ?? columns.date) ?? '');
  const caseZone = caseTimeZone(c.db);
  return {
    file: head.file.name,
    bytes: head.file.bytes,
    encoding: head.encoding,
    delimiter: head.delimiter,
    header: head.header,
    columns,
    recognised: recognised.columns,
    unplaced: head.header.filter((h) => h !== '' && !Object.values(columns).includes(h)),
    missing: missingFields({ columns }),
    dayFirst: input.mapping?.dayFirst ?? guessDayFirst(col >= 0 ? rows.map((r) => r[col] ?? '') : []),
    timeZone: input.timeZone ?? input.mapping?.timeZone ?? caseZone ?? 'UTC',
    caseTimeZone: caseZone,
    rows: rows.slice(0, input.rows),
  };
}

/** Reads the head of the file: encoding, delimiter, header, the mapping (given or recognised). */
export function planCdr(c: Case, path: string, given: CdrMapping | undefined, tz: string | undefined): Plan {
  const head = readHead(path, given);
  const { file, encoding, bom, delimiter, header } = head;
  const columns = given?.columns ?? recognise(header).columns;
  const unplaced = header.filter((h) => h !== '' && !Object.values(columns).includes(h));
  for (const [field, h] of Object.entries(columns)) {
    if (!header.includes(h)) throw new CordonError('INVALID_INPUT', `The mapping puts ${field} in the column "${h}", which ${file.name} does not have (its columns: ${header.join(', ')}).`);
  }
  const missing = missingFields({ columns });
  if (missing.length > 0) {
    throw new CordonError(
      'INVALID_INPUT',
      `${file.name} is not a call-record file Cordon recognises: it found no column for ${missing.join(' nor ')}. Headers it could not place: ${unplaced.join(', ') || '(none)'}. Give a mapping (--mapping SPEC.json).`,
      { unplaced, missing, header },
    );
  }
  // Day-first or month-first, from the dates of the first rows.
  const col = header.indexOf((columns.start ?? columns.date)!);
  const samples = headRows(head, 200).flatMap((r) => (r[col] !== undefined ? [r[col]!] : []));
  const caseZone = caseTimeZone(c.db);
  const timeZone = tz ?? given?.timeZone ?? caseZone ?? 'UTC';
  return {
    file,
    encoding,
    bom,
    delimiter,
    header,
    mapping: { ...(given ?? { version: 1 }), columns, version: 1 },
    dayFirst: given?.dayFirst ?? guessDayFirst(samples),
    timeZone,
    zoneAssumed: !tz && !given?.timeZone && !caseZone,
  };
}

export async function runCdrImport(
  c: Case,
  jobs: Jobs,
  input: { path: string; mapping?: CdrMapping | undefined; timeZone?: string | undefined; again: boolean; dryRun: boolean },
): Promise<CdrImportReport> {
  const plan = planCdr(c, input.path, input.mapping, input.timeZone);
  const parser = new StartParser(plan.timeZone, plan.dayFirst);
  const { file } = plan;
  const sha256 = await sha256Of(file.path);
  if (!input.again) {
    const before = c.db.prepare("SELECT file_name, finished_at FROM imports WHERE sha256 = ? AND format = 'cdr' ORDER BY finished_at LIMIT 1").get(sha256) as { file_name: string; finished_at: string } | undefined;
    if (before) {
      throw new CordonError('CONSTRAINT', `${file.name} was already imported (as ${before.file_name}, ${before.finished_at.slice(0, 16).replace('T', ' ')} UTC): the same file, by its SHA-256. Import it again only on purpose (--again); its calls would not be counted twice.`);
    }
  }
  const started = process.hrtime.bigint();
  const report = new ReportBuilder('row');
  const mapping = { ...plan.mapping, dayFirst: plan.dayFirst, timeZone: plan.timeZone, encoding: plan.encoding, delimiter: plan.delimiter as CdrMapping['delimiter'] };
  return jobs.run(`${input.dryRun ? 'Preview of' : 'Import of'} ${file.name}`, file.bytes, async (job) => {
    const sink = new ImportSink(c, report, { format: 'cdr', fileName: file.name, sha256, bytes: file.bytes, spec: undefined, dryRun: input.dryRun, source: mapping.source, mapping });
    sink.begin();
    // A bounded page cache instead of the bulk mode's (up to 1 GiB): an operator's CDR comes in time
    // order, so each phone's index pages are appended to and the working set grows with the number
    // of phones, not of rows; the cache must not grow with the file (peak RSS flat from 1M to 5M rows).
    c.db.pragma(`cache_size = -${CDR_CACHE_KIB}`);
    try {
      const sourceId = sink.defaultSource();
      const sourceRid = requireSourceRid(c.db, sourceId)!;
      const importRid = Number(c.db.prepare('INSERT INTO comms_imports (import_id) VALUES (?)').run(sink.importId).lastInsertRowid);
      const recordEntity = c.db.prepare('INSERT OR IGNORE INTO import_entities (import_id, entity_id) VALUES (?, ?)');
      const onEntity = (id: string) => recordEntity.run(sink.importId, id);
      const phones = new EntityBook(c, 'Phone', 'number', sourceId, onEntity);
      const devices = new EntityBook(c, 'Device', 'imei', sourceId, onEntity);
      const sims = new EntityBook(c, 'SIM', 'imsi', sourceId, onEntity);
      const cells = new CellBook(c.db);
      const writer = new EventWriter(c.db, sourceRid, importRid);
      const rows = new RowReader(plan, parser, phones, devices, sims, cells, writer, report);
      if (plan.zoneAssumed) report.warn('Times were read as UTC: the case has no time zone and none was given (--tz).');
      const reader = new FastCsvReader(file.path, { encoding: plan.encoding, bom: plan.bom, delimiter: plan.delimiter, onSkip: (line, message) => report.skip(line, message) });
      job.progress(0, file.bytes);
      let header = true;
      const flush = () => {
        phones.flush();
        devices.flush();
        sims.flush();
        writer.flush();
      };
      for await (const batch of reader.batches()) {
        for (const row of batch) {
          if (header) {
            header = false;
            continue;
          }
          report.records++;
          rows.read(row.cells, row.line);
        }
        if (writer.size >= BATCH) flush();
        job.progress(reader.bytesRead, file.bytes);
        await job.checkpoint();
      }
      flush();
      const links = writer.finish();
      rows.finish();
      job.check();
      if (phones.invalid > 0) {
        report.warn(`${phones.invalid} ${phones.invalid === 1 ? 'value is' : 'values are'} not a valid phone number${plan.mapping.columns ? '' : ''}; kept exactly as given and flagged invalid: ${phones.invalidSamples.join(', ')}${phones.invalid > phones.invalidSamples.length ? ', …' : ''}.`);
      }
      if (writer.duplicates > 0) report.warn(`${writer.duplicates} ${writer.duplicates === 1 ? 'record was' : 'records were'} already in the case (the same call, by caller, receiver, kind and start second) and ${writer.duplicates === 1 ? 'was' : 'were'} not counted twice.`);
      report.created = phones.created + devices.created + sims.created;
      report.merged = phones.known + devices.known + sims.known;
      report.links = links;
      const result = (): CdrImportReport => ({
        importId: input.dryRun ? null : sink.importId,
        file: file.name,
        bytes: file.bytes,
        sha256,
        encoding: plan.encoding,
        delimiter: plan.delimiter,
        mapping: { columns: plan.mapping.columns, dayFirst: plan.dayFirst, timeZone: parser.zone },
        records: report.records,
        events: writer.written,
        duplicates: writer.duplicates,
        skipped: report.skipped,
        phones: { created: phones.created, known: phones.known, invalid: phones.invalid },
        devices: devices.created + devices.known,
        sims: sims.created + sims.known,
        cells: cells.added,
        links,
        errors: report.errors.map((e) => ({ row: e.row, reason: e.reason, message: e.message })),
        moreErrors: report.moreErrors,
        warnings: report.warnings,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
      await sink.commit(() => {
        const r = result();
        return { ...r, created: report.created, merged: report.merged, entities: report.created + report.merged, errors: r.errors.slice(0, 100) };
      }, job);
      return result();
    } catch (err) {
      sink.rollback();
      throw err;
    }
  });
}

/** Column indexes of the mapping, -1 for a field it does not have. */
type Cols = Record<CdrField, number>;

/** One row of the file into an event (or its reason for being left out). */
class RowReader {
  private readonly col: Cols;
  private readonly width: number;
  private readonly abMode: boolean;
  private shiftedFrom: number | null = null;
  private shifted = 0;
  private readonly reportedInvalid = new Set<string>();
  private unknownKinds = new Map<string, number>();

  constructor(
    plan: Plan,
    private readonly parser: StartParser,
    private readonly phones: EntityBook,
    private readonly devices: EntityBook,
    private readonly sims: EntityBook,
    private readonly cells: CellBook,
    private readonly writer: EventWriter,
    private readonly report: ReportBuilder,
  ) {
    const m = plan.mapping.columns;
    this.col = Object.fromEntries((['caller', 'callee', 'msisdn', 'other', 'direction', 'type', 'start', 'date', 'time', 'duration', 'imei', 'imsi', 'cell', 'calleeCell', 'lac', 'ci', 'latitude', 'longitude'] as const).map((f) => [f, m[f] ? plan.header.indexOf(m[f]) : -1])) as Cols;
    this.width = plan.header.length;
    this.abMode = this.col.caller >= 0 && this.col.callee >= 0;
    if (this.col.type < 0) report.warn('The file has no type column: every record was read as a voice call.');
  }

  read(cells: string[], line: number): void {
    const c = this.col;
    const report = this.report;
    if (cells.length !== this.width) {
      // Tolerate trailing empty cells (a spreadsheet's "CSV" often pads rows), not a real shift.
      const extra = cells.length > this.width && cells.slice(this.width).every((x) => x.trim() === '');
      if (!extra) {
        if (this.shiftedFrom === null) this.shiftedFrom = line;
        this.shifted++;
        return report.skip(line, `${cells.length} columns where the header has ${this.width} (the columns shift here; nothing of the row was read)`);
      }
    }
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const typeRaw = cell(c.type);
    let kind: number = KIND.voice;
    if (c.type >= 0) {
      const k = parseKind(typeRaw);
      if (k === null) {
        if (typeRaw !== '') this.unknownKinds.set(typeRaw, (this.unknownKinds.get(typeRaw) ?? 0) + 1);
        kind = KIND.other;
      } else kind = k;
    }
    const dirRaw = c.direction >= 0 ? cell(c.direction) : typeRaw;
    const direction = parseDirection(dirRaw);
    let callerRaw: string;
    let calleeRaw: string;
    let served: 0 | 1 = 0;
    if (this.abMode) {
      callerRaw = cell(c.caller);
      calleeRaw = cell(c.callee);
      if (direction === 'in') served = 1;
    } else {
      if (direction === null) return report.skip(line, `the direction "${dirRaw}" is neither incoming nor outgoing`);
      const target = cell(c.msisdn);
      const other = cell(c.other);
      [callerRaw, calleeRaw] = direction === 'out' ? [target, other] : [other, target];
      served = direction === 'out' ? 0 : 1;
    }
    if (!/[\p{L}\p{N}]/u.test(callerRaw)) return report.skip(line, 'no caller number');
    const hasCallee = /[\p{L}\p{N}]/u.test(calleeRaw);
    if (!hasCallee && kind !== KIND.data) return report.skip(line, 'no receiver number');
    const start = c.start >= 0 ? this.parser.parse(cell(c.start), c.time >= 0 ? cell(c.time) : undefined) : this.parser.parse(cell(c.date), cell(c.time));
    if (!start.ok) return report.skip(line, start.reason);
    const duration = parseDuration(cell(c.duration));
    if (!duration.ok) return report.skip(line, duration.reason);
    const caller = this.phones.slot(callerRaw);
    const callee = hasCallee ? this.phones.slot(calleeRaw) : null;
    if (callee === caller) report.issue(line, `the caller and the receiver are the same number (${caller.value}): kept as an event, not drawn as a link`);
    const imeiRaw = cell(c.imei);
    const device = imeiRaw !== '' ? this.devices.slot(imeiRaw) : null;
    if (device && !device.valid && !this.reportedInvalid.has(device.value)) {
      this.reportedInvalid.add(device.value);
      report.issue(line, `IMEI ${device.value} fails its check (Luhn or length): kept, flagged invalid`);
    }
    const imsiRaw = cell(c.imsi);
    const sim = imsiRaw !== '' ? this.sims.slot(imsiRaw) : null;
    const callerCellKey = cellKey(cell(c.cell), cell(c.lac), cell(c.ci));
    const calleeCellKey = c.calleeCell >= 0 ? cellKey(cell(c.calleeCell), '', '') : null;
    // The cell of the record is the served party's (the target's), as for its handset and SIM.
    const servedCell = callerCellKey !== null ? this.cells.rid(callerCellKey) : null;
    const otherCell = calleeCellKey !== null ? this.cells.rid(calleeCellKey) : null;
    this.writer.add({
      kind,
      caller,
      callee,
      start: start.value,
      duration: duration.value,
      callerCell: served === 0 ? servedCell : otherCell,
      calleeCell: served === 0 ? otherCell : servedCell,
      device,
      sim,
      served,
    });
  }

  finish(): void {
    if (this.shifted > 10 && this.shiftedFrom !== null) {
      this.report.warn(`From row ${this.shiftedFrom} on, ${this.shifted} rows have a different number of columns than the header: the file may be two exports pasted together; check its columns.`);
    }
    for (const [v, n] of [...this.unknownKinds].slice(0, 10)) this.report.warn(`The type "${v}" (${n} ${n === 1 ? 'row' : 'rows'}) is not a voice call, SMS, MMS or data session: kept as "other".`);
  }
}
