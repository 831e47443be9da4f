import type { Database } from 'better-sqlite3-multiple-ciphers';
import { captionOf, getSchema } from '../../../../shared/catalogue';
import { CordonError } from '../../../../shared/errors';
import { mostRestrictive, type GradingScheme, type Tlp } from '../../../../shared/grading';
import { commsExportLinks } from '../../comms/export-links';
import { searchEntities } from '../../store/search';
import { latestPlacement } from '../layouts';
import type { ExportPace } from './pace';

// What an export contains: the selection (or the whole case), entities merged by their
// canonical id (same-as judgements), and the handling rule — values graded H2 ("not to be
// disseminated") or TLP:RED are left out unless the analyst asks otherwise.

export interface ExportSource {
  id: string;
  title: string;
  scheme: GradingScheme;
  grade: string;
  handling: string | null;
  tlp: Tlp | null;
  reference: string | null;
  reportDate: string | null;
}

export interface ExportStatement {
  prop: string;
  value: string;
  sourceId: string | null;
}

export interface ExportEntity {
  id: string;
  schema: string;
  caption: string;
  statements: ExportStatement[];
  /** Ids of the records merged into this one (itself included). */
  members: string[];
}

export interface ExportLink extends ExportEntity {
  from: string;
  to: string;
}

export interface ExportSet {
  entities: ExportEntity[];
  links: ExportLink[];
  sources: Map<string, ExportSource>;
  placement: Map<string, { x: number | null; y: number | null; style: Record<string, unknown> }>;
  withheldValues: number;
  withheldItems: number;
  handling: string | null;
  tlp: Tlp | null;
}

/** Not to be passed on: EU 4x4 H2, or TLP:RED. */
export function isRestricted(s: Pick<ExportSource, 'handling' | 'tlp'> | undefined): boolean {
  return !!s && (s.handling === 'H2' || s.tlp === 'RED');
}

interface Row {
  id: string;
  schema: string;
  canonical_id: string | null;
  is_link: number;
}

