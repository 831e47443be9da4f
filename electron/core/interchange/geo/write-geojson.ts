import { getProperty, getSchema } from '../../../../shared/catalogue';
import { mostRestrictive } from '../../../../shared/grading';
import type { ExportEntity, ExportSet, ExportSource } from '../export/collect';
import type { OutFile } from '../export/out';
import type { Tick } from '../export/pace';

// GeoJSON (RFC 7946): every located entity as a Point feature — its values as properties (one
// value as itself, several as a list), its main source report, and the handling and TLP of the
// values it carries — and every link between two exported points as a LineString. Handling rules
// are the other exports': collect() has already left out what may not be disseminated. The
// collection carries the most restrictive handling of the file (a foreign member, as RFC 7946
// allows), so a GIS that drops per-feature properties still shows the file's banner.

const num = (e: ExportEntity, prop: string): number | null => {
  const s = e.statements.find((x) => x.prop === prop);
  const n = s ? Number(s.value) : NaN;
  return Number.isFinite(n) ? n : null;
};

function sourceJson(s: ExportSource | undefined) {
  if (!s) return null;
  return { title: s.title, scheme: s.scheme, grade: s.grade, ...(s.handling ? { handling: s.handling } : {}), ...(s.tlp ? { tlp: s.tlp } : {}), ...(s.reference ? { reference: s.reference } : {}), ...(s.reportDate ? { reportDate: s.reportDate } : {}) };
}

export async function writeGeojson(out: OutFile, set: ExportSet, tick: Tick): Promise<string[]> {
  const at = new Map<string, [number, number]>();
  const banner = { ...(set.handling ? { 'cordon:handling': set.handling } : {}), ...(set.tlp ? { 'cordon:tlp': set.tlp } : {}) };
  out.write(`{"type":"FeatureCollection",${JSON.stringify(banner).slice(1, -1)}${Object.keys(banner).length ? ',' : ''}"features":[`);
  let first = true;
  const feature = (f: unknown) => {
    out.write(`${first ? '\n' : ',\n'}${JSON.stringify(f)}`);
    first = false;
  };
  let unlocated = 0;
  for (const e of set.entities) {
    await tick();
    const lat = num(e, 'latitude');
    const lon = num(e, 'longitude');
    if (lat === null || lon === null) {
      unlocated++;
      continue;
    }
    at.set(e.id, [lon, lat]);
    feature({ type: 'Feature', id: e.id, geometry: { type: 'Point', coordinates: [lon, lat] }, properties: propertiesOf(e, set) });
  }
  let links = 0;
  for (const l of set.links) {
    await tick();
    const a = at.get(l.from);
    const b = at.get(l.to);
    if (!a || !b || l.schema === 'Similar') continue;
    links++;
    feature({ type: 'Feature', id: l.id, geometry: { type: 'LineString', coordinates: [a, b] }, properties: { ...propertiesOf(l, set), 'cordon:from': l.from, 'cordon:to': l.to } });
  }
  out.write('\n]}\n');
  const warnings: string[] = [];
  if (unlocated > 0) warnings.push(`${unlocated} ${unlocated === 1 ? 'entity has' : 'entities have'} no coordinates and ${unlocated === 1 ? 'is' : 'are'} not in the GeoJSON file.`);
  if (at.size === 0) warnings.push('No exported entity has coordinates: the GeoJSON file has no feature.');
  void links;
  return warnings;
}

function propertiesOf(e: ExportEntity, set: ExportSet): Record<string, unknown> {
  const schema = getSchema(e.schema)!;
  const props: Record<string, unknown> = { 'cordon:schema': e.schema, name: e.caption };
  const grouped = new Map<string, string[]>();
  for (const s of e.statements) {
    if (s.prop === 'latitude' || s.prop === 'longitude') continue;
    const def = getProperty(schema, s.prop);
    if (!def || def.type === 'entity') continue;
    const list = grouped.get(s.prop) ?? grouped.set(s.prop, []).get(s.prop)!;
    if (!list.includes(s.value)) list.push(s.value);
  }
  for (const [p, vs] of grouped) props[p] = vs.length === 1 ? vs[0] : vs;
  const used = [...new Set(e.statements.map((s) => s.sourceId).filter((x): x is string => !!x))].map((id) => set.sources.get(id)!).filter(Boolean);
  const main = e.statements.find((s) => s.prop === 'latitude')?.sourceId ?? e.statements[0]?.sourceId;
  const src = sourceJson(main ? set.sources.get(main) : undefined);
  if (src) props['cordon:source'] = src;
  const g = mostRestrictive(used.map((s) => ({ handling: s.handling ?? undefined, tlp: s.tlp ?? undefined })));
  if (g.handling) props['cordon:handling'] = g.handling;
  if (g.tlp) props['cordon:tlp'] = g.tlp;
  return props;
}
