import type { TimelinePeriod } from '../../../shared/timeline/dto';

// Gaps and bursts of one theme line (issue 18): a phone going silent before a shipment, a flurry
// of calls the day before. Pure: sorted instants in, periods out (instants, ms UTC).

export interface Rhythm {
  /** Silences longer than `gapMs`: from the end of the last event before (a lasting one counts to
   * its end) to the first event after. */
  gaps: Array<{ from: number; to: number }>;
  /** Runs of buckets (days) with at least `factor` × the line's usual count and at least `minCount` events. */
  bursts: Array<{ from: number; to: number; count: number; usual: number }>;
}

export interface RhythmOptions {
  gapMs: number;
  /** The start of the bucket (a day in the officer's zone) holding an instant. */
  bucketOf: (t: number) => number;
  factor?: number;
  minCount?: number;
}

/** The usual count of a line: the median of its busy buckets' counts (robust to the burst itself). */
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? 0 : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** `ends[i]`, when given, is when the event starting at `times[i]` ends (a phase, a membership). */
export function rhythm(times: readonly number[], opts: RhythmOptions, ends?: readonly number[]): Rhythm {
  const factor = opts.factor ?? 3;
  const minCount = opts.minCount ?? 5;
  const gaps: Rhythm['gaps'] = [];
  let reach = times.length ? Math.max(times[0]!, ends?.[0] ?? times[0]!) : 0;
  for (let i = 1; i < times.length; i++) {
    if (times[i]! - reach > opts.gapMs) gaps.push({ from: reach, to: times[i]! });
    reach = Math.max(reach, times[i]!, ends?.[i] ?? times[i]!);
  }

  // Buckets in order, with the first and last event of each.
  const buckets: Array<{ key: number; count: number; first: number; last: number }> = [];
  for (const t of times) {
    const key = opts.bucketOf(t);
    const b = buckets.at(-1);
    if (b && b.key === key) {
      b.count++;
      b.last = t;
    } else buckets.push({ key, count: 1, first: t, last: t });
  }
  const usual = median(buckets.map((b) => b.count));
  const bursts: Rhythm['bursts'] = [];
  let prevKey: number | null = null;
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i]!;
    if (b.count < minCount || b.count < factor * usual) continue;
    const run = bursts.at(-1);
    // Consecutive busy buckets (no quiet bucket with events between them) are one burst.
    if (run && prevKey === i - 1) {
      run.to = b.last;
      run.count += b.count;
    } else bursts.push({ from: b.first, to: b.last, count: b.count, usual });
    prevKey = i;
  }
  return { gaps, bursts };
}

export const period = (iso: (t: number) => string, p: { from: number; to: number }): TimelinePeriod => ({ from: iso(p.from), to: iso(p.to) });
