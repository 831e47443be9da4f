import { dayIn } from './zoneClock';

// The time brush (issue 18): a range chosen on the timeline drives the filters the other views
// already have. The chart's "as of" filter (chart settings, filters.asOf) and the analysis panel's
// "as of" date are set to the brush's last day: the "as of" slider becomes the brush's end.

export interface BrushFilters {
  /** YYYY-MM-DD in the officer's zone. */
  from: string;
  asOf: string;
}

export function brushFilters(range: readonly [number, number], zone: string): BrushFilters {
  const [a, b] = range[0] <= range[1] ? range : [range[1], range[0]];
  return { from: dayIn(zone, a), asOf: dayIn(zone, b) };
}
