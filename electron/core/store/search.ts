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

export function searchEntities(db: Database, query: string, limit: number, schema?: string): SearchResult[] {
  const fts = toFtsQuery(query);
  if (!fts) return [];
  const rows = db
    .prepare(
      `SELECT e.id, e.schema, e.caption, entity_search.text AS text
         FROM entity_search
         JOIN entity_search_map m ON m.rowid = entity_search.rowid
         JOIN entities e ON e.id = m.entity_id
        WHERE entity_search MATCH ? AND e.deleted = 0 ${schema ? 'AND e.schema = ?' : ''}
        ORDER BY bm25(entity_search), e.caption
        LIMIT ?`,
    )
    .all(...(schema ? [fts, schema, limit] : [fts, limit])) as Array<{ id: string; schema: string; caption: string; text: string }>;
  return rows.map((r) => ({ id: r.id, schema: r.schema, caption: r.caption, match: bestMatch(r.text, query) }));
}
