import { z } from 'zod';
import { getProperty, getSchema, LINK_SCHEMA_NAMES, type SchemaDef } from '../../../../shared/catalogue';
import { sourceInput } from '../../../../shared/entities/api';
import type { Job } from '../../jobs';
import { ImportSink, type Ref, type Values } from '../sink';
import { addAttribute, addValue, textProp } from '../vocabulary';
import { looksSwapped } from './swapped';

// GeoJSON features (from a GeoJSON file, or converted from KML) into the case: each Point is a
// located entity whose latitude and longitude are values with the file's source (or the source
// the feature carries, as Cordon's own export writes it); a LineString between two features of
// the file that Cordon exported is a link. A point out of range is refused with its reason; a
// point that fits its country only the other way round is imported with a warning.

export interface GeoFeature {
  type?: unknown;
  id?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

/** Presentation keys of KML styles and simplestyle: not facts about the place. */
const STYLE_KEY = /^(styleUrl|styleHash|styleMapHash|stroke|stroke-.*|fill|fill-.*|icon|icon-.*|marker-.*|label-.*|visibility|open)$/;
const OWN = /^cordon:/;

const featureSource = sourceInput;

function located(name: unknown): SchemaDef | undefined {
  const s = typeof name === 'string' ? getSchema(name) : undefined;
  return s && !s.edge && getProperty(s, 'latitude') ? s : undefined;
}

function text(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'number' || typeof v === 'boolean') return [String(v)];
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' || typeof x === 'number' ? [String(x)] : []));
  return [];
}

/** The type of a feature: Cordon's own, else an Event when it has a time, else an Address. */
function schemaOf(props: Record<string, unknown>): SchemaDef {
  return located(props['cordon:schema']) ?? located(props.schema) ?? (props.timestamp || props.timespan || props.date ? getSchema('Event')! : getSchema('Address')!);
}

