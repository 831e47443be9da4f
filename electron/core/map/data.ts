import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { MapData, UnplacedAddress } from '../../../shared/map/dto';

// Everything the map draws, read in three statements (not one call per entity): located entities
// with their first latitude/longitude (and a cell site's azimuth, beam width and range), then the
// links whose two ends are both located. Values of deleted entities and retracted statements are
// not on the map.

const GEO_PROPS = ['latitude', 'longitude', 'azimuth', 'beamWidth', 'range'] as const;

interface Row {
  rid: number;
  id: string;
  schema: string;
  caption: string;
  prop: (typeof GEO_PROPS)[number];
  value: string;
}

export function mapData(db: Database, limit: number): MapData {
  const rows = db
    .prepare(
      `SELECT e.rid, e.id, e.schema, e.caption, s.prop, s.value
         FROM statement_rows s JOIN entities e ON e.rid = s.entity
        WHERE s.prop IN (${GEO_PROPS.map(() => '?').join(', ')}) AND s.retracted = 0 AND e.deleted = 0 AND e.is_link = 0
        ORDER BY e.rid, s.id`,
    )
    .iterate(...GEO_PROPS) as Iterable<Row>;
  const out: MapData = { schemas: [], ids: [], captions: [], schema: [], lat: [], lon: [], wedges: [], links: [], truncated: 0 };
  const schemaIndex = new Map<string, number>();
  const index = new Map<number, number>();
  let cur: { rid: number; id: string; schema: string; caption: string; v: Partial<Record<Row['prop'], number>> } | null = null;
  const emit = () => {
    if (!cur) return;
    const { latitude, longitude, azimuth, beamWidth, range } = cur.v;
    if (latitude === undefined || longitude === undefined) return;
    if (out.ids.length >= limit) {
      out.truncated++;
      return;
    }
    let si = schemaIndex.get(cur.schema);
    if (si === undefined) schemaIndex.set(cur.schema, (si = out.schemas.push(cur.schema) - 1));
    const i = out.ids.push(cur.id) - 1;
    index.set(cur.rid, i);
    out.captions.push(cur.caption);
    out.schema.push(si);
    out.lat.push(latitude);
    out.lon.push(longitude);
    if (azimuth !== undefined && beamWidth !== undefined) out.wedges.push(i, azimuth, beamWidth, range ?? 0);
  };
  for (const r of rows) {
    if (!cur || cur.rid !== r.rid) {
      emit();
      cur = { rid: r.rid, id: r.id, schema: r.schema, caption: r.caption, v: {} };
    }
    // The first value stated wins: the map shows one place per entity, the inspector all of them.
    const n = Number(r.value);
    if (cur.v[r.prop] === undefined && Number.isFinite(n)) cur.v[r.prop] = n;
  }
  emit();
  if (index.size > 1) {
    const links = db
      .prepare('SELECT l.source, l.target FROM link_rows l JOIN entities e ON e.rid = l.rid WHERE e.deleted = 0')
      .raw()
      .iterate() as Iterable<[number, number]>;
    for (const [s, t] of links) {
      const a = index.get(s);
      const b = index.get(t);
      if (a !== undefined && b !== undefined && a !== b) out.links.push(a, b);
    }
  }
  return out;
}

/** Addresses with no latitude yet: the ones to place by hand or from the gazetteer. */
export function unplacedAddresses(db: Database, limit: number): UnplacedAddress[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.caption,
              (SELECT value FROM statement_rows c WHERE c.entity = e.rid AND c.prop = 'city' AND c.retracted = 0 ORDER BY c.id LIMIT 1) AS city,
              (SELECT value FROM statement_rows c WHERE c.entity = e.rid AND c.prop = 'country' AND c.retracted = 0 ORDER BY c.id LIMIT 1) AS country
         FROM entities e
        WHERE e.schema = 'Address' AND e.deleted = 0
          AND NOT EXISTS (SELECT 1 FROM statement_rows s WHERE s.entity = e.rid AND s.prop = 'latitude' AND s.retracted = 0)
        ORDER BY e.sort_key LIMIT ?`,
    )
    .all(limit) as UnplacedAddress[];
  return rows;
}
