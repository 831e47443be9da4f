import type { DisruptionResult } from '../../../../shared/analysis/dto';

/** One entity a disruption run removed, with when and what was left of the network after. */
export interface RemovedEntity {
  id: string;
  caption: string;
  /** 1-based position in the order of removal. */
  order: number;
  /** LCC after the step that removed it, as a fraction of the LCC before the run. */
  lccFraction: number;
}

/** The first `count` entities the run removed, in order (a step in block mode removes several). */
export function removedFirst(result: DisruptionResult, count: number): RemovedEntity[] {
  const out: RemovedEntity[] = [];
  for (const step of result.steps) {
    for (const e of step.removed) {
      if (out.length >= count) return out;
      out.push({ id: e.id, caption: e.caption, order: out.length + 1, lccFraction: step.lccFraction });
    }
  }
  return out;
}

/** How many removals it took to bring the largest group to half its size (or all of them). */
export function removalsToHalve(result: DisruptionResult): number {
  let total = 0;
  for (const step of result.steps) {
    total += step.removed.length;
    if (step.lccFraction <= 0.5) return total;
  }
  return total;
}
