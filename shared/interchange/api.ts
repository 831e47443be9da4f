import { z } from 'zod';
import { filePath, id, method, schemaRef } from '../contract';
import { ENTITY_SCHEMA_NAMES, LINK_SCHEMA_NAMES } from '../catalogue';
import { sourceInput } from '../entities/api';
import type { ExportReport, ImportRecord, ImportReport, LayoutView, MatchCandidate, MatchCluster, TabularPreview } from './dto';

// Intake and interchange (issue 5): import wizard, exports, matching and merging, imported layouts.
// Its methods, with their zod input schemas (shared/api.ts assembles every feature's slice into the
// one contract). Answered by electron/core/interchange.

// The import specification: what the wizard builds and saves, and the JSON file `cordon import
// --mapping SPEC.json` takes. One row of a spreadsheet becomes up to a few entities (by `key`)
// and the links between them; every value gets the spec's source report and its grading.

export const IMPORT_FORMATS = ['csv', 'xlsx', 'anx', 'ftm', 'graphml', 'gexf', 'geojson', 'kml'] as const;
export const EXPORT_FORMATS = ['anx', 'ftm', 'graphml', 'gexf', 'csv', 'geojson'] as const;
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** A column by its header text, or by position (0 = first) when the file has no header row. */
const columnRef = z.union([z.string().trim().min(1).max(200), z.number().int().min(0).max(10_000)]);
const propName = z.string().trim().min(1).max(100);
const entityKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,39}$/, 'a key is a short name: letters, digits, _ or -');
/** Date patterns: YYYY YY MM M DD D HH H mm ss with any separators, e.g. "DD/MM/YYYY HH:mm". */
export const dateFormatSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^(?:YYYY|YY|MM|M|DD|D|HH|H|mm|ss|[ /.:T,_-])+$/, 'a date format uses YYYY, YY, MM, M, DD, D, HH, H, mm, ss and separators');
export const propertyMappingSchema = z.union([
  z
    .object({
      column: columnRef,
      dateFormat: dateFormatSchema.optional(),
      /** Several values in one cell, e.g. "; ". */
      split: z.string().min(1).max(5).optional(),
    })
    .strict(),
  z.object({ value: z.string().trim().min(1).max(10_000) }).strict(),
]);
export const mappedEntitySchema = z
  .object({
    key: entityKey,
    schema: schemaRef(ENTITY_SCHEMA_NAMES),
    properties: z.record(propName, propertyMappingSchema),
    /** Properties whose values identify the same entity across rows and in the case (e.g. phone). */
    identity: z.array(propName).max(10).default([]),
  })
  .strict();
export const mappedLinkSchema = z
  .object({
    schema: schemaRef(LINK_SCHEMA_NAMES),
    from: entityKey,
    to: entityKey,
    properties: z.record(propName, propertyMappingSchema).default({}),
  })
  .strict();
/** Per-row source reports: these columns, when filled, override the spec's source for that row. */
export const sourceColumnsSchema = z
  .object({
    title: columnRef.optional(),
    reference: columnRef.optional(),
    grade: columnRef.optional(),
    handling: columnRef.optional(),
    reportDate: columnRef.optional(),
  })
  .strict();
export const importSpecSchema = z
  .object({
    version: z.literal(1).default(1),
    name: z.string().trim().max(200).optional(),
    format: z
      .object({
        encoding: z.enum(TEXT_ENCODINGS).optional(),
        delimiter: z.enum(CSV_DELIMITERS).optional(),
        header: z.boolean().optional(),
        sheet: z.string().trim().min(1).max(200).optional(),
        skipRows: z.number().int().min(0).max(1000).optional(),
      })
      .strict()
      .default({}),
    /** An existing source report by id, or a new one. Without either, one graded Admiralty F6
     * ("cannot be judged") is created for the file: nothing enters the case without a source. */
    source: z.union([z.object({ id }).strict(), sourceInput]).optional(),
    sourceColumns: sourceColumnsSchema.optional(),
    entities: z.array(mappedEntitySchema).max(20).default([]),
    links: z.array(mappedLinkSchema).max(20).default([]),
  })
  .strict();
export type ImportSpec = z.output<typeof importSpecSchema>;
export type ImportSpecInput = z.input<typeof importSpecSchema>;

const importFormat = z.enum(IMPORT_FORMATS);
const selection = z
  .object({
    /** A search (as in the search box): the matches and the links among them. */
    query: z.string().trim().min(1).max(500).optional(),
    /** Explicit entities (e.g. what a chart shows) and the links among them. */
    ids: z.array(id).max(100_000).optional(),
  })
  .strict();

export const interchangeApi = {
  /** The wizard's first step: detected encoding, delimiter and header, and the first rows. */
  'import.preview': method<TabularPreview>()(
    z.object({
      path: filePath,
      format: z.enum(['csv', 'xlsx']),
      encoding: z.enum(TEXT_ENCODINGS).optional(),
      delimiter: z.enum(CSV_DELIMITERS).optional(),
      header: z.boolean().optional(),
      sheet: z.string().trim().min(1).max(200).optional(),
      rows: z.number().int().min(1).max(200).default(20),
    }),
  ),
  /** The import run on the first `limit` rows (or records) and rolled back: what would be created. */
  'import.dryRun': method<ImportReport>()(
    z.object({ path: filePath, format: importFormat, spec: importSpecSchema.optional(), limit: z.number().int().min(1).max(100_000).default(1000) }),
  ),
  /** The import, as a job (progress events, job.cancel): one transaction, a report. */
  'import.run': method<ImportReport>()(z.object({ path: filePath, format: importFormat, spec: importSpecSchema.optional() })),
  'import.saveSpec': method<{ path: string }>()(z.object({ path: filePath, spec: importSpecSchema, overwrite: z.boolean().default(false) })),
  'import.loadSpec': method<ImportSpec>()(z.object({ path: filePath })),
  'import.list': method<ImportRecord[]>()(z.object({})),
  /** An export, as a job (progress events, job.cancel): a cancelled or failed export leaves no file. */
  'export.run': method<ExportReport>()(
    z.object({
      path: filePath,
      format: z.enum(EXPORT_FORMATS),
      select: selection.optional(),
      /** H2 / TLP:RED values are left out unless this is set (and the export then says so). */
      includeRestricted: z.boolean().default(false),
      overwrite: z.boolean().default(false),
    }),
  ),
  /** Possible duplicates, best first, with the reasons; pairs judged "not same" never return. */
  'match.candidates': method<MatchCandidate[]>()(
    z.object({
      entityId: id.optional(),
      schema: schemaRef(ENTITY_SCHEMA_NAMES).optional(),
      minScore: z.number().min(0).max(1).default(0.7),
      limit: z.number().int().min(1).max(1000).default(50),
    }),
  ),
  'match.judge': method<MatchCluster>()(
    z.object({
      a: id,
      b: id,
      decision: z.enum(['same', 'not_same', 'unsure']),
      score: z.number().min(0).max(1).optional(),
      reasons: z.array(z.string().max(200)).max(20).default([]),
    }),
  ),
  /** Undoes "same" for this entity: it leaves its cluster (its statements never moved). */
  'match.split': method<MatchCluster>()(z.object({ id })),
  /** The merged view: every member's statements, as one entity. */
  'match.cluster': method<MatchCluster>()(z.object({ id })),
  'layout.list': method<LayoutView[]>()(z.object({})),
  'layout.get': method<LayoutView>()(z.object({ id })),
} as const;