export async function collect(
  db: Database,
  select: { query?: string | undefined; ids?: string[] | undefined } | undefined,
  includeRestricted: boolean,
  pace: ExportPace,
): Promise<ExportSet> {
  const sources = new Map<string, ExportSource>();
  for (const s of db.prepare('SELECT id, title, scheme, grade, handling, tlp, reference, report_date AS reportDate FROM sources').all() as ExportSource[]) sources.set(s.id, s);

  const all = db.prepare('SELECT id, schema, canonical_id, is_link FROM entities WHERE deleted = 0').all() as Row[];
  const canon = (r: Row) => r.canonical_id ?? r.id;
  const byId = new Map(all.map((r) => [r.id, r]));

  // The chosen entities (by their clusters), or every entity.
  let chosen: Set<string> | null = null;
  if (select?.query || select?.ids) {
    chosen = new Set();
    const pick = (id: string) => {
      const r = byId.get(id);
      if (r && !r.is_link) chosen!.add(canon(r));
    };
    if (select.ids) for (const id of select.ids) pick(id);
    if (select.query) for (const hit of searchEntities(db, select.query, 100_000)) pick(hit.id);
    if (chosen.size === 0) throw new CordonError('NOT_FOUND', 'The selection matches no entity; nothing to export.');
  }

  const statementsOf = db.prepare('SELECT prop, value, source_id AS sourceId FROM statements WHERE entity_id = ? AND retracted = 0 ORDER BY id');
  const ends = db.prepare('SELECT source_id, target_id FROM links WHERE id = ?');
  let withheldValues = 0;
  let withheldItems = 0;
  const used = new Set<string>();
  const keep = (sts: ExportStatement[]): ExportStatement[] =>
    sts.filter((s) => {
      const restricted = isRestricted(s.sourceId ? sources.get(s.sourceId) : undefined);
      if (restricted && !includeRestricted) {
        withheldValues++;
        return false;
      }
      return true;
    });

  const clusters = new Map<string, Row[]>();
  for (const r of all) {
    if (r.is_link) continue;
    const c = canon(r);
    if (chosen && !chosen.has(c)) continue;
    (clusters.get(c) ?? clusters.set(c, []).get(c)!).push(r);
  }
  let linkRows = 0;
  for (const r of all) if (r.is_link) linkRows++;
  const items = [...clusters.values()].reduce((n, m) => n + m.length, 0) + linkRows;
  pace.plan(items, items);
  const entities: ExportEntity[] = [];
  const exported = new Set<string>();
  for (const [id, members] of clusters) {
    for (let i = 0; i < members.length; i++) await pace.tick();
    const head = byId.get(id) ?? members[0]!;
    const seen = new Set<string>();
    const statements: ExportStatement[] = [];
    for (const m of [head, ...members.filter((x) => x !== head)]) {
      for (const s of keep(statementsOf.all(m.id) as ExportStatement[])) {
        const k = `${s.prop}\u0000${s.value}\u0000${s.sourceId}`;
        if (!seen.has(k)) {
          seen.add(k);
          statements.push(s);
        }
      }
    }
    if (statements.length === 0) {
      withheldItems++;
      continue;
    }
    const schema = getSchema(head.schema)!;
    statements.forEach((s) => s.sourceId && used.add(s.sourceId));
    entities.push({ id, schema: head.schema, caption: captionOf(schema, (p) => statements.filter((s) => s.prop === p).map((s) => s.value)), statements, members: members.map((m) => m.id) });
    exported.add(id);
  }

  const links: ExportLink[] = [];
  for (const r of all) {
    if (!r.is_link) continue;
    await pace.tick();
    const e = ends.get(r.id) as { source_id: string; target_id: string } | undefined;
    const a = e && byId.get(e.source_id);
    const b = e && byId.get(e.target_id);
    if (!a || !b) continue;
    const from = canon(a);
    const to = canon(b);
    if (chosen && (!chosen.has(from) || !chosen.has(to))) continue;
    if (!exported.has(from) || !exported.has(to) || from === to) {
      if (from !== to && (clusters.has(from) || !chosen) && (clusters.has(to) || !chosen)) withheldItems++;
      continue;
    }
    const schema = getSchema(r.schema)!;
    const raw = statementsOf.all(r.id) as ExportStatement[];
    const endpoints = raw.filter((s) => s.prop === schema.edge!.source || s.prop === schema.edge!.target);
    if (!includeRestricted && endpoints.some((s) => isRestricted(s.sourceId ? sources.get(s.sourceId) : undefined))) {
      // The link's very existence is restricted.
      withheldItems++;
      withheldValues += raw.length;
      continue;
    }
    const statements = keep(raw.filter((s) => !endpoints.includes(s)));
    [...statements, ...endpoints].forEach((s) => s.sourceId && used.add(s.sourceId));
    links.push({ id: r.id, schema: r.schema, caption: captionOf(schema, (p) => statements.filter((s) => s.prop === p).map((s) => s.value)), statements, members: [r.id], from, to });
  }
  // Call records' aggregated links between the exported phones (issue 17): Call links with their counts.
  const calls = commsExportLinks(db, entities, (r) => isRestricted(sources.get(r)), includeRestricted);
  links.push(...calls.links);
  for (const id of calls.used) used.add(id);
  withheldItems += calls.withheld;
  const banner = mostRestrictive([...used].map((id) => sources.get(id)!).map((s) => ({ handling: s.handling ?? undefined, tlp: s.tlp ?? undefined })));
  return { entities, links, sources, placement: latestPlacement(db), withheldValues, withheldItems, handling: banner.handling, tlp: banner.tlp };
}

/** The source of most of an item's values: an item's own source in formats with one per item. */
export function mainSource(e: ExportEntity, prop?: string): string | null {
  const first = (prop && e.statements.find((s) => s.prop === prop)) || e.statements[0];
  return first?.sourceId ?? null;
}
