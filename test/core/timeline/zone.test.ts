import { describe, expect, it } from 'vitest';
import { readDate, readRange, Zone } from '../../../electron/core/timeline/zone';

// Bucketing in IANA zones (issue 18): starts aligned on the zone's calendar, the 25-hour and
// 23-hour days one bucket each, the repeated hour of a change back two.

const T = (iso: string) => Date.parse(iso);
const days = (zone: string, from: string, to: string) => {
  const z = new Zone(zone);
  return z.bucketStarts('day', T(from), T(to), 100)!.map((t) => z.iso(t));
};

describe('timeline buckets in a time zone', () => {
  it('Europe/Paris: the 25-hour day of 27 October 2024 is one day, the 23-hour day of 31 March one day', () => {
    const z = new Zone('Europe/Paris');
    // 00:30 CEST and 23:30 CET, 25 hours apart, on the same calendar day.
    const a = z.bucketStart('day', T('2024-10-26T22:30:00Z'));
    const b = z.bucketStart('day', T('2024-10-27T22:30:00Z'));
    expect(a).toBe(b);
    expect(z.iso(a)).toBe('2024-10-27T00:00:00+02:00');
    expect(z.iso(z.bucketStart('day', T('2024-10-27T23:00:00Z')))).toBe('2024-10-28T00:00:00+01:00');
    expect(days('Europe/Paris', '2024-10-26T12:00:00Z', '2024-10-28T12:00:00Z')).toEqual(['2024-10-26T00:00:00+02:00', '2024-10-27T00:00:00+02:00', '2024-10-28T00:00:00+01:00']);
    const spring = days('Europe/Paris', '2024-03-30T12:00:00Z', '2024-04-01T12:00:00Z');
    expect(spring).toEqual(['2024-03-30T00:00:00+01:00', '2024-03-31T00:00:00+01:00', '2024-04-01T00:00:00+02:00']);
    expect(T('2024-04-01T00:00:00+02:00') - T('2024-03-31T00:00:00+01:00')).toBe(23 * 3_600_000);
  });

  it('Europe/Paris: the hour the clocks repeat is two hour buckets, told apart by their offsets', () => {
    const z = new Zone('Europe/Paris');
    const first = z.bucketStart('hour', T('2024-10-27T00:30:00Z'));
    const second = z.bucketStart('hour', T('2024-10-27T01:30:00Z'));
    expect(second - first).toBe(3_600_000);
    expect([z.iso(first), z.iso(second)]).toEqual(['2024-10-27T02:00:00+02:00', '2024-10-27T02:00:00+01:00']);
    const hours = z.bucketStarts('hour', T('2024-10-26T23:10:00Z'), T('2024-10-27T02:10:00Z'), 100)!.map((t) => z.iso(t));
    expect(hours).toEqual(['2024-10-27T01:00:00+02:00', '2024-10-27T02:00:00+02:00', '2024-10-27T02:00:00+01:00', '2024-10-27T03:00:00+01:00']);
  });

  it('America/New_York and Australia/Sydney: each change back makes one 25-hour day', () => {
    const ny = new Zone('America/New_York');
    expect(ny.iso(ny.bucketStart('day', T('2024-11-03T04:30:00Z')))).toBe('2024-11-03T00:00:00-04:00');
    expect(ny.bucketStart('day', T('2024-11-03T04:30:00Z'))).toBe(ny.bucketStart('day', T('2024-11-04T04:30:00Z')));
    expect(ny.iso(ny.bucketStart('day', T('2024-11-04T05:00:00Z')))).toBe('2024-11-04T00:00:00-05:00');
    const syd = new Zone('Australia/Sydney');
    const d = syd.bucketStart('day', T('2024-04-06T13:30:00Z'));
    expect(syd.iso(d)).toBe('2024-04-07T00:00:00+11:00');
    expect(syd.bucketStart('day', T('2024-04-07T13:30:00Z'))).toBe(d);
    expect(days('Australia/Sydney', '2024-04-06T13:30:00Z', '2024-04-07T14:30:00Z')).toEqual(['2024-04-07T00:00:00+11:00', '2024-04-08T00:00:00+10:00']);
  });

  it('Asia/Kolkata (+05:30): days start at 18:30 UTC and hours on the half hour of UTC', () => {
    const z = new Zone('Asia/Kolkata');
    expect(new Date(z.bucketStart('day', T('2024-03-05T10:00:00Z'))).toISOString()).toBe('2024-03-04T18:30:00.000Z');
    expect(z.iso(z.bucketStart('hour', T('2024-03-05T10:00:00Z')))).toBe('2024-03-05T15:00:00+05:30');
  });

  it('America/Santiago: a day whose midnight the clocks skip starts when the day does', () => {
    const z = new Zone('America/Santiago');
    const s = z.bucketStart('day', T('2024-09-08T12:00:00Z'));
    expect(z.iso(s)).toBe('2024-09-08T01:00:00-03:00');
    expect(z.bucketStart('day', T('2024-09-08T03:59:00Z'))).not.toBe(s);
  });

  it('weeks are ISO weeks (Monday) and months calendar months of the zone', () => {
    const z = new Zone('Europe/Paris');
    expect(z.iso(z.bucketStart('week', T('2024-10-27T20:00:00Z')))).toBe('2024-10-21T00:00:00+02:00');
    expect(z.iso(z.bucketStart('month', T('2024-10-31T23:30:00Z')))).toBe('2024-11-01T00:00:00+01:00');
    const months = z.bucketStarts('month', T('2024-01-15T00:00:00Z'), T('2024-12-15T00:00:00Z'), 100)!;
    expect(months.map((t) => z.iso(t).slice(0, 7))).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12']);
    expect(z.bucketStarts('hour', T('2020-01-01T00:00:00Z'), T('2024-01-01T00:00:00Z'), 1000)).toBeNull();
  });
});

