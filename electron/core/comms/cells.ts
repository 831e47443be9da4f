import type { CellImportReport } from '../../../shared/comms/dto';
import { CordonError } from '../../../shared/errors';
import { openInput, sha256Of } from '../interchange/files';
import { ReportBuilder } from '../interchange/report';
import { ImportSink } from '../interchange/sink';
import { bomLength, detectEncoding, requireText } from '../interchange/sniff';
import { detectDelimiter, sampleLines } from '../interchange/tabular/detect';
import type { Jobs } from '../jobs';
import type { EntityInput } from '../store/entity-values';
import type { Case } from '../store/case';
import { FastCsvReader, parseQuoted } from './cdr/fast-csv';
import { cellKey } from './cdr/values';

// A cell-site list (CSV: cell identity, latitude, longitude, azimuth, beam width, address,
// operator) into CellSite entities, each joined to the events that name its cell: the cells
// dictionary of migration 014 points at the site, so events imported before or after the list
// meet it.

type CellField = 'cell' | 'lac' | 'ci' | 'name' | 'latitude' | 'longitude' | 'azimuth' | 'beamWidth' | 'address' | 'operator';

const fold = (h: string) => h.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
const WORDS: Record<CellField, readonly string[]> = {
  cell: ['cell', 'cellid', 'cgi', 'ecgi', 'cellidentity', 'cellule', 'idcellule', 'celda', 'idcelda', 'cellname', 'identifiant'],
  lac: ['lac', 'locationareacode', 'tac'],
  ci: ['ci', 'cid'],
  name: ['name', 'site', 'sitename', 'nom', 'nomsite', 'nombre', 'emplazamiento'],
  latitude: ['lat', 'latitude', 'latitud', 'y'],
  longitude: ['lon', 'lng', 'long', 'longitude', 'longitud', 'x'],
  azimuth: ['azimuth', 'azimut', 'azi', 'bearing', 'orientation', 'direction', 'orientacion'],
  beamWidth: ['beamwidth', 'beam', 'width', 'hbw', 'aperture', 'ouverture', 'apertura', 'anchohaz'],
  address: ['address', 'adresse', 'direccion', 'location', 'lieu', 'ubicacion'],
  operator: ['operator', 'network', 'operateur', 'reseau', 'operador', 'red'],
};

function num(v: string, lo: number, hi: number, what: string): { ok: true; value: string | null } | { ok: false; reason: string } {
  const t = v.trim().replace(',', '.');
  if (t === '') return { ok: true, value: null };
  const n = Number(t);
  if (!Number.isFinite(n) || n < lo || n > hi) return { ok: false, reason: `the ${what} "${v.trim()}" is not a number between ${lo} and ${hi}` };
  return { ok: true, value: String(n) };
}

