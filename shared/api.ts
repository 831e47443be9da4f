import { z } from 'zod';
import { bureau, filePath, id, method, passphrase, propValues } from './contract';
import type { ExportResult, HandlingReview, ImportPreview, ImportResult, OfficerView, PackageLedgerRow, ProjectDetail, ProjectView } from './dto';
import type { ReceivedPlanDetail, ReceivedPlanSummary } from './dto';
import { ALL_SCHEMATA, ENTITY_SCHEMA_NAMES, LINK_SCHEMA_NAMES } from './catalogue';
import { gradingSchema } from './gradingSchema';
import type { EventNameConst } from './channels';
import type { AnalysisResult, DisruptionResult, OverTimeResult, PathsResult } from './dto';
import type { ChartData, ChartElements, ChartSummary, ExpandPreview } from './dto';
import type {
  ActionItemView,
  AgendaItemView,
  BriefingResult,
  DeconflictionRow,
  DecisionView,
  MeetingDetail,
  MeetingSummary,
  OpenActionItem,
  OperationDetail,
  OperationResults,
  OperationResultView,
  OperationSummary,
} from './dto';
import type {
  ExportReport,
  ImportRecord,
  ImportReport,
  LayoutView,
  MatchCandidate,
  MatchCluster,
  TabularPreview,
} from './dto';
import type {
  AuditRow,
  AuditVerdict,
  CaseInfo,
  EntityDetail,
  EntityPage,
  RecentCase,
  SearchResult,
  SourceView,
} from './dto';

// The one contract between the renderer and the core (DESIGN.md §2). The preload, the main-process
// router, the Playwright bridge and the CLI are all typed by this table; nothing else names a
// method or a channel.

const schemaName = z.enum(ALL_SCHEMATA.map((s) => s.name) as [string, ...string[]]);

export const sourceInput = z
  .object({
    title: z.string().trim().min(1).max(500),
    reference: z.string().trim().max(500).optional(),
    reportDate: z.string().trim().max(40).optional(),
    restrictedTo: z.array(bureau).max(200).optional(),
  })
  .and(gradingSchema);

// ---- Intake and interchange (issue 5) -------------------------------------------------------
// The import specification: what the wizard builds and saves, and the JSON file `cordon import
// --mapping SPEC.json` takes. One row of a spreadsheet becomes up to a few entities (by `key`)
// and the links between them; every value gets the spec's source report and its grading.

export const IMPORT_FORMATS = ['csv', 'xlsx', 'anx', 'ftm', 'graphml', 'gexf'] as const;
export const EXPORT_FORMATS = ['anx', 'ftm', 'graphml', 'gexf', 'csv'] as const;
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
    schema: z.enum(ENTITY_SCHEMA_NAMES as [string, ...string[]]),
    properties: z.record(propName, propertyMappingSchema),
    /** Properties whose values identify the same entity across rows and in the case (e.g. phone). */
    identity: z.array(propName).max(10).default([]),
  })
  .strict();