export async function importFeatures(sink: ImportSink, job: Job, features: readonly GeoFeature[], namespace: string, limit: number | null): Promise<void> {
  const report = sink.report;
  const byId = new Map<string, Ref>();
  const lines: Array<[number, GeoFeature]> = [];
  let swapped = 0;
  job.progress(0, features.length);
  for (let n = 0; n < features.length; n++) {
    if (limit !== null && report.records >= limit) break;
    const f = features[n]!;
    const row = n + 1;
    if (!f || typeof f !== 'object' || f.type !== 'Feature') {
      report.records++;
      report.skip(row, 'not a GeoJSON Feature');
      continue;
    }
    const g = f.geometry;
    if (g && g.type === 'LineString') {
      lines.push([row, f]);
      continue;
    }
    report.records++;
    if (!g || g.type !== 'Point') {
      report.skip(row, g ? `a ${String(g.type)} is not a place: only Point features become located entities` : 'the feature has no geometry');
      continue;
    }
    const c = g.coordinates;
    if (!Array.isArray(c) || c.length < 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number' || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) {
      report.skip(row, 'the point has no [longitude, latitude] numbers');
      continue;
    }
    const [lon, lat] = c as [number, number];
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      const hint = Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90 ? ' (it looks swapped: GeoJSON is [longitude, latitude])' : '';
      report.skip(row, `${Math.abs(lat) > 90 ? `latitude ${lat} is outside ±90°` : `longitude ${lon} is outside ±180°`}; refused${hint}`);
      continue;
    }
    const props = f.properties && typeof f.properties === 'object' ? f.properties : {};
    const schema = schemaOf(props);
    const issue = (m: string) => report.issue(row, m);
    const values: Values = [];
    addValue(schema, values, 'latitude', String(lat), issue);
    addValue(schema, values, 'longitude', String(lon), issue);
    const captionProp = schema.caption.find((p) => getProperty(schema, p)?.type !== 'entity') ?? 'name';
    for (const [key, raw] of Object.entries(props)) {
      if (STYLE_KEY.test(key) || OWN.test(key) || key === 'schema') continue;
      if (key === 'name') for (const v of text(raw)) addValue(schema, values, captionProp, v, issue);
      else if (key === 'description') for (const v of text(raw)) addValue(schema, values, textProp(schema) ?? 'notes', v, issue);
      else if (key === 'timestamp') for (const v of text(raw)) addValue(schema, values, 'date', v, issue);
      else if (key === 'timespan' && raw && typeof raw === 'object') {
        const span = raw as { begin?: unknown; end?: unknown };
        for (const v of text(span.begin)) addValue(schema, values, 'startDate', v, issue);
        for (const v of text(span.end)) addValue(schema, values, 'endDate', v, issue);
      } else if (getProperty(schema, key)?.type === 'entity') continue;
      else if (getProperty(schema, key)) for (const v of text(raw)) addValue(schema, values, key, v, issue);
      else for (const v of text(raw)) addAttribute(schema, values, key, v, issue);
    }
    const country = values.find(([p]) => p === 'country')?.[1];
    if (looksSwapped(lat, lon, country)) {
      swapped++;
      report.issue(row, `the point (${lat}, ${lon}) lies outside ${country!.toUpperCase()} but inside it read the other way round: the coordinates look swapped (GeoJSON is [longitude, latitude]); imported as written`);
    }
    const source = sourceOf(sink, props['cordon:source'], row);
    const fid = typeof f.id === 'string' || typeof f.id === 'number' ? String(f.id) : null;
    const known = fid ? sink.external(namespace, fid) : undefined;
    const made = sink.entity(schema, values, source, known ? { into: known } : {});
    if ('error' in made) {
      report.skip(row, made.error);
      continue;
    }
    if (report.wantsSample()) report.sample.push({ row, entities: [{ key: 'place', schema: schema.name, caption: ImportSink.caption(schema, values), merged: made.merged }], links: [] });
    if (fid) {
      byId.set(fid, made.ref);
      if (!known) sink.setExternal(namespace, fid, made.ref);
    }
    sink.maybeFlush();
    if (n % 2000 === 0) {
      job.progress(n, features.length);
      await job.checkpoint();
    }
  }
  if (swapped > 0) report.warn(`${swapped} point${swapped === 1 ? '' : 's'} look${swapped === 1 ? 's' : ''} swapped (latitude and longitude exchanged); see the rows listed.`);
  sink.flush();
  for (const [row, f] of lines) {
    if (limit !== null && report.records >= limit) break;
    report.records++;
    const props = f.properties ?? {};
    const schemaName = String(props['cordon:schema'] ?? '');
    const from = byId.get(String(props['cordon:from'] ?? ''));
    const to = byId.get(String(props['cordon:to'] ?? ''));
    if (!LINK_SCHEMA_NAMES.includes(schemaName) || !from || !to) {
      report.skip(row, 'a line is a link only between two points of the file (cordon:schema, cordon:from, cordon:to); left out');
      continue;
    }
    const schema = getSchema(schemaName)!;
    const values: Values = [];
    for (const [key, raw] of Object.entries(props)) {
      if (OWN.test(key) || STYLE_KEY.test(key) || getProperty(schema, key)?.type === 'entity') continue;
      for (const v of text(raw)) addAttribute(schema, values, key, v, (m) => report.issue(row, m));
    }
    const made = sink.link(schema, from, to, values, sourceOf(sink, props['cordon:source'], row), row);
    if ('error' in made) report.skip(row, made.error);
    sink.maybeFlush();
  }
}

/** The feature's own source (Cordon's export writes one per feature), else the file's. */
function sourceOf(sink: ImportSink, raw: unknown, row: number): string {
  if (raw === undefined || raw === null) return sink.defaultSource();
  const parsed = featureSource.safeParse(raw);
  if (!parsed.success) {
    sink.report.issue(row, `its cordon:source is not a source report (${z.prettifyError(parsed.error).split('\n')[0]}); the file's source is used`);
    return sink.defaultSource();
  }
  return sink.source(parsed.data);
}
