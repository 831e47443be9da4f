import { z } from 'zod';
import { bureau, filePath, id, method } from '../contract';
import { gradingSchema } from '../gradingSchema';
import type {
  ActivityResult,
  CdrImportReport,
  CdrPreview,
  CellImportReport,
  ColocationResult,
  CommonResult,
  CommsEventPage,
  FoldResult,
  MovementResult,
  SilenceResult,
  SwapResult,
  TopResult,
} from './dto';
import { CDR_FIELDS } from './dto';

// The communications slice of the contract (issue 17): call-record and cell-site imports, the
// case's default region and time zone, and the analyses of phones. Registered in shared/api.ts
// with one spread line.

const header = z.string().trim().min(1).max(200);
const region = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'a region is a two-letter country code such as FR');
export const timeZone = z.string().trim().min(1).max(100);

/** The mapping of a call-record file: which header holds which field. Printed and saved by an import; given back with --mapping. */
export const cdrMappingSchema = z
  .object({
    version: z.literal(1).default(1),
    columns: z.partialRecord(z.enum(CDR_FIELDS), header),
    /** Slashed dates: 03/04/2024 is 3 April (true, Europe) or March 4 (false). */
    dayFirst: z.boolean().optional(),
    timeZone: timeZone.optional(),
    encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    /** An existing source report by id, or a new one; without, the file gets one graded Admiralty F6. */
    source: z
      .union([
        z.object({ id }).strict(),
        z.object({ title: z.string().trim().min(1).max(500), reference: z.string().trim().max(500).optional(), restrictedTo: z.array(bureau).max(200).optional() }).and(gradingSchema),
      ])
      .optional(),
  })
  .strict();
export type CdrMapping = z.output<typeof cdrMappingSchema>;

const phone = z.string().trim().min(1).max(100);
const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z?)?$/, 'a date is YYYY-MM-DD or YYYY-MM-DDTHH:mm');
/** Restriction of an analysis to the events in a period, and of a minimum grading of their source. */
const range = { from: isoDay.optional(), to: isoDay.optional() };

export const commsApi = {
  'case.setRegion': method<{ region: string | null; timeZone: string | null }>()(z.object({ region: region.nullable(), timeZone: timeZone.nullable().optional() })),
  'comms.importCdr': method<CdrImportReport>()(
    z.object({ path: filePath, mapping: cdrMappingSchema.optional(), timeZone: timeZone.optional(), again: z.boolean().default(false), dryRun: z.boolean().default(false) }),
  ),
  'comms.previewCdr': method<CdrPreview>()(
    z.object({ path: filePath, mapping: cdrMappingSchema.optional(), timeZone: timeZone.optional(), rows: z.number().int().min(0).max(200).default(20) }),
  ),
  'comms.importCells': method<CellImportReport>()(z.object({ path: filePath, again: z.boolean().default(false) })),
  'comms.top': method<TopResult>()(z.object({ phone, top: z.number().int().min(1).max(10_000).default(20), ...range })),
  'comms.common': method<CommonResult>()(z.object({ phones: z.array(phone).min(2).max(50), min: z.number().int().min(1).optional(), ...range })),
  'comms.activity': method<ActivityResult>()(z.object({ phone, timeZone: timeZone.optional(), ...range })),
  'comms.swaps': method<SwapResult>()(z.object({ ...range })),
  'comms.colocation': method<ColocationResult>()(z.object({ phones: z.array(phone).length(2), windowS: z.number().int().min(1).max(7 * 86400).default(900), ...range })),
  'comms.silence': method<SilenceResult>()(z.object({ phone, minGapS: z.number().int().min(60).max(365 * 86400).default(3600), ...range })),
  /** The phone's path through its cell sites in time order, as stays (for the map and the CLI). */
  'comms.movement': method<MovementResult>()(z.object({ phone, ...range })),
  'comms.fold': method<FoldResult>()(z.object({ phoneIds: z.array(id).max(200_000) })),
  'comms.events': method<CommsEventPage>()(
    z.object({
      a: phone,
      b: phone.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(5000).default(200),
      sort: z.enum(['start', 'duration']).default('start'),
      desc: z.boolean().default(false),
      ...range,
    }),
  ),
} as const;