export const mappedLinkSchema = z
  .object({
    schema: z.enum(LINK_SCHEMA_NAMES as [string, ...string[]]),
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

// ---- Structure analysis (issue 4) ----------------------------------------------------------
// Scope of an analysis: the whole case or given entities (a chart, a selection), which links
// count, and how. See electron/core/analysis/case-graph.ts and grade.ts for the exact rules.
export const ANALYSIS_MEASURES = ['degree', 'betweenness', 'closeness', 'eigenvector', 'pagerank', 'kcore', 'louvain', 'cuts'] as const;
const analysisDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');
const analysisScope = z.object({
  /** Absent: the whole case. Present: exactly these entities and the links among them. */
  entityIds: z.array(id).max(200_000).optional(),
  linkTypes: z.array(z.enum(LINK_SCHEMA_NAMES as [string, ...string[]])).max(50).optional(),
  /** e.g. {grade: "B2"}: source letter and information digit both at least as good, per scheme. */
  minGrade: z
    .object({ grade: z.string().trim().toUpperCase().length(2), scheme: z.enum(['eu4x4', 'admiralty', 'uk3x5x2']).optional() })
    .optional(),
  /** A date (YYYY, YYYY-MM or YYYY-MM-DD): only links active then. */
  asOf: analysisDate.optional(),
  directed: z.boolean().default(false),
  /** Weighted by link strength (call count, strength): path lengths 1/strength. */
  weighted: z.boolean().default(false),
});
export const analysisRunInput = analysisScope.extend({
  measures: z.array(z.enum(ANALYSIS_MEASURES)).min(1).default([...ANALYSIS_MEASURES]),
  /** How many entities per measure in the key-players report. */
  top: z.number().int().min(1).max(1000).default(10),
  /** Betweenness: exact by default up to 50,000 entities, sampled above; force either here. */
  betweennessSamples: z.number().int().min(10).max(10_000_000).optional(),
  exactBetweenness: z.boolean().optional(),
});
export const analysisPathsInput = analysisScope.extend({
  kind: z.enum(['shortest', 'connecting', 'neighbourhood']),
  from: id.optional(),
  to: id.optional(),
  /** connecting / neighbourhood: the entities to connect or start from. */
  members: z.array(id).max(500).optional(),
  hops: z.number().int().min(1).max(6).default(1),
  /** hops; strength (1/strength); grading (prefer well-sourced links). */
  weighting: z.enum(['hops', 'strength', 'grading']).default('hops'),
  limit: z.number().int().min(1).max(1000).default(20),
});
export const analysisDisruptInput = analysisScope.extend({
  strategy: z.enum(['betweenness', 'degree', 'ci', 'targets']),
  mode: z.enum(['sequential', 'block']).default('sequential'),
  blockSize: z.number().int().min(1).max(1000).default(5),
  /** At most this many steps (default: until the network is broken into single entities). */
  steps: z.number().int().min(1).max(100_000).optional(),
  targets: z.array(id).max(10_000).optional(),
});

/** At most this many periods in one network-over-time run. */
export const MAX_PERIODS = 120;
export const analysisOverTimeInput = analysisScope.omit({ asOf: true }).extend({
  /** month / quarter: from the first dated link to the last; spans: each distinct span written on
   * the links (the case's own phases, e.g. CAVIAR's eleven); or the windows given. */
  periods: z.union([
    z.enum(['month', 'quarter', 'spans']),
    z
      .array(
        z
          .object({ label: z.string().trim().min(1).max(100), from: analysisDate, to: analysisDate })
          // Compared on the common prefix, as the links' dates are (1995 ≤ 1995-03).
          .refine((w) => w.to.slice(0, w.from.length) >= w.from.slice(0, w.to.length), 'a period ends before it starts'),
      )
      .min(1)
      .max(MAX_PERIODS),
  ]),
  /** A "broker" in a period: among the top this many by betweenness (and above zero). */
  top: z.number().int().min(1).max(1000).default(10),
});

/** What an exchange package covers (issue 6). */
const packageScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('entities'), ids: z.array(id).min(1).max(1_000_000) }),
  z.object({ kind: z.literal('search'), query: z.string().trim().min(1).max(500) }),
  z.object({ kind: z.literal('project'), id }),
  z.object({ kind: z.literal('changed') }),
]);
/** Operation plans shared in the package (issue 7), only with bureaus taking part in them. */
const packageOperations = z.array(id).max(100).default([]);

