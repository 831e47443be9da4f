import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ActivityResult, ColocationResult, CommonResult, SilenceResult, SwapResult, TopContact, TopResult } from '../../../shared/comms/dto';
import { cachedStatement } from '../store/prepared';
import { zoneOffsetSeconds } from './cdr/values';
import type { Tally } from './links';
import { isoSeconds, phoneRefs, phoneRid, rangeSeconds } from './phones';
import { caseTimeZone } from './region';

// The analyses of call records (issue 17) an analyst runs on a phone. Without a date range they
// read the aggregated links (comms_links, comms_usage), which are kept current by the importer;
// with one they read the events in range through the two per-phone indexes of migration 014.

interface Range {
  from?: string | undefined;
  to?: string | undefined;
}

export interface PhoneEvent {
  start: number;
  duration: number;
  kind: number;
  /** The other party's rid, or 0 (none: a data session; or the phone itself). */
  other: number;
  /** The phone's own cell rid, or 0. */
  cell: number;
}

const EVENTS_OUT = `SELECT start, duration, kind, coalesce(callee, 0) AS other, coalesce(caller_cell, 0) AS cell FROM comms_events
  WHERE caller = ? AND start BETWEEN ? AND ? AND retracted = 0`;
const EVENTS_IN = `SELECT start, duration, kind, caller AS other, coalesce(callee_cell, 0) AS cell FROM comms_events
  WHERE callee = ? AND start BETWEEN ? AND ? AND retracted = 0 AND caller <> callee`;

/** Every event of a phone (either side) in range, in time order. */
export function phoneEvents(db: Database, rid: number, lo: number, hi: number): PhoneEvent[] {
  const out = cachedStatement(db, EVENTS_OUT).all(rid, lo, hi) as PhoneEvent[];
  const inc = cachedStatement(db, EVENTS_IN).all(rid, lo, hi) as PhoneEvent[];
  const all = out.concat(inc);
  // Both halves come in start order from their index: a merge would do, a sort is as fast here.
  all.sort((a, b) => a.start - b.start);
  return all;
}

function tally(into: Map<number, Tally>, other: number, events: number, calls: number, sms: number, duration: number, first: number, last: number): void {
  const t = into.get(other);
  if (!t) into.set(other, { events, calls, sms, duration, first, last });
  else {
    t.events += events;
    t.calls += calls;
    t.sms += sms;
    t.duration += duration;
    if (first < t.first) t.first = first;
    if (last > t.last) t.last = last;
  }
}

const LINKS_OUT = 'SELECT callee AS other, calls, sms, other AS rest, duration, first, last FROM comms_links WHERE caller = ?';
const LINKS_IN = 'SELECT caller AS other, calls, sms, other AS rest, duration, first, last FROM comms_links WHERE callee = ?';

/** A phone's contacts with their tallies, from the links or (with a range) from the events. */
export function contactsOf(db: Database, rid: number, range: Range): Map<number, Tally> {
  const r = rangeSeconds(range.from, range.to);
  const m = new Map<number, Tally>();
  if (!r.restricted) {
    type L = { other: number; calls: number; sms: number; rest: number; duration: number; first: number; last: number };
    for (const sql of [LINKS_OUT, LINKS_IN]) {
      for (const l of cachedStatement(db, sql).all(rid) as L[]) tally(m, l.other, l.calls + l.sms + l.rest, l.calls, l.sms, l.duration, l.first, l.last);
    }
  } else {
    for (const e of phoneEvents(db, rid, r.lo, r.hi)) {
      if (e.other === 0 || e.other === rid) continue;
      tally(m, e.other, 1, e.kind === 1 ? 1 : 0, e.kind === 2 || e.kind === 3 ? 1 : 0, e.duration, e.start, e.start);
    }
  }
  m.delete(rid);
  return m;
}

export function top(db: Database, input: Range & { phone: string; top: number }): TopResult {
  const rid = phoneRid(db, input.phone);
  const contacts = [...contactsOf(db, rid, input)].sort((a, b) => b[1].events - a[1].events || b[1].duration - a[1].duration || a[0] - b[0]).slice(0, input.top);
  const refs = phoneRefs(db, [rid, ...contacts.map(([o]) => o)]);
  const results: TopContact[] = contacts.map(([o, t]) => ({
    ...refs.get(o)!,
    events: t.events,
    calls: t.calls,
    sms: t.sms,
    durationS: t.duration,
    first: isoSeconds(t.first),
    last: isoSeconds(t.last),
  }));
  return { phone: refs.get(rid)!, results };
}

