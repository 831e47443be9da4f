import type { ExportFormat, ImportFormat } from '../../../../shared/interchange/api';

// The formats Cordon reads and writes, as in the contract (whose values the renderer may not import).

export const IMPORT_FORMATS: readonly ImportFormat[] = ['csv', 'xlsx', 'anx', 'ftm', 'graphml', 'gexf', 'geojson', 'kml'];
export const EXPORT_FORMATS: readonly ExportFormat[] = ['anx', 'ftm', 'graphml', 'gexf', 'csv', 'geojson'];
/** Call-record and cell-site files: the communications importer (issue 17), not the interchange one. */
export const COMMS_FORMATS = ['cdr', 'cells'] as const;
export type CommsFormat = (typeof COMMS_FORMATS)[number];
/** What the wizard can read. */
export type WizardFormat = ImportFormat | CommsFormat;
export const WIZARD_FORMATS: readonly WizardFormat[] = [...IMPORT_FORMATS, ...COMMS_FORMATS];

export function isComms(format: WizardFormat): format is CommsFormat {
  return format === 'cdr' || format === 'cells';
}

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export type Delimiter = (typeof DELIMITERS)[number];

/** Spreadsheets need a mapping; the other formats say what each record is. */
export function isTabular(format: WizardFormat): format is 'csv' | 'xlsx' {
  return format === 'csv' || format === 'xlsx';
}

const BY_EXTENSION: Record<string, ImportFormat> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  xlsx: 'xlsx',
  anx: 'anx',
  xml: 'anx',
  json: 'ftm',
  jsonl: 'ftm',
  ftm: 'ftm',
  ijson: 'ftm',
  graphml: 'graphml',
  gexf: 'gexf',
  geojson: 'geojson',
  kml: 'kml',
};

/** The format a file name suggests (the core checks the content). */
export function formatOfPath(path: string): ImportFormat | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(path.trim());
  return m ? (BY_EXTENSION[m[1]!.toLowerCase()] ?? null) : null;
}

/** The usual file extension of an export format. */
export function extensionOf(format: ExportFormat): string {
  return format === 'ftm' ? 'ftm.json' : format;
}
