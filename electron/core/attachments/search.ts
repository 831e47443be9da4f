import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SearchResult } from '../../../shared/entities/dto';
import { toFtsQuery } from '../store/search';
import { cachedStatement } from '../store/prepared';

// Words inside attached documents (issue 23): each page's text is one row of attachment_text, so a
// hit names the file and the page. The same two tiers as the entity search (whole words first,
// then word starts; within a tier in the order the pages were indexed), read in rowid order and
// stopped at the limit, so a common word costs no more than a rare one. A page of a content
// attached twice is one hit per attachment.
//
// The result's id, schema and caption are the attachment's target (an entity, a link, or a source
// report, whose schema is given as 'Source'), so a hit opens the record the file supports.

export const ATTACHMENT_SEARCH_SQL = `
  SELECT coalesce(e.id, s.id) AS id, coalesce(e.schema, 'Source') AS schema, coalesce(e.caption, s.title) AS caption,
         a.id AS attachment, a.name AS attachment_name, p.page AS page, p.rid AS prid,
         snippet(attachment_text, 0, '', '', '…', 12) AS match
    FROM attachment_text
    JOIN attachment_pages p ON p.rid = attachment_text.rowid
    JOIN attachments a ON a.blob = p.blob
    LEFT JOIN entities e ON e.rid = a.entity
    LEFT JOIN sources s ON s.rid = a.target_source
   WHERE attachment_text MATCH ? AND (e.rid IS NULL OR e.deleted = 0)
   ORDER BY attachment_text.rowid
   LIMIT ?`;

type Row = { id: string; schema: string; caption: string; attachment: string; attachment_name: string; page: number; prid: number; match: string };

function tier(db: Database, fts: string, limit: number): Row[] {
  return cachedStatement(db, ATTACHMENT_SEARCH_SQL).all(fts, limit) as Row[];
}

export function searchAttachmentText(db: Database, query: string, limit: number): SearchResult[] {
  const prefixes = toFtsQuery(query);
  const words = toFtsQuery(query, true);
  if (!prefixes || !words || limit < 1) return [];
  const rows = tier(db, words, limit);
  if (rows.length < limit) {
    const seen = new Set(rows.map((r) => `${r.attachment}/${r.page}`));
    for (const r of tier(db, prefixes, limit + rows.length)) {
      if (rows.length >= limit) break;
      if (!seen.has(`${r.attachment}/${r.page}`)) rows.push(r);
    }
  }
  return rows.map((r) => ({
    id: r.id,
    schema: r.schema,
    caption: r.caption,
    match: r.match.replace(/\s+/g, ' ').trim(),
    attachment: r.attachment,
    attachmentName: r.attachment_name,
    page: r.page,
  }));
}

/** The search box and `cordon search`: entities first (names, aliases, identifiers), then words inside attachments. */
export function searchWithAttachments(db: Database, entities: SearchResult[], query: string, limit: number): SearchResult[] {
  if (entities.length >= limit) return entities;
  return [...entities, ...searchAttachmentText(db, query, limit - entities.length)];
}
