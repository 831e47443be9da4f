import { z } from 'zod';
import { id, method, schemaRef } from '../contract';
import { LINK_SCHEMA_NAMES } from '../catalogue';
import type { AnalysisResult, DisruptionResult, OverTimeResult, PathsResult } from './dto';

// Structure analysis (issue 4). Its methods, with their zod input schemas (shared/api.ts assembles
// every feature's slice into the one contract). Answered by electron/core/analysis.

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
  linkTypes: z.array(schemaRef(LINK_SCHEMA_NAMES)).max(50).optional(),
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

export const analysisApi = {
  /** Measures on the network (a job: progress events, job.cancel); audited with a hash of its input. */
  'analysis.run': method<AnalysisResult>()(analysisRunInput),
  /** Shortest paths, the connecting network among entities, or an N-hop neighbourhood. */
  'analysis.paths': method<PathsResult>()(analysisPathsInput),
  /** Disruption: remove targets, or remove greedily by a strategy, and follow the largest component. */
  'analysis.disrupt': method<DisruptionResult>()(analysisDisruptInput),
  /** Network over time: degree and betweenness per period (links dated in it), and who rose to or fell from broker. */
  'analysis.overTime': method<OverTimeResult>()(analysisOverTimeInput),
} as const;
