import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { MovementResult, MovementStay } from '../../../shared/comms/dto';
import { phoneEvents } from './analysis';
import { isoSeconds, phoneRefs, phoneRid, rangeSeconds } from './phones';

// A phone's movement through its cell sites (issue 19 × issue 17): its events in time order, each
// on the cell its own side used, folded into stays — consecutive events on one cell are one stay
// from its first to its last event — and placed where the cell's site is (the CellSite's first
// latitude/longitude, as the map draws it). Events on a cell whose site is not in the case or has
// no coordinates are counted, never guessed at; they break a stay, as an unknown place would. An
// event with no cell for the phone's side is counted and does not.

/** At most this many stays are answered; the rest are counted (a year of a busy phone). */
export const MAX_STAYS = 20_000;

interface Site {
  cell: string;
  siteId: string | null;
  caption: string | null;
  lat: number | null;
  lon: number | null;
}

function sitesOf(db: Database, cellRids: number[]): Map<number, Site> {
  const out = new Map<number, Site>();
  if (cellRids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT c.rid, c.cell, e.id AS siteId, e.caption,
              (SELECT s.value FROM statement_rows s WHERE s.entity = e.rid AND s.prop = 'latitude' AND s.retracted = 0 ORDER BY s.id LIMIT 1) AS lat,
              (SELECT s.value FROM statement_rows s WHERE s.entity = e.rid AND s.prop = 'longitude' AND s.retracted = 0 ORDER BY s.id LIMIT 1) AS lon
         FROM json_each(?) j JOIN comms_cells c ON c.rid = j.value
         LEFT JOIN entities e ON e.rid = c.site AND e.deleted = 0`,
    )
    .all(JSON.stringify(cellRids)) as Array<{ rid: number; cell: string; siteId: string | null; caption: string | null; lat: string | null; lon: string | null }>;
  for (const r of rows) {
    const lat = r.lat === null ? NaN : Number(r.lat);
    const lon = r.lon === null ? NaN : Number(r.lon);
    const located = Number.isFinite(lat) && Number.isFinite(lon);
    out.set(r.rid, { cell: r.cell, siteId: r.siteId, caption: r.caption, lat: located ? lat : null, lon: located ? lon : null });
  }
  return out;
}

export function movement(db: Database, input: { phone: string; from?: string | undefined; to?: string | undefined }): MovementResult {
  const rid = phoneRid(db, input.phone);
  const r = rangeSeconds(input.from, input.to);
  const events = phoneEvents(db, rid, r.lo, r.hi);
  const sites = sitesOf(db, [...new Set(events.map((e) => e.cell).filter((c) => c !== 0))]);
  const stays: MovementStay[] = [];
  let noCell = 0;
  let unlocated = 0;
  let truncated = 0;
  let cur: { cell: number; from: number; to: number; events: number } | null = null;
  const close = () => {
    if (!cur) return;
    const site = sites.get(cur.cell)!;
    if (stays.length >= MAX_STAYS) truncated++;
    else stays.push({ cell: site.cell, siteId: site.siteId!, caption: site.caption ?? site.cell, lat: site.lat!, lon: site.lon!, from: isoSeconds(cur.from), to: isoSeconds(cur.to), events: cur.events });
    cur = null;
  };
  for (const e of events) {
    // No cell for the phone's side (it was the receiver in an A-party return): no evidence of
    // where it was, so the stay goes on.
    if (e.cell === 0) {
      noCell++;
      continue;
    }
    const site = sites.get(e.cell);
    if (!site || site.lat === null || !site.siteId) {
      unlocated++;
      close();
      continue;
    }
    if (cur && cur.cell === e.cell) {
      cur.to = e.start;
      cur.events++;
    } else {
      close();
      cur = { cell: e.cell, from: e.start, to: e.start, events: 1 };
    }
  }
  close();
  return { phone: phoneRefs(db, [rid]).get(rid)!, stays, events: events.length, noCell, unlocated, truncated };
}
