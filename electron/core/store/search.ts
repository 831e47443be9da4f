import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SearchResult } from '../../../shared/dto';
import { foldText } from '../../../shared/values';
import { foldOntoCanonical } from './canonical';

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
 */
function searchTop(db: Database, fts: string, limit: number): Row[] {
  const top = db.prepare('SELECT rank FROM entity_search WHERE entity_search MATCH ? ORDER BY rank LIMIT 1 OFFSET ?').pluck().get(fts, limit - 1) as
    | number
    | undefined;
  if (top === undefined) return searchAll(db, fts, limit);
  const rows = db
    .prepare(
      `${JOINED}
        WHERE entity_search MATCH ? AND entity_search.rank <= ? AND e.deleted = 0
        ORDER BY entity_search.rank, e.caption
        LIMIT ?`,
    )
    .all(fts, top, limit) as Row[];
  return rows.length === limit ? rows : searchAll(db, fts, limit);
}

export function searchEntities(db: Database, query: string, limit: number, schema?: string): SearchResult[] {
  const fts = toFtsQuery(query);
  if (!fts || limit < 1) return [];
  const rows = schema ? searchAll(db, fts, limit, schema) : searchTop(db, fts, limit);
  // A merged record is found under its cluster's canonical record, once.
  return foldOntoCanonical(
    db,
    rows.map((r) => ({ id: r.id, schema: r.schema, caption: r.caption, match: bestMatch(r.text, query) })),
  );
}