describe('dates read for the timeline', () => {
  const paris = new Zone('Europe/Paris');
  it('calendar dates are days of the zone; instants keep their offset; a time without one is the zone clock', () => {
    expect(readDate(paris, '2024-10-27')).toEqual({ t: T('2024-10-26T22:00:00Z'), precision: 'day' });
    expect(readDate(paris, '1994-03')).toEqual({ t: T('1994-02-28T23:00:00Z'), precision: 'month' });
    expect(readDate(paris, '1994')).toMatchObject({ precision: 'year' });
    expect(readDate(paris, '2024-03-01T10:00:00Z')).toEqual({ t: T('2024-03-01T10:00:00Z'), precision: 'time' });
    expect(readDate(paris, '2024-03-01T10:00:00+05:30')).toEqual({ t: T('2024-03-01T04:30:00Z'), precision: 'time' });
    expect(readDate(paris, '2024-03-01T10:00')).toEqual({ t: T('2024-03-01T09:00:00Z'), precision: 'time' });
  });
  it('refuses what is not a date, and dates before 1900 or after 2100 (never 1970)', () => {
    expect(readDate(paris, '2024-02-30')).toEqual({ reason: 'unreadable' });
    expect(readDate(paris, 'soon')).toEqual({ reason: 'unreadable' });
    expect(readDate(paris, '1899-12-31')).toEqual({ reason: 'out-of-range' });
    expect(readDate(paris, '2101-01-01')).toEqual({ reason: 'out-of-range' });
  });
  it('a range: a day\'s "to" takes the whole day; from after to, out-of-range years and unknown zones are clear errors', () => {
    const r = readRange(paris, '2024-10-27', '2024-10-27');
    expect(r.hi - r.lo + 1).toBe(25 * 3_600_000);
    expect(() => readRange(paris, '2024-03-02', '2024-03-01')).toThrow(/starts \(2024-03-02\) after it ends \(2024-03-01\)/);
    expect(() => readRange(paris, '1850-01-01', undefined)).toThrow(/from 1900 to 2100/);
    expect(() => readRange(paris, undefined, '2150-01-01')).toThrow(/from 1900 to 2100/);
    expect(() => new Zone('Europe/Atlantis')).toThrow(/"Europe\/Atlantis" is not a time zone/);
  });
});