export function common(db: Database, input: Range & { phones: string[]; min?: number | undefined }): CommonResult {
  const rids = [...new Set(input.phones.map((p) => phoneRid(db, p)))];
  const min = Math.min(input.min ?? rids.length, rids.length);
  const count = new Map<number, { with: number; events: number }>();
  for (const rid of rids) {
    for (const [o, t] of contactsOf(db, rid, input)) {
      const c = count.get(o);
      if (c) {
        c.with++;
        c.events += t.events;
      } else count.set(o, { with: 1, events: t.events });
    }
  }
  for (const rid of rids) count.delete(rid);
  const hits = [...count].filter(([, c]) => c.with >= min).sort((a, b) => b[1].with - a[1].with || b[1].events - a[1].events || a[0] - b[0]);
  const refs = phoneRefs(db, [...rids, ...hits.map(([o]) => o)]);
  return { phones: rids.map((r) => refs.get(r)!), results: hits.map(([o, c]) => ({ ...refs.get(o)!, with: c.with, events: c.events })) };
}

/** Offsets of a zone, looked up once per hour of UTC. */
function zoneClock(zone: string): (s: number) => number {
  const cache = new Map<number, number>();
  return (s: number) => {
    const h = Math.floor(s / 3600);
    let off = cache.get(h);
    if (off === undefined) cache.set(h, (off = zoneOffsetSeconds(zone, h * 3600)));
    return s + off;
  };
}

