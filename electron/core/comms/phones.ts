import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PhoneRef } from '../../../shared/comms/dto';
import { getSchema } from '../../../shared/catalogue';
import { CordonError } from '../../../shared/errors';
import { naturalId } from '../store/entity-values';
import { deriveCommsValues } from '../store/comms-values';

// From what an analyst types ("06 12 34 56 78", "+33612345678", an entity id) to the phone's rid,
// and from rids back to the phones as E.164 strings with their entity ids and captions.

const PHONE = getSchema('Phone')!;

export function phoneRid(db: Database, input: string): number {
  const raw = input.trim();
  const byId = db.prepare("SELECT rid FROM entities WHERE id = ? AND schema = 'Phone' AND deleted = 0").pluck();
  let rid = byId.get(raw) as number | undefined;
  if (rid === undefined) {
    const id = naturalId(PHONE, deriveCommsValues(db, 'Phone', [['number', raw]]));
    if (id) rid = byId.get(id) as number | undefined;
  }
  if (rid === undefined) throw new CordonError('NOT_FOUND', `No phone ${raw} in this case.`);
  return rid;
}

/** Phones by rid: their number (E.164, or as given), entity id and caption. */
export function phoneRefs(db: Database, rids: Iterable<number>): Map<number, PhoneRef> {
  const list = [...new Set(rids)];
  const out = new Map<number, PhoneRef>();
  if (list.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT e.rid, e.id, e.caption, (SELECT s.value FROM statement_rows s WHERE s.entity = e.rid AND s.prop = 'number' AND s.retracted = 0 ORDER BY s.id LIMIT 1) AS number
         FROM json_each(?) j JOIN entities e ON e.rid = j.value`,
    )
    .all(JSON.stringify(list)) as Array<{ rid: number; id: string; caption: string; number: string | null }>;
  for (const r of rows) out.set(r.rid, { phone: r.number ?? r.caption, id: r.id, caption: r.caption });
  return out;
}

/** Seconds UTC of a range's ends: a day's "to" takes the whole day. */
export function rangeSeconds(from: string | undefined, to: string | undefined): { lo: number; hi: number; restricted: boolean } {
  const at = (v: string, end: boolean) => {
    const iso = v.length === 10 ? `${v}T${end ? '23:59:59' : '00:00:00'}Z` : v.endsWith('Z') ? v : `${v}Z`;
    const t = Date.parse(iso);
    if (Number.isNaN(t)) throw new CordonError('INVALID_INPUT', `"${v}" is not a date.`);
    return Math.floor(t / 1000) + (end && v.length === 16 ? 59 : 0);
  };
  return { lo: from ? at(from, false) : -8_640_000_000_000, hi: to ? at(to, true) : 8_640_000_000_000, restricted: Boolean(from || to) };
}

export const isoSeconds = (s: number) => `${new Date(s * 1000).toISOString().slice(0, 19)}Z`;
