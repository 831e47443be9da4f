import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SearchResult } from '../../../shared/dto';
import { foldText } from '../../../shared/values';

// Full-text search over names, aliases and identifiers. The FTS5 tokenizer folds case and
// diacritics; every word the user types must match the start of a word in the entity's text.

/** Builds an FTS5 query from free text; returns null when nothing searchable is left. */
export function toFtsQuery(query: string): string | null {
  const tokens = query.match(/[\p{L}\p{N}]+/gu);
  if (!tokens || tokens.length === 0) return null;
  return tokens
    .slice(0, 16)
    .map((t) => `"${t}"*`)
    .join(' ');
}

function bestMatch(text: string, query: string): string {
  const values = text.split('\n');
  const first = foldText(query.match(/[\p{L}\p{N}]+/u)?.[0] ?? '');
  return values.find((v) => foldText(v).includes(first)) ?? values[0] ?? '';
}

type Row = { id: string; schema: string; caption: string; text: string };

const JOINED = `SELECT e.id, e.schema, e.caption, entity_search.text AS text
         FROM entity_search
         JOIN entities e ON e.rid = entity_search.rowid`;

/** The reference query: every match joined to its entity, ordered by relevance then caption. */
function searchAll(db: Database, fts: string, limit: number, schema?: string): Row[] {
  return db
    .prepare(
      `${JOINED}
        WHERE entity_search MATCH ? AND e.deleted = 0 ${schema ? 'AND e.schema = ?' : ''}
        ORDER BY bm25(entity_search), e.caption
        LIMIT ?`,
    )
    .all(...(schema ? [fts, schema, limit] : [fts, limit])) as Row[];
}

/**
 * The same result as searchAll, without joining every match: a common word can match a large
 * part of a big case, and the joins cost more than the ranking. First the FTS index alone finds the
 * relevance of the limit-th best match (R); then only matches at least that relevant (ties included,
 * so the caption order among equals is kept) are joined and sorted. If deleted entities were among
 * those (the index drops them on delete, so this does not happen), the reference query answers.
 * `after` limits the ranking to rows above a rowid (see searchEntities).
 */
function searchTop(db: Database, fts: string, limit: number, after: number): Row[] {
  const top = db
    .prepare('SELECT rank FROM entity_search WHERE entity_search MATCH ? AND rowid > ? ORDER BY rank LIMIT 1 OFFSET ?')
    .pluck()
    .get(fts, after, limit - 1) as number | undefined;
  if (top === undefined) return after > 0 ? searchTop(db, fts, limit, 0) : searchAll(db, fts, limit);
  const rows = db
    .prepare(
      `${JOINED}
        WHERE entity_search MATCH ? AND entity_search.rowid > ? AND entity_search.rank <= ? AND e.deleted = 0
        ORDER BY entity_search.rank, e.caption
        LIMIT ?`,
    )
    .all(fts, after, top, limit) as Row[];
  if (rows.length === limit) return rows;
  return after > 0 ? searchTop(db, fts, limit, 0) : searchAll(db, fts, limit);
}

/**
 * Matches ranked at most: ranking reads every match's document size, so a common word or a short
 * prefix ("ga", "garcia" in a case of a million people) cost 100+ ms when all its matches were
 * ranked. Above this many matches only the newest ones are ranked. A precise query (an
 * identifier, a full name) matches far fewer and is always ranked in full.
 */
export const RANK_CAP = 2000;

export function searchEntities(db: Database, query: string, limit: number, schema?: string): SearchResult[] {
  const fts = toFtsQuery(query);
  if (!fts || limit < 1) return [];
  let rows: Row[];
  if (schema) rows = searchAll(db, fts, limit, schema);
  else {
    // Walking the matches newest first stops at RANK_CAP + 1 without ranking any of them.
    const floor = db.prepare('SELECT rowid FROM entity_search WHERE entity_search MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?').pluck().get(fts, Math.max(RANK_CAP, limit)) as
      | number
      | undefined;
    rows = searchTop(db, fts, limit, floor ?? 0);
  }
  return rows.map((r) => ({ id: r.id, schema: r.schema, caption: r.caption, match: bestMatch(r.text, query) }));
}