export async function runCellImport(c: Case, jobs: Jobs, input: { path: string; again: boolean }): Promise<CellImportReport> {
  const file = openInput(input.path, 'cells');
  requireText(file.head, 'cells', file.name);
  const detected = detectEncoding(file.head, file.head.length === file.bytes);
  const bom = bomLength(file.head, detected.encoding);
  const text = new TextDecoder(detected.encoding).decode(file.head.subarray(bom));
  const delimiter = detectDelimiter(sampleLines(text)).delimiter;
  const header = (parseQuoted(text, 0, delimiter, true)?.cells ?? []).map((h) => h.trim());
  const col = {} as Record<CellField, number>;
  const folded = header.map(fold);
  for (const f of Object.keys(WORDS) as CellField[]) col[f] = folded.findIndex((h) => WORDS[f].includes(h));
  if (col.cell < 0 && (col.lac < 0 || col.ci < 0)) {
    const placed = new Set(Object.values(col));
    throw new CordonError('INVALID_INPUT', `${file.name} is not a cell-site list Cordon recognises: no cell identity column (cell id, CGI, or LAC and CI). Headers it could not place: ${header.filter((_, i) => !placed.has(i)).join(', ')}.`);
  }
  const sha256 = await sha256Of(file.path);
  if (!input.again && c.db.prepare("SELECT 1 FROM imports WHERE sha256 = ? AND format = 'cells'").get(sha256)) {
    throw new CordonError('CONSTRAINT', `${file.name} was already imported (the same file, by its SHA-256); use --again to import it again.`);
  }
  const report = new ReportBuilder('row');
  return jobs.run(`Import of ${file.name}`, file.bytes, async (job) => {
    const sink = new ImportSink(c, report, { format: 'cells', fileName: file.name, sha256, bytes: file.bytes, spec: undefined, dryRun: false, mapping: { columns: Object.fromEntries(Object.entries(col).filter(([, i]) => i >= 0).map(([f, i]) => [f, header[i]])) } });
    sink.begin();
    try {
      const sourceId = sink.defaultSource();
      const reader = new FastCsvReader(file.path, { encoding: detected.encoding, bom, delimiter, onSkip: (line, m) => report.skip(line, m) });
      const linkCell = c.db.prepare('INSERT INTO comms_cells (cell, site) VALUES (?, ?) ON CONFLICT (cell) DO UPDATE SET site = excluded.site');
      const hadCell = c.db.prepare('SELECT 1 FROM comms_cells WHERE cell = ?').pluck();
      const recordEntity = c.db.prepare('INSERT OR IGNORE INTO import_entities (import_id, entity_id) VALUES (?, ?)');
      let joined = 0;
      let created = 0;
      let merged = 0;
      let pending: Array<{ key: string; input: EntityInput }> = [];
      const flush = () => {
        if (pending.length === 0) return;
        const made = c.entities.createEntities(pending.map((p) => p.input), { audit: false });
        made.forEach((m, i) => {
          const key = pending[i]!.key;
          if (hadCell.get(key)) joined++;
          linkCell.run(key, m.rid);
          recordEntity.run(sink.importId, m.id);
          if (m.created) created++;
          else merged++;
        });
        pending = [];
      };
      let first = true;
      for await (const batch of reader.batches()) {
        for (const { cells, line } of batch) {
          if (first) {
            first = false;
            continue;
          }
          report.records++;
          const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
          const key = cellKey(cell(col.cell), cell(col.lac), cell(col.ci));
          if (key === null) {
            report.skip(line, 'no cell identity');
            continue;
          }
          const lat = num(cell(col.latitude), -90, 90, 'latitude');
          const lon = num(cell(col.longitude), -180, 180, 'longitude');
          const az = num(cell(col.azimuth), 0, 360, 'azimuth');
          const bw = num(cell(col.beamWidth), 0, 360, 'beam width');
          const bad = [lat, lon, az, bw].find((x) => !x.ok);
          if (bad && !bad.ok) {
            report.skip(line, bad.reason);
            continue;
          }
          const props: Record<string, string[]> = { cellId: [key] };
          const put = (p: string, v: string | null) => {
            if (v) props[p] = [v];
          };
          put('latitude', lat.ok ? lat.value : null);
          put('longitude', lon.ok ? lon.value : null);
          put('azimuth', az.ok ? az.value : null);
          put('beamWidth', bw.ok ? bw.value : null);
          put('name', cell(col.name) || null);
          put('address', cell(col.address) || null);
          put('operator', cell(col.operator) || null);
          pending.push({ key, input: { schema: 'CellSite', properties: props, sourceId } });
          if (pending.length >= 1000) flush();
        }
        job.progress(reader.bytesRead, file.bytes);
        await job.checkpoint();
      }
      flush();
      report.created = created;
      report.merged = merged;
      const result = (): CellImportReport => ({
        importId: sink.importId,
        file: file.name,
        records: report.records,
        created,
        merged,
        joined,
        skipped: report.skipped,
        errors: report.errors.map((e) => ({ row: e.row, reason: e.reason, message: e.message })),
        moreErrors: report.moreErrors,
        warnings: report.warnings,
      });
      await sink.commit(() => ({ ...result(), entities: created + merged, links: 0 }), job);
      return result();
    } catch (err) {
      sink.rollback();
      throw err;
    }
  });
}
