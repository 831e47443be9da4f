import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cachedStatement } from '../store/prepared';
import type { Slot } from './books';
import { KIND } from './cdr/values';

// The one writer of call events. Rows are buffered and sent in multi-row INSERT OR IGNORE
// statements (the dedupe key of migration 014 drops a call already in the case); the aggregated
// Phone → Phone links and the phone/handset/SIM usage are summed in memory from the rows that were
// actually written, and merged into their tables once, at the end of the import.

const COLS = 12;
/** Rows per INSERT (12 × 400 = 4,800 bound parameters, under SQLite's 32,766). */
const CHUNK = 400;
const HEAD = 'INSERT OR IGNORE INTO comms_events (kind, caller, callee, start, duration, caller_cell, callee_cell, device, sim, served, source, import)';
const valuesSql = (rows: number) => `${HEAD} VALUES ${new Array<string>(rows).fill(`(${new Array<string>(COLS).fill('?').join(',')})`).join(',')}`;

export interface PendingEvent {
  kind: number;
  caller: Slot;
  callee: Slot | null;
  start: number;
  duration: number;
  callerCell: number | null;
  calleeCell: number | null;
  device: Slot | null;
  sim: Slot | null;
  /** Whose handset and SIM the record names: 0 the caller's, 1 the callee's. */
  served: 0 | 1;
}

interface Agg {
  calls: number;
  sms: number;
  other: number;
  duration: number;
  first: number;
  last: number;
}

function add(a: Agg | undefined, kind: number, duration: number, start: number): Agg {
  if (!a) a = { calls: 0, sms: 0, other: 0, duration: 0, first: start, last: start };
  if (kind === KIND.voice) a.calls++;
  else if (kind === KIND.sms || kind === KIND.mms) a.sms++;
  else a.other++;
  a.duration += duration;
  if (start < a.first) a.first = start;
  if (start > a.last) a.last = start;
  return a;
}

export class EventWriter {
  private rows: PendingEvent[] = [];
  private maxId: number;
  private readonly links = new Map<number, Map<number, Agg>>();
  private readonly usage = new Map<string, { phone: number; device: number; sim: number; agg: Agg }>();
  written = 0;
  duplicates = 0;

  constructor(
    private readonly db: Database,
    private readonly source: number,
    private readonly importRid: number | null,
  ) {
    this.maxId = Number(db.prepare('SELECT coalesce(max(id), 0) FROM comms_events').pluck().get());
  }

  add(e: PendingEvent): void {
    this.rows.push(e);
  }

  get size(): number {
    return this.rows.length;
  }

  /** Writes the buffered rows; the slots they refer to must have their rids (books flushed first). */
  flush(): void {
    const rows = this.rows;
    if (rows.length === 0) return;
    this.rows = [];
    for (let i = 0; i < rows.length; i += CHUNK) this.insert(rows.slice(i, i + CHUNK));
  }

  private insert(chunk: PendingEvent[]): void {
    const params: unknown[] = new Array(chunk.length * COLS);
    let k = 0;
    for (const e of chunk) {
      params[k++] = e.kind;
      params[k++] = e.caller.rid;
      params[k++] = e.callee ? e.callee.rid : null;
      params[k++] = e.start;
      params[k++] = e.duration;
      params[k++] = e.callerCell;
      params[k++] = e.calleeCell;
      params[k++] = e.device ? e.device.rid : null;
      params[k++] = e.sim ? e.sim.rid : null;
      params[k++] = e.served;
      params[k++] = this.source;
      params[k++] = this.importRid;
    }
    const r = cachedStatement(this.db, valuesSql(chunk.length)).run(params);
    const before = this.maxId;
    if (r.changes > 0) this.maxId = Math.max(this.maxId, Number(r.lastInsertRowid));
    this.written += r.changes;
    let kept = chunk;
    if (r.changes < chunk.length) {
      // Some rows were already in the case (or twice in this chunk): count only the ones written,
      // found by their key among the rows this statement added (rowids after the previous maximum).
      this.duplicates += chunk.length - r.changes;
      const added = new Set(
        (cachedStatement(this.db, 'SELECT caller, start, coalesce(callee, 0) AS callee, kind FROM comms_events WHERE id > ?').all(before) as Array<{ caller: number; start: number; callee: number; kind: number }>).map(
          (x) => `${x.caller}:${x.start}:${x.callee}:${x.kind}`,
        ),
      );
      kept = [];
      for (const e of chunk) {
        const key = `${e.caller.rid}:${e.start}:${e.callee ? e.callee.rid : 0}:${e.kind}`;
        if (added.delete(key)) kept.push(e);
      }
    }
    for (const e of kept) this.aggregate(e);
  }

  private aggregate(e: PendingEvent): void {
    if (e.callee && e.callee.rid !== e.caller.rid) {
      let m = this.links.get(e.caller.rid);
      if (!m) this.links.set(e.caller.rid, (m = new Map()));
      m.set(e.callee.rid, add(m.get(e.callee.rid), e.kind, e.duration, e.start));
    }
    if (e.device || e.sim) {
      const phone = e.served === 0 ? e.caller.rid : (e.callee?.rid ?? e.caller.rid);
      const device = e.device?.rid ?? 0;
      const sim = e.sim?.rid ?? 0;
      const key = `${phone}:${device}:${sim}`;
      const u = this.usage.get(key);
      if (u) add(u.agg, e.kind, e.duration, e.start);
      else this.usage.set(key, { phone, device, sim, agg: add(undefined, e.kind, e.duration, e.start) });
    }
  }

  /** Writes the rest and merges the sums into comms_links and comms_usage; returns the links touched. */
  finish(): number {
    this.flush();
    const link = this.db.prepare(
      `INSERT INTO comms_links (caller, callee, calls, sms, other, duration, first, last) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (caller, callee) DO UPDATE SET calls = calls + excluded.calls, sms = sms + excluded.sms, other = other + excluded.other,
         duration = duration + excluded.duration, first = min(first, excluded.first), last = max(last, excluded.last)`,
    );
    const source = this.db.prepare('INSERT OR IGNORE INTO comms_link_sources (caller, callee, source) VALUES (?, ?, ?)');
    let n = 0;
    for (const [caller, m] of this.links) {
      for (const [callee, a] of m) {
        link.run(caller, callee, a.calls, a.sms, a.other, a.duration, a.first, a.last);
        source.run(caller, callee, this.source);
        n++;
      }
    }
    const use = this.db.prepare(
      `INSERT INTO comms_usage (phone, device, sim, events, first, last) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (phone, device, sim) DO UPDATE SET events = events + excluded.events, first = min(first, excluded.first), last = max(last, excluded.last)`,
    );
    for (const u of this.usage.values()) use.run(u.phone, u.device, u.sim, u.agg.calls + u.agg.sms + u.agg.other, u.agg.first, u.agg.last);
    this.links.clear();
    this.usage.clear();
    return n;
  }
}