export function activity(db: Database, input: Range & { phone: string; timeZone?: string | undefined }): ActivityResult {
  const rid = phoneRid(db, input.phone);
  const zone = input.timeZone ?? caseTimeZone(db) ?? 'UTC';
  const local = zoneClock(zone);
  const r = rangeSeconds(input.from, input.to);
  const matrix = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const days = new Map<string, number>();
  const events = phoneEvents(db, rid, r.lo, r.hi);
  for (const e of events) {
    const t = local(e.start);
    const d = new Date(t * 1000);
    matrix[(d.getUTCDay() + 6) % 7]![d.getUTCHours()]!++;
    const day = d.toISOString().slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return {
    phone: phoneRefs(db, [rid]).get(rid)!,
    timeZone: zone,
    matrix,
    days: [...days].map(([day, n]) => ({ day, events: n })),
    events: events.length,
  };
}

export function swaps(db: Database, input: Range): SwapResult {
  const r = rangeSeconds(input.from, input.to);
  type U = { phone: number; device: number; first: number; last: number; events: number };
  const rows = (
    r.restricted
      ? db
          .prepare(
            `SELECT CASE served WHEN 0 THEN caller ELSE coalesce(callee, caller) END AS phone, device, min(start) AS first, max(start) AS last, count(*) AS events
               FROM comms_events WHERE device IS NOT NULL AND start BETWEEN ? AND ? AND retracted = 0 GROUP BY phone, device`,
          )
          .all(r.lo, r.hi)
      : db.prepare('SELECT phone, device, min(first) AS first, max(last) AS last, sum(events) AS events FROM comms_usage WHERE device <> 0 GROUP BY phone, device').all()
  ) as U[];
  const byDevice = new Map<number, U[]>();
  const byPhone = new Map<number, U[]>();
  for (const u of rows) {
    (byDevice.get(u.device) ?? byDevice.set(u.device, []).get(u.device)!).push(u);
    (byPhone.get(u.phone) ?? byPhone.set(u.phone, []).get(u.phone)!).push(u);
  }
  const refs = phoneRefs(db, rows.map((u) => u.phone));
  const devices = new Map(
    (db.prepare(`SELECT e.rid, e.id, (SELECT s.value FROM statement_rows s WHERE s.entity = e.rid AND s.prop = 'imei' AND s.retracted = 0 ORDER BY s.id LIMIT 1) AS imei FROM json_each(?) j JOIN entities e ON e.rid = j.value`).all(JSON.stringify([...byDevice.keys()])) as Array<{ rid: number; id: string; imei: string | null }>).map((d) => [d.rid, d]),
  );
  const span = (u: U) => ({ first: isoSeconds(u.first), last: isoSeconds(u.last), events: u.events });
  return {
    results: [...byDevice]
      .filter(([, us]) => us.length > 1)
      .map(([d, us]) => ({ imei: devices.get(d)?.imei ?? '', device: devices.get(d)?.id ?? '', phones: us.sort((a, b) => a.first - b.first).map((u) => ({ phone: refs.get(u.phone)!.phone, ...span(u) })) }))
      .sort((a, b) => b.phones.length - a.phones.length || a.imei.localeCompare(b.imei)),
    moved: [...byPhone]
      .filter(([, us]) => us.length > 1)
      .map(([p, us]) => ({ phone: refs.get(p)!.phone, imeis: us.sort((a, b) => a.first - b.first).map((u) => ({ imei: devices.get(u.device)?.imei ?? '', ...span(u) })) }))
      .sort((a, b) => b.imeis.length - a.imeis.length || a.phone.localeCompare(b.phone)),
  };
}

export function colocation(db: Database, input: Range & { phones: string[]; windowS: number }): ColocationResult {
  const [a, b] = input.phones.map((p) => phoneRid(db, p)) as [number, number];
  const r = rangeSeconds(input.from, input.to);
  const byCell = (rid: number) => {
    const m = new Map<number, number[]>();
    for (const e of phoneEvents(db, rid, r.lo, r.hi)) if (e.cell !== 0) (m.get(e.cell) ?? m.set(e.cell, []).get(e.cell)!).push(e.start);
    return m;
  };
  const ca = byCell(a);
  const cb = byCell(b);
  const hits: Array<{ cell: number; time: number; gap: number }> = [];
  for (const [cell, ta] of ca) {
    const tb = cb.get(cell);
    if (!tb) continue;
    // Both lists are in time order: for each of A's events, B's nearest one on the same cell.
    let j = 0;
    for (const t of ta) {
      while (j + 1 < tb.length && tb[j + 1]! <= t) j++;
      let best = Math.abs(tb[j]! - t);
      if (j + 1 < tb.length) best = Math.min(best, Math.abs(tb[j + 1]! - t));
      if (best <= input.windowS) hits.push({ cell, time: t, gap: best });
    }
  }
  hits.sort((x, y) => x.time - y.time);
  const cells = new Map(
    (db.prepare('SELECT c.rid, c.cell, e.id AS site FROM json_each(?) j JOIN comms_cells c ON c.rid = j.value LEFT JOIN entities e ON e.rid = c.site').all(JSON.stringify([...new Set(hits.map((h) => h.cell))])) as Array<{ rid: number; cell: string; site: string | null }>).map((c) => [c.rid, c]),
  );
  const refs = phoneRefs(db, [a, b]);
  return {
    phones: [refs.get(a)!, refs.get(b)!],
    windowS: input.windowS,
    results: hits.map((h) => ({ cell: cells.get(h.cell)!.cell, time: isoSeconds(h.time), site: cells.get(h.cell)!.site, gapS: h.gap })),
  };
}

/**
 * Gaps in a phone's activity longer than usual. "Usual" is the median of its longest gap of each
 * day (a phone quiet every night for 8 hours has a usual silence of 8 hours); a gap is unusual
 * from twice that (and never under minGapS). Switch-offs before a meeting are a classic signal.
 */
export function silence(db: Database, input: Range & { phone: string; minGapS: number }): SilenceResult {
  const rid = phoneRid(db, input.phone);
  const r = rangeSeconds(input.from, input.to);
  const events = phoneEvents(db, rid, r.lo, r.hi);
  const gaps: Array<{ from: number; to: number; gap: number }> = [];
  let end = -Infinity;
  for (const e of events) {
    if (end !== -Infinity && e.start > end) gaps.push({ from: end, to: e.start, gap: e.start - end });
    end = Math.max(end, e.start + e.duration);
  }
  const dailyMax = new Map<number, number>();
  for (const g of gaps) {
    const day = Math.floor(g.from / 86400);
    dailyMax.set(day, Math.max(dailyMax.get(day) ?? 0, g.gap));
  }
  const maxima = [...dailyMax.values()].sort((x, y) => x - y);
  const typical = maxima.length ? maxima[Math.floor(maxima.length / 2)]! : 0;
  const threshold = Math.max(input.minGapS, 2 * typical);
  return {
    phone: phoneRefs(db, [rid]).get(rid)!,
    thresholdS: threshold,
    typicalGapS: typical,
    results: gaps
      .filter((g) => g.gap >= threshold)
      .sort((x, y) => y.gap - x.gap)
      .map((g) => ({ from: isoSeconds(g.from), to: isoSeconds(g.to), gapS: g.gap })),
  };
}
