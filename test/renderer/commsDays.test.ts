import { describe, expect, it } from 'vitest';
import { fillDays } from '../../renderer/src/features/comms/ActivityCharts';

// The events-per-day bars: every day from the first to the last, days without events at 0, so a
// silent week shows as a gap rather than vanishing; over two years the days are drawn as given.

describe('fillDays', () => {
  it('fills the days between the first and the last with zeros, across a month end and a leap day', () => {
    expect(fillDays([{ day: '2024-02-27', events: 3 }, { day: '2024-03-02', events: 1 }])).toEqual([
      { day: '2024-02-27', events: 3 },
      { day: '2024-02-28', events: 0 },
      { day: '2024-02-29', events: 0 },
      { day: '2024-03-01', events: 0 },
      { day: '2024-03-02', events: 1 },
    ]);
  });
  it('nothing for no events; one day for one', () => {
    expect(fillDays([])).toEqual([]);
    expect(fillDays([{ day: '2024-05-01', events: 7 }])).toEqual([{ day: '2024-05-01', events: 7 }]);
  });
  it('over two years: the days as given, not thousands of empty bars', () => {
    const days = [{ day: '2020-01-01', events: 1 }, { day: '2023-01-01', events: 2 }];
    expect(fillDays(days)).toEqual(days);
  });
});
