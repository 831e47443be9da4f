import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CommsEventPage, EventKind } from '../../../shared/comms/dto';
import { EVENT_KINDS } from '../../../shared/comms/dto';
import { isoSeconds, phoneRefs, phoneRid, rangeSeconds } from './phones';

// The events behind an aggregated link (or all of one phone's): the table a link opens onto,
// sorted and paged in SQL so that a million events never cross to the screen at once.

const NUMBER = (rid: string) => `(SELECT s.value FROM statement_rows s WHERE s.entity = ${rid} AND s.prop = ? AND s.retracted = 0 ORDER BY s.id LIMIT 1)`;

export function eventPage(
  db: Database,
  input: { a: string; b?: string | undefined; offset: number; limit: number; sort: 'start' | 'duration'; desc: boolean; from?: string | undefined; to?: string | undefined },
): CommsEventPage {
  const a = phoneRid(db, input.a);
  const b = input.b !== undefined ? phoneRid(db, input.b) : null;
  const r = rangeSeconds(input.from, input.to);
  const where =
    b === null
      ? '(ev.caller = @a OR ev.callee = @a)'
      : '((ev.caller = @a AND ev.callee = @b) OR (ev.caller = @b AND ev.callee = @a))';
  const params = { a, b, lo: r.lo, hi: r.hi };
  const base = `FROM comms_events ev WHERE ${where} AND ev.start BETWEEN @lo AND @hi AND ev.retracted = 0`;
  const total = db.prepare(`SELECT count(*) ${base}`).pluck().get(params) as number;
  const order = `${input.sort === 'duration' ? 'ev.duration' : 'ev.start'} ${input.desc ? 'DESC' : 'ASC'}, ev.id`;
  const rows = db
    .prepare(
      `SELECT ev.id, ev.kind, ev.caller, ev.callee, ev.start, ev.duration, cc.cell AS caller_cell, kc.cell AS callee_cell,
              ${NUMBER('ev.device').replace('?', "'imei'")} AS imei, ${NUMBER('ev.sim').replace('?', "'imsi'")} AS imsi, src.id AS source_id
         FROM (SELECT ev.* ${base} ORDER BY ${order} LIMIT @limit OFFSET @offset) ev
         LEFT JOIN comms_cells cc ON cc.rid = ev.caller_cell LEFT JOIN comms_cells kc ON kc.rid = ev.callee_cell
         JOIN sources src ON src.rid = ev.source
        ORDER BY ${order}`,
    )
    .all({ ...params, limit: input.limit, offset: input.offset }) as Array<{
    id: number;
    kind: number;
    caller: number;
    callee: number | null;
    start: number;
    duration: number;
    caller_cell: string | null;
    callee_cell: string | null;
    imei: string | null;
    imsi: string | null;
    source_id: string;
  }>;
  const refs = phoneRefs(db, rows.flatMap((x) => (x.callee === null ? [x.caller] : [x.caller, x.callee])));
  return {
    total,
    rows: rows.map((x) => ({
      id: x.id,
      kind: (EVENT_KINDS[x.kind] ?? 'other') as EventKind,
      caller: refs.get(x.caller)!.phone,
      callee: x.callee === null ? null : refs.get(x.callee)!.phone,
      start: isoSeconds(x.start),
      durationS: x.duration,
      callerCell: x.caller_cell,
      calleeCell: x.callee_cell,
      imei: x.imei,
      imsi: x.imsi,
      sourceId: x.source_id,
    })),
  };
}