// ---- Link charts (issue 3) -----------------------------------------------------------------
// A chart is a saved view over the case: items (entities with positions, pins, styles, hidden
// flags, group) and one settings document (filters, groups, styling rules, viewport). Saves come
// in batches (`chart.save`), never one call per dragged node.
const chartDate = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');
const chartColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');
export const chartItemSchema = z.object({
  entityId: id,
  x: z.number().finite().min(-1e7).max(1e7),
  y: z.number().finite().min(-1e7).max(1e7),
  pinned: z.boolean().default(false),
  hidden: z.boolean().default(false),
  style: z.object({ colour: chartColour.optional(), size: z.number().min(0.25).max(8).optional() }).default({}),
  group: z.string().trim().min(1).max(200).nullable().default(null),
});
export const CHART_RULE_KINDS = ['size', 'colour', 'badge'] as const;
export const chartSettingsSchema = z.object({
  /** Filtered-out items: greyed, or removed from the drawing (their places are kept either way). */
  hideMode: z.enum(['grey', 'remove']).default('grey'),
  /** Several links between one pair: drawn apart, or as one line with a count. */
  mergeParallel: z.boolean().default(false),
  filters: z
    .object({
      /** Entity and link types filtered out. */
      hiddenTypes: z.array(z.string().max(100)).max(100).default([]),
      hiddenLinkTypes: z.array(z.string().max(100)).max(100).default([]),
      /** "As of": links active on this date; entities left without an active link fade too. */
      asOf: chartDate.nullable().default(null),
      minGrade: z.string().trim().toUpperCase().length(2).nullable().default(null),
      search: z.string().max(200).default(''),
    })
    .default({ hiddenTypes: [], hiddenLinkTypes: [], asOf: null, minGrade: null, search: '' }),
  /** Compound boxes: an organisation's members, or any named set. */
  groups: z
    .array(z.object({ id: z.string().trim().min(1).max(200), label: z.string().max(200), orgId: id.nullable().default(null), collapsed: z.boolean().default(false) }))
    .max(10_000)
    .default([]),
  /** Conditional styling (i2 "conditional formatting") over a node measure, e.g. an analysis column. */
  rules: z
    .array(
      z.object({
        kind: z.enum(CHART_RULE_KINDS),
        /** A numeric or categorical value carried by the nodes (e.g. "betweenness", "community"). */
        measure: z.string().trim().min(1).max(50),
        /** badge: shown when the value is at least this (flags: 1). */
        threshold: z.number().optional(),
      }),
    )
    .max(50)
    .default([]),
  viewport: z.object({ zoom: z.number().positive().max(100), x: z.number().finite(), y: z.number().finite() }).nullable().default(null),
});
export type ChartSettings = z.output<typeof chartSettingsSchema>;
export type ChartItemInput = z.input<typeof chartItemSchema>;
const chartName = z.string().trim().min(1).max(200);

// ---- Meetings and joint operations (issue 7) ------------------------------------------------
/** A calendar day, YYYY-MM-DD, that exists (no 2025-02-30). */
const calendarDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'not a day of the calendar');
/** "Now" for warnings and overdue flags: an ISO date or date-time (default: the clock). */
const asOfInput = z
  .string()
  .trim()
  .max(40)
  .refine((d) => !Number.isNaN(Date.parse(d)), 'as-of is an ISO date or date-time')
  .optional();
const coopTitle = z.string().trim().min(1).max(500);
const coopText = z.string().trim().min(1).max(20_000);
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export const OPERATION_STATUSES = ['planning', 'approved', 'executing', 'concluded'] as const;
export const RESULT_KINDS = ['arrest', 'seizure', 'freeze'] as const;
export const operationTargetInput = z.object({
  entityId: id,
  reason: z.string().trim().max(2000).default(''),
  bureau,
});
export const actionDayEventInput = z.object({
  bureau,
  /** An IANA zone, e.g. Europe/Rome (checked against the runtime's zone database). */
  timeZone: z.string().trim().min(1).max(100),
  /** Wall-clock time in that zone: YYYY-MM-DDTHH:mm. */
  local: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local time is YYYY-MM-DDTHH:mm'),
  label: coopTitle,
});
export const operationResultInput = z
  .object({
    operationId: id,
    entityId: id.optional(),
    /** The country (bureau) where it happened. */
    bureau,
    kind: z.enum(RESULT_KINDS),
    type: z.string().trim().max(200).default(''),
    quantity: z.number().finite().min(0).optional(),
    unit: z.string().trim().max(50).default(''),
    value: z.number().finite().min(0).optional(),
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'a currency is an ISO 4217 code such as EUR').optional(),
    note: z.string().trim().max(5000).default(''),
  })
  .refine((r) => (r.value === undefined) === (r.currency === undefined), { message: 'a value needs its currency, and a currency a value', path: ['currency'] })
  .refine((r) => r.kind !== 'seizure' || r.type !== '', { message: 'a seizure needs its type (drugs, cash, firearms…)', path: ['type'] })
  .refine((r) => r.kind !== 'arrest' || r.entityId !== undefined, { message: 'an arrest names the person arrested (entityId)', path: ['entityId'] });

