import type { Database } from 'better-sqlite3-multiple-ciphers';
import { getProperty, getSchema } from '../../../../shared/catalogue';
import type { EntitySummary } from '../../../../shared/entities/dto';
import type { MatchCandidate } from '../../../../shared/interchange/dto';
import { foldName, jaroWinkler, type FoldedName } from './fold';

// "Find matching entities": candidate pairs by blocking (names run together, sorted name tokens,
// pairs of phonetic codes, identifiers), then scored with explained features. Pairs judged "not
// the same" are never suggested again; members of one cluster are already one.

const PARTIES = new Set(['Person', 'Organization', 'Company', 'LegalEntity']);
const IDENTIFIER_TYPES = new Set(['identifier', 'phone', 'email', 'iban']);
/** Blocks bigger than this (very common names) are not paired out: they would be noise. */
const MAX_BLOCK = 300;

interface Profile {
  e: EntitySummary & { canonical: string };
  names: FoldedName[];
  ids: Map<string, Set<string>>;
  births: Set<string>;
  countries: Set<string>;
}

function compatible(a: string, b: string): boolean {
  return a === b || (PARTIES.has(a) && PARTIES.has(b) && a !== 'Person' && b !== 'Person');
}

function load(db: Database, schema: string | undefined): Profile[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.schema, e.caption, coalesce(e.canonical_id, e.id) AS canonical, s.prop, s.value
         FROM entities e JOIN statements s ON s.entity_id = e.id
        WHERE e.deleted = 0 AND e.is_link = 0 AND s.retracted = 0 ${schema ? 'AND e.schema = ?' : ''}
        ORDER BY e.id`,
    )
    .iterate(...(schema ? [schema] : [])) as Iterable<{ id: string; schema: string; caption: string; canonical: string; prop: string; value: string }>;
  const out: Profile[] = [];
  let cur: Profile | null = null;
  for (const r of rows) {
    if (!cur || cur.e.id !== r.id) {
      cur = { e: { id: r.id, schema: r.schema, caption: r.caption, canonical: r.canonical }, names: [], ids: new Map(), births: new Set(), countries: new Set() };
      out.push(cur);
    }
    const def = getProperty(getSchema(r.schema)!, r.prop);
    if (!def) continue;
    if (def.type === 'name' && ['name', 'alias', 'title'].includes(r.prop)) cur.names.push(foldName(r.value));
    else if (IDENTIFIER_TYPES.has(def.type)) (cur.ids.get(r.prop) ?? cur.ids.set(r.prop, new Set()).get(r.prop)!).add(r.value.toUpperCase().replace(/[^\p{L}\p{N}+@.]/gu, ''));
    else if (r.prop === 'birthDate') cur.births.add(r.value);
    else if (def.type === 'country') cur.countries.add(r.value);
  }
  return out;
}

function keysOf(p: Profile): string[] {
  const keys = new Set<string>();
  for (const n of p.names) {
    if (n.compact.length < 3) continue;
    keys.add(`c:${n.compact}`);
    keys.add(`s:${n.sorted}`);
    if (n.codes.length === 1) keys.add(`m:${n.codes[0]}`);
    for (let i = 0; i < n.codes.length; i++) for (let j = i + 1; j < n.codes.length; j++) keys.add(`p:${[n.codes[i], n.codes[j]].sort().join('|')}`);
  }
  for (const [prop, vs] of p.ids) for (const v of vs) if (v.length >= 4) keys.add(`i:${prop}:${v}`);
  return [...keys];
}

function score(a: Profile, b: Profile): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let name = 0;
  let phonetic = false;
  let via: FoldedName | null = null;
  for (const x of a.names) {
    for (const y of b.names) {
      const s = Math.max(jaroWinkler(x.compact, y.compact), jaroWinkler(x.sorted, y.sorted));
      if (s > name) {
        name = s;
        via = x.script ? x : y.script ? y : null;
      }
      if (x.codes.join(' ') === y.codes.join(' ')) phonetic = true;
    }
  }
  const shared: string[] = [];
  for (const [prop, vs] of a.ids) {
    const other = b.ids.get(prop);
    if (other && [...vs].some((v) => other.has(v))) shared.push(prop);
  }
  let s = name;
  if (shared.length > 0) {
    s = Math.max(s, 0.9) + 0.05 * Math.min(shared.length, 2);
    for (const prop of shared) reasons.push(`same ${(getProperty(getSchema(a.e.schema)!, prop)?.label ?? prop).toLowerCase()}`);
  }
  if (name > 0) reasons.push(name === 1 ? 'names the same once folded' : `names ${name.toFixed(2)} similar`);
  if (phonetic && name < 1) {
    s += 0.03;
    reasons.push('names sound alike');
  }
  if (via?.script) reasons.push(`compared across scripts (${via.script} "${via.original}" read as "${via.tokens.join(' ')}")`);
  if (a.births.size > 0 && b.births.size > 0) {
    if ([...a.births].some((d) => b.births.has(d))) {
      s += 0.05;
      reasons.push('same date of birth');
    } else {
      const ya = new Set([...a.births].map((d) => d.slice(0, 4)));
      if (![...b.births].some((d) => ya.has(d.slice(0, 4)))) {
        s -= 0.25;
        reasons.push('birth year differs');
      } else {
        s -= 0.1;
        reasons.push('date of birth differs');
      }
    }
  }
  if (a.countries.size > 0 && b.countries.size > 0 && ![...a.countries].some((c) => b.countries.has(c))) {
    s -= 0.1;
    reasons.push(`countries differ (${[...a.countries].join(', ')} / ${[...b.countries].join(', ')})`);
  }
  return { score: Math.round(Math.max(0, Math.min(1, s)) * 1000) / 1000, reasons };
}

export function findCandidates(
  db: Database,
  opts: { entityId?: string | undefined; schema?: string | undefined; minScore: number; limit: number },
): MatchCandidate[] {
  const profiles = load(db, opts.schema);
  const judged = new Map<string, string>();
  for (const j of db.prepare('SELECT entity_a, entity_b, decision FROM match_judgements WHERE superseded_at IS NULL').all() as Array<{ entity_a: string; entity_b: string; decision: string }>) {
    judged.set(`${j.entity_a}\u0000${j.entity_b}`, j.decision);
  }
  const blocks = new Map<string, number[]>();
  profiles.forEach((p, i) => {
    for (const k of keysOf(p)) (blocks.get(k) ?? blocks.set(k, []).get(k)!).push(i);
  });
  const focus = opts.entityId ? profiles.findIndex((p) => p.e.id === opts.entityId) : -1;
  if (opts.entityId && focus < 0) return [];
  const seen = new Set<number>();
  const n = profiles.length;
  const out: MatchCandidate[] = [];
  const consider = (i: number, j: number) => {
    if (i === j) return;
    const [x, y] = i < j ? [i, j] : [j, i];
    const key = x * n + y;
    if (seen.has(key)) return;
    seen.add(key);
    const a = profiles[x]!;
    const b = profiles[y]!;
    if (a.e.canonical === b.e.canonical || !compatible(a.e.schema, b.e.schema)) return;
    const [ida, idb] = a.e.id < b.e.id ? [a.e.id, b.e.id] : [b.e.id, a.e.id];
    const judgement = judged.get(`${ida}\u0000${idb}`);
    if (judgement === 'not_same' || judgement === 'same') return;
    const r = score(a, b);
    if (r.score < opts.minScore) return;
    const strip = (p: Profile): EntitySummary => ({ id: p.e.id, schema: p.e.schema, caption: p.e.caption });
    out.push({ a: strip(a), b: strip(b), score: r.score, reasons: r.reasons, judgement: judgement === 'unsure' ? 'unsure' : null });
  };
  for (const [, members] of blocks) {
    if (members.length < 2) continue;
    if (focus >= 0) {
      if (members.includes(focus)) for (const m of members) consider(focus, m);
      continue;
    }
    if (members.length > MAX_BLOCK) continue;
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) consider(members[i]!, members[j]!);
  }
  out.sort((p, q) => q.score - p.score || p.a.caption.localeCompare(q.a.caption));
  return out.slice(0, opts.limit);
}
