import { z } from 'zod';
import { filePath, id, method, schemaRef } from '../contract';
import { LINK_SCHEMA_NAMES } from '../catalogue';
import type { ChartData, ChartElements, ChartSummary, ExpandPreview } from './dto';

// Link charts (issue 3). Its methods, with their zod input schemas (shared/api.ts assembles every
// feature's slice into the one contract). Answered by electron/core/charts.

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
  /** "Show people, not phones" (issue 17): each phone folded into its one user, the calls carried over. */
  foldPhones: z.boolean().optional(),
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

export const chartsApi = {
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
      linkTypes: z.array(schemaRef(LINK_SCHEMA_NAMES)).max(50).optional(),
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
} as const;