/** Methods the core answers (in its worker in the app, in-process in the CLI and the bridge). */
export const coreApi = {
  'case.create': method<CaseInfo>()(
    z.object({ path: filePath, passphrase, name: z.string().trim().min(1).max(200), bureau }),
  ),
  'case.open': method<CaseInfo>()(z.object({ path: filePath, passphrase })),
  'case.openDemo': method<CaseInfo>()(z.object({})),
  'case.close': method<null>()(z.object({})),
  'case.info': method<CaseInfo | null>()(z.object({})),
  'case.recent': method<RecentCase[]>()(z.object({})),
  'case.lock': method<null>()(z.object({})),
  'case.unlock': method<CaseInfo>()(z.object({ passphrase })),
  'case.setIdleLock': method<CaseInfo>()(z.object({ minutes: z.number().int().min(1).max(24 * 60) })),

  'entity.list': method<EntityPage>()(
    z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
      schema: z.enum(ENTITY_SCHEMA_NAMES as [string, ...string[]]).optional(),
    }),
  ),
  'entity.get': method<EntityDetail>()(z.object({ id })),
  'entity.create': method<{ id: string }>()(
    z.object({
      schema: z.enum(ENTITY_SCHEMA_NAMES as [string, ...string[]]),
      properties: propValues,
      sourceId: id.optional(),
    }),
  ),
  'entity.update': method<EntityDetail>()(
    z.object({
      id,
      add: z.array(z.object({ prop: z.string().min(1).max(100), value: z.string().max(10_000) })).max(1000).default([]),
      retract: z.array(z.number().int().positive()).max(1000).default([]),
      sourceId: id.optional(),
    }),
  ),
  'entity.delete': method<null>()(z.object({ id })),
  'link.create': method<{ id: string }>()(
    z.object({
      schema: z.enum(LINK_SCHEMA_NAMES as [string, ...string[]]),
      from: id,
      to: id,
      properties: propValues.default({}),
      sourceId: id.optional(),
    }),
  ),
  'source.create': method<{ id: string }>()(sourceInput),
  'source.list': method<SourceView[]>()(z.object({})),
  'source.get': method<SourceView>()(z.object({ id })),
  search: method<SearchResult[]>()(
    z.object({
      query: z.string().max(500),
      limit: z.number().int().min(1).max(500).default(50),
      schema: schemaName.optional(),
    }),
  ),
  'audit.list': method<{ total: number; rows: AuditRow[] }>()(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
  ),
  'audit.verify': method<AuditVerdict>()(z.object({})),
  /** Cancels a running job (its id comes with its progress events). Answered at once. */
  'job.cancel': method<{ cancelled: boolean }>()(z.object({ job: z.string().uuid() })),

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
      schema: z.enum(ENTITY_SCHEMA_NAMES as [string, ...string[]]).optional(),
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
  /** Measures on the network (a job: progress events, job.cancel); audited with a hash of its input. */
  'analysis.run': method<AnalysisResult>()(analysisRunInput),
  /** Shortest paths, the connecting network among entities, or an N-hop neighbourhood. */
  'analysis.paths': method<PathsResult>()(analysisPathsInput),
  /** Disruption: remove targets, or remove greedily by a strategy, and follow the largest component. */
  'analysis.disrupt': method<DisruptionResult>()(analysisDisruptInput),
  /** Network over time: degree and betweenness per period (links dated in it), and who rose to or fell from broker. */
  'analysis.overTime': method<OverTimeResult>()(analysisOverTimeInput),

  // ---- Exchange between contact officers (issue 6, DESIGN.md §6) ----
  /** This workstation's officer: generates its keys (private halves only inside the case). */
  'officer.init': method<OfficerView>()(
    z.object({
      bureau,
      name: z.string().trim().min(1).max(200),
      role: z.string().trim().max(200).optional(),
      languages: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
      phone: z.string().trim().max(100).optional(),
      email: z.string().trim().max(200).optional(),
      country: z.string().trim().max(100).optional(),
      bureauName: z.string().trim().max(200).optional(),
      validDays: z.number().int().min(1).max(3650).optional(),
    }),
  ),
  'officer.me': method<OfficerView | null>()(z.object({})),
  'officer.list': method<OfficerView[]>()(z.object({})),
  'officer.get': method<OfficerView>()(z.object({ id })),
  /** Writes "my contact card" (signed JSON) to a file, e.g. on removable media. */
  'officer.exportCard': method<{ path: string; fingerprint: string; fingerprintGroups: string }>()(z.object({ path: filePath })),
  /** Adds a partner's card after checking its self-signature; unverified unless `verified`. */
  'officer.importCard': method<OfficerView>()(z.object({ path: filePath, verified: z.boolean().default(false) })),
  /** Marks a key verified; with `fingerprint` (as read aloud), only if it matches. */
  'officer.verify': method<OfficerView>()(z.object({ id, fingerprint: z.string().trim().max(200).optional() })),
  'officer.revoke': method<OfficerView>()(z.object({ id, reason: z.string().trim().min(1).max(500) })),
  'project.create': method<ProjectView>()(
    z.object({ name: z.string().trim().min(1).max(200), scope: z.string().trim().max(4000).default(''), bureaus: z.array(bureau).max(200).default([]) }),
  ),
  'project.list': method<ProjectView[]>()(z.object({})),
  'project.get': method<ProjectDetail>()(
    z.object({ id, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
  ),
  'project.addItems': method<ProjectView>()(
    z.object({ id, entityIds: z.array(id).max(100_000).default([]), sourceIds: z.array(id).max(100_000).default([]) }),
  ),
  'project.removeItems': method<ProjectView>()(
    z.object({ id, entityIds: z.array(id).max(100_000).default([]), sourceIds: z.array(id).max(100_000).default([]) }),
  ),
  /** The handling review: what an export would send and withhold, and why. Writes nothing. */
  'package.review': method<HandlingReview>()(z.object({ to: z.array(id).min(1).max(64), scope: packageScope, operations: packageOperations })),
  'package.export': method<ExportResult>()(
    z.object({ path: filePath, to: z.array(id).min(1).max(64), scope: packageScope, project: id.optional(), operations: packageOperations }),
  ),
  /** Every check, then the preview (contents and matches). Writes only the audit row. */
  'package.verify': method<ImportPreview>()(z.object({ path: filePath })),
  'package.import': method<ImportResult>()(
    z.object({ path: filePath, accept: z.union([z.literal('all'), z.object({ entities: z.array(id).max(1_000_000) })]) }),
  ),
  /** A signed receipt for an imported package, addressed to its sender. */
  'package.receipt': method<{ packageId: string; path: string; bytes: number }>()(z.object({ packageId: z.string().uuid(), path: filePath })),
  'package.list': method<PackageLedgerRow[]>()(z.object({})),
  /** Operation plans received from other bureaus (read-only), newest first. */
  'package.receivedPlans': method<ReceivedPlanSummary[]>()(z.object({})),
  'package.receivedPlan': method<ReceivedPlanDetail>()(z.object({ id })),

  // ---- Link charts (issue 3) ----
  'chart.list': method<ChartSummary[]>()(z.object({})),
  /**
   * A new chart: empty, adopting an imported layout (its entities and positions), or holding what
   * one import brought (laid out by the core when the file had no positions).
   */
  'chart.create': method<ChartSummary>()(
    z
      .object({ name: chartName, layoutId: id.optional(), importId: id.optional() })
      .refine((v) => !(v.layoutId && v.importId), { message: 'a chart starts from a layout or from an import, not both', path: ['importId'] }),
  ),
  'chart.rename': method<ChartSummary>()(z.object({ id, name: chartName })),
  'chart.delete': method<null>()(z.object({ id })),
  /** The chart with its entities and the links among them; deleted entities are dropped with a notice. */
  'chart.open': method<ChartData & { chart: { settings: ChartSettings } }>()(z.object({ id })),
  /** One batch of item changes (and optionally the settings), in one transaction. */
  'chart.save': method<ChartSummary>()(
    z.object({
      id,
      upsert: z.array(chartItemSchema).max(200_000).default([]),
      remove: z.array(id).max(200_000).default([]),
      settings: chartSettingsSchema.optional(),
    }),
  ),
  /** Drawing data for entities about to be added: them, and their links to each other and to `withIds`. */
  'chart.elements': method<ChartElements>()(z.object({ entityIds: z.array(id).max(200_000), withIds: z.array(id).max(200_000).default([]) })),
  /** Neighbours N hops out, filtered; counted (and listed) before anything is added. */
  'chart.expand': method<ExpandPreview>()(
    z.object({
      from: z.array(id).min(1).max(20_000),
      hops: z.number().int().min(1).max(6).default(1),
      linkTypes: z.array(z.enum(LINK_SCHEMA_NAMES as [string, ...string[]])).max(50).optional(),
      minGrade: z.object({ grade: z.string().trim().toUpperCase().length(2), scheme: z.enum(['eu4x4', 'admiralty', 'uk3x5x2']).optional() }).optional(),
      /** Links active at some time in [dateFrom, dateTo]; undated links always count. */
      dateFrom: chartDate.optional(),
      dateTo: chartDate.optional(),
      /** Already on the chart: not counted, still walked through. */
      exclude: z.array(id).max(200_000).default([]),
      limit: z.number().int().min(1).max(100_000).default(20_000),
    }),
  ),
  /** Writes an exported picture of a chart (PNG as base64, SVG as text); audited with its handling. */
  'chart.export': method<{ path: string; bytes: number }>()(
    z.object({
      id,
      path: filePath,
      format: z.enum(['png', 'svg']),
      data: z.string().min(1).max(300_000_000),
      handling: z.string().max(50).nullable().default(null),
      tlp: z.string().max(20).nullable().default(null),
      overwrite: z.boolean().default(false),
    }),
  ),
  // Meetings (issue 7). Two bureaus make a bilateral meeting, three or more a multilateral one.
  'meeting.create': method<MeetingDetail>()(
    z.object({
      title: coopTitle,
      date: calendarDay,
      place: z.string().trim().max(500).default(''),
      bureaus: z.array(bureau).min(2).max(64),
      officers: z.array(id).max(500).default([]),
      projectId: id.optional(),
    }),
  ),
  'meeting.list': method<MeetingSummary[]>()(z.object({})),
  'meeting.get': method<MeetingDetail>()(z.object({ id })),
  /** An agenda item about entities, charts and analysis runs (by the run's audit sequence number). */
  'meeting.addItem': method<AgendaItemView>()(
    z.object({
      meetingId: id,
      title: coopTitle,
      entities: z.array(id).max(10_000).default([]),
      charts: z.array(id).max(100).default([]),
      analyses: z.array(z.number().int().min(1)).max(100).default([]),
    }),
  ),
  'meeting.setMinutes': method<AgendaItemView>()(z.object({ itemId: id, minutes: z.string().max(200_000) })),
  'meeting.addDecision': method<DecisionView>()(z.object({ meetingId: id, itemId: id.optional(), text: coopText })),
  'meeting.addAction': method<ActionItemView>()(
    z.object({ meetingId: id, itemId: id.optional(), title: coopTitle, ownerBureau: bureau, due: calendarDay }),
  ),
  'meeting.setActionStatus': method<ActionItemView>()(z.object({ id, status: z.enum(ACTION_STATUSES) })),
  /** The briefing pack as a PDF; `for` a participant bureau leaves out the items it may not see. */
  'meeting.briefing': method<BriefingResult>()(
    z.object({ meetingId: id, path: filePath, for: bureau.optional(), overwrite: z.boolean().default(false) }),
  ),
  /** Open and in-progress action items of every meeting, earliest due first; overdue ones flagged. */
  'meeting.openActions': method<OpenActionItem[]>()(z.object({ asOf: asOfInput })),

  // Joint operations (issue 7). Every change answers the operation as opened, with its warnings.
  'operation.create': method<OperationDetail>()(
    z.object({
      name: coopTitle,
      codeWord: z.string().trim().max(100).default(''),
      leadBureau: bureau,
      bureaus: z.array(bureau).max(64).default([]),
      agencies: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
      projectId: id.optional(),
    }),
  ),
  'operation.list': method<OperationSummary[]>()(z.object({})),
  /** The operation with its warnings: merged or deleted targets, deconfliction, a past action day, overlapping phases. */
  'operation.open': method<OperationDetail>()(z.object({ id, asOf: asOfInput })),
  /** planning → approved → executing → concluded, one step at a time. */
  'operation.setStatus': method<OperationDetail>()(z.object({ id, status: z.enum(OPERATION_STATUSES) })),
  /** Adds targets (from a chart selection or a disruption result): all or none. */
  'operation.addTargets': method<OperationDetail>()(z.object({ id, targets: z.array(operationTargetInput).min(1).max(10_000) })),
  'operation.removeTarget': method<OperationDetail>()(z.object({ id, entityId: id })),
  'operation.addPhase': method<OperationDetail>()(z.object({ operationId: id, name: coopTitle, start: calendarDay, end: calendarDay })),
  'operation.addTask': method<OperationDetail>()(
    z.object({
      operationId: id,
      phaseId: id.optional(),
      title: coopTitle,
      owner: z.string().trim().min(1).max(200),
      start: calendarDay,
      end: calendarDay,
      dependsOn: z.array(id).max(500).default([]),
    }),
  ),
  /** Renames or moves a phase (a dragged bar sends both dates); overlaps are warned on opening. */
  'operation.updatePhase': method<OperationDetail>()(
    z.object({ id, name: coopTitle.optional(), start: calendarDay.optional(), end: calendarDay.optional() }),
  ),
  /** Edits a task: what is given changes. `dependsOn` replaces the list; a cycle is refused. */
  'operation.updateTask': method<OperationDetail>()(
    z.object({
      id,
      title: coopTitle.optional(),
      owner: z.string().trim().min(1).max(200).optional(),
      start: calendarDay.optional(),
      end: calendarDay.optional(),
      phaseId: id.nullable().optional(),
      dependsOn: z.array(id).max(500).optional(),
    }),
  ),
  /** `taskId` cannot start until `dependsOn` is done; a dependency that closes a cycle is refused. */
  'operation.addDependency': method<OperationDetail>()(z.object({ taskId: id, dependsOn: id })),
  /** Sets the action day and replaces its per-country timeline (wall-clock times in IANA zones). */
  'operation.setActionDay': method<OperationDetail>()(
    z.object({ id, date: calendarDay.nullable(), timeline: z.array(actionDayEventInput).max(1000).default([]) }),
  ),
  'operation.recordResult': method<OperationResultView>()(operationResultInput),
  /** Results per target and per country, and the network after the operation against the plan. */
  'operation.results': method<OperationResults>()(z.object({ id })),
  /** Entities targeted by two operations, or targeted by one and the subject of another bureau's restricted information. */
  'deconfliction.list': method<DeconflictionRow[]>()(z.object({})),
} as const;

/** Methods the host process answers itself (a native file dialog in the app). */
export const hostApi = {
  'dialog.pickCaseFile': method<{ path: string | null }>()(z.object({ mode: z.enum(['create', 'open']) })),
} as const;

export const api = { ...coreApi, ...hostApi } as const;

export type Api = typeof api;
export type Method = keyof Api;
export type Input<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = Exclude<Api[M]['_output'], undefined>;
export type CoreMethod = keyof typeof coreApi;
export type HostMethod = keyof typeof hostApi;

export const METHODS = Object.keys(api) as Method[];
export const CORE_METHODS = Object.keys(coreApi) as CoreMethod[];
export const HOST_METHODS = Object.keys(hostApi) as HostMethod[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** The implementations of the core methods: what the worker, the bridge and the CLI serve. */
export type Handlers = { [M in CoreMethod]: (input: ParsedInput<M>) => Promise<Output<M>> };
export type HostHandlers = { [M in HostMethod]: (input: ParsedInput<M>) => Promise<Output<M>> };

export function isCoreMethod(name: unknown): name is CoreMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(coreApi, name);
}

// Events flow from the core to the renderer through one typed subscription.
export const events = {
  progress: z.object({
    job: z.string(),
    label: z.string(),
    done: z.number(),
    total: z.number(),
    state: z.enum(['running', 'saving', 'done', 'cancelled', 'failed']),
  }),
  locked: z.object({ reason: z.enum(['idle', 'user']) }),
  closed: z.object({}),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** The IPC channel names: defined once (shared/channels.ts), used by the preload and the main router. */
export { CHANNELS, EVENT_NAMES } from './channels';
// Compile-time check that the preload's event list is exactly the contract's.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _eventsMatch: Same<EventName, EventNameConst> = true;
void _eventsMatch;

/** What a transport returns: a result or an error payload, never a thrown exception. */
export type CallResult<M extends Method> = { ok: true; value: Output<M> } | { ok: false; error: import('./errors').ErrorPayload };

/** The object the preload exposes as `window.cordon` (and the bridge installs in tests). */
export interface CordonBridge {
  call<M extends Method>(method: M, input: Input<M>): Promise<CallResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
