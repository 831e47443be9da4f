import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SearchResult } from '../../../shared/entities/dto';
import { foldText } from '../../../shared/values';
import { foldOntoCanonical } from './canonical';
import { cachedStatement } from './prepared';

// Full-text search over names, aliases and identifiers. The FTS5 tokenizer folds case and
// diacritics; every word the user types must match the start of a word in the entity's text.
//
// Best match first, in two tiers: records where every typed word is a whole word ("garcia" finds
// García before Garcíaz), then records where the words only start words; within a tier, oldest
// record first (the FTS rowid is the entity's rid). Each tier is read in rowid order and stops at
// the page limit, so a common word costs no more than a rare one.
//
// Why not bm25: it computes each word's document frequency over its whole doclist and each match's
// length from the docsize table, so its cost grows with the number of matches, and ORDER BY rank
// cannot stop early. Measured at 1,000,000 people (encrypted, the benchmark's 1,000 queries, one
// run, process CPU): counting the matches 1.1 s, the 50 best by rank 3.8 s, the former bm25 search
// with its joins 12.8 s, these two tiers 1.3–1.5 s. And with the same words in nearly every record,
// bm25 mostly ranked shorter texts first, which an analyst cannot see; whole word before word start
// is an order they can.
//
// The FTS table is unchanged (one text column, prefix='2 3', detail=full). Also measured with these
// tiers at 1M: prefix='1 2 3' (so "d'amico" or an initial needs no scan of every d-word) saved about
// 10% CPU; detail=none doubled the cost of two-word queries. Neither was worth a rebuild of the index.

/** Builds an FTS5 query from free text, each word a prefix or (exact) a whole word; null when nothing searchable is left. */
export function toFtsQuery(query: string, exact = false): string | null {
  const tokens = query.match(/[\p{L}\p{N}]+/gu);
  if (!tokens || tokens.length === 0) return null;
  return tokens
    .slice(0, 16)
    .map((t) => (exact ? `"${t}"` : `"${t}"*`))
    .join(' ');
}

function bestMatch(text: string, query: string): string {
  const values = text.split('\n');
  const first = foldText(query.match(/[\p{L}\p{N}]+/u)?.[0] ?? '');
  return values.find((v) => foldText(v).includes(first)) ?? values[0] ?? '';
}

type Row = { id: string; schema: string; caption: string; text: string };

// The FTS table drives (MATCH, rowid order consumed by FTS5), each hit is joined by primary key,
// and LIMIT stops the scan: test/core/search.test.ts checks this plan.
const PAGE = `SELECT e.id, e.schema, e.caption, entity_search.text AS text
         FROM entity_search
         JOIN entities e ON e.rid = entity_search.rowid
        WHERE entity_search MATCH ? AND e.deleted = 0`;

/** The SQL of one tier, for the query-plan test. */
export const SEARCH_PAGE_SQL = {
  any: `${PAGE} ORDER BY entity_search.rowid LIMIT ?`,
  ofSchema: `${PAGE} AND e.schema = ? ORDER BY entity_search.rowid LIMIT ?`,
};

function page(db: Database, fts: string, limit: number, schema: string | undefined): Row[] {
  // Prepared once per connection: parsing and planning the join costs about as much as a rare word's search.
  return (schema ? cachedStatement(db, SEARCH_PAGE_SQL.ofSchema).all(fts, schema, limit) : cachedStatement(db, SEARCH_PAGE_SQL.any).all(fts, limit)) as Row[];
}

export function searchEntities(db: Database, query: string, limit: number, schema?: string): SearchResult[] {
  const prefixes = toFtsQuery(query);
  const words = toFtsQuery(query, true);
  if (!prefixes || !words || limit < 1) return [];
  const rows = page(db, words, limit, schema);
  if (rows.length < limit) {
    // Every whole-word match is also a prefix match: read past them and keep the others.
    const seen = new Set(rows.map((r) => r.id));
    for (const r of page(db, prefixes, limit + rows.length, schema)) {
      if (rows.length >= limit) break;
      if (!seen.has(r.id)) rows.push(r);
    }
  }
  // A merged record is found under its cluster's canonical record, once.
  return foldOntoCanonical(
    db,
    rows.map((r) => ({ id: r.id, schema: r.schema, caption: r.caption, match: bestMatch(r.text, query) })),
  );
}
