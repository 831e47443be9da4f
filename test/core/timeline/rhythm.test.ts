import { describe, expect, it } from 'vitest';
import { rhythm } from '../../../electron/core/timeline/rhythm';

const H = 3_600_000;
const day = (t: number) => Math.floor(t / (24 * H)) * 24 * H;

describe('gaps and bursts of a theme line', () => {
  it('marks silences longer than the gap asked for, from the last event before to the first after', () => {
    const times = [0, 2 * H, 3 * H, 40 * H, 41 * H, 100 * H];
    expect(rhythm(times, { gapMs: 24 * H, bucketOf: day }).gaps).toEqual([
      { from: 3 * H, to: 40 * H },
      { from: 41 * H, to: 100 * H },
    ]);
    expect(rhythm(times, { gapMs: 100 * H, bucketOf: day }).gaps).toEqual([]);
    expect(rhythm([], { gapMs: H, bucketOf: day })).toEqual({ gaps: [], bursts: [] });
    // A lasting event (a phase, a membership) is no silence: the gap starts where it ends.
    expect(rhythm([0, 100 * H, 110 * H], { gapMs: 24 * H, bucketOf: day }, [90 * H, 100 * H, 110 * H]).gaps).toEqual([]);
    expect(rhythm([0, 10 * H, 100 * H], { gapMs: 24 * H, bucketOf: day }, [50 * H, 10 * H, 100 * H]).gaps).toEqual([{ from: 50 * H, to: 100 * H }]);
  });

  it('marks days well above the line\'s usual count, consecutive busy days as one burst', () => {
    // Two events a day for ten days, then 12 and 9 on days 10 and 11, then two a day again.
    const times: number[] = [];
    for (let d = 0; d < 15; d++) {
      const n = d === 10 ? 12 : d === 11 ? 9 : 2;
      for (let i = 0; i < n; i++) times.push(d * 24 * H + i * 60_000);
    }
    const r = rhythm(times, { gapMs: 48 * H, bucketOf: day });
    expect(r.bursts).toEqual([{ from: 240 * H, to: 264 * H + 8 * 60_000, count: 21, usual: 2 }]);
    // Steady traffic has no burst, however busy.
    const steady = Array.from({ length: 300 }, (_, i) => i * H);
    expect(rhythm(steady, { gapMs: 48 * H, bucketOf: day }).bursts).toEqual([]);
  });
});
