import { describe, expect, it } from 'vitest';
import { brushFilters } from '../../renderer/src/features/timeline/brush';
import { bucketFor, dayIn, ticks } from '../../renderer/src/features/timeline/zoneClock';

// The time brush → the chart's "as of" filter, and the axis on the officer's zone (issue 18).

describe('the time brush', () => {
  it('sets "as of" to the brush\'s last day in the officer\'s zone, whichever way it was dragged', () => {
    const a = Date.parse('1994-03-01T10:00:00Z');
    const b = Date.parse('1994-08-15T23:30:00Z');
    expect(brushFilters([a, b], 'UTC')).toEqual({ from: '1994-03-01', asOf: '1994-08-15' });
    expect(brushFilters([b, a], 'UTC')).toEqual({ from: '1994-03-01', asOf: '1994-08-15' });
    // 23:30 UTC is already the 16th in Paris (summer time, +2).
    expect(brushFilters([a, b], 'Europe/Paris').asOf).toBe('1994-08-16');
    expect(brushFilters([a, b], 'America/New_York').asOf).toBe('1994-08-15');
  });

  it('the histogram bucket follows the zoom', () => {
    const DAY = 86_400_000;
    expect([bucketFor(2 * DAY), bucketFor(60 * DAY), bucketFor(400 * DAY), bucketFor(3650 * DAY)]).toEqual(['hour', 'day', 'week', 'month']);
  });

  it('axis ticks fall on the zone\'s midnights and are labelled in the UI language', () => {
    const t0 = Date.parse('2024-10-25T00:00:00Z');
    const t1 = Date.parse('2024-10-30T00:00:00Z');
    const tk = ticks(t0, t1, 600, 'Asia/Tokyo', 'fr-FR');
    expect(tk.length).toBeGreaterThan(2);
    for (const x of tk) expect(new Date(x.t + 9 * 3_600_000).toISOString().slice(11, 19)).toBe('00:00:00');
    expect(tk.some((x) => /oct/.test(x.label))).toBe(true);
    expect(dayIn('Asia/Tokyo', Date.parse('2024-10-25T16:00:00Z'))).toBe('2024-10-26');
    const seconds = ticks(t0, t0 + 10_000, 600, 'UTC', 'en-GB');
    expect(seconds[1]!.t - seconds[0]!.t).toBeLessThanOrEqual(2000);
  });
});
