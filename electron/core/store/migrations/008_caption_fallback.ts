import type { Database } from 'better-sqlite3-multiple-ciphers';
import { captionOf, getSchema } from '../../../../shared/catalogue';
import { naturalSortKey } from '../../../../shared/values';

// Schema version 8: people and organisations known only by a phone number or an e-mail (most
// call-record imports) are captioned by it instead of "(unnamed)". The catalogue's caption lists
// grew at their ends, so only entities whose caption is empty can change: recompute those.
export function up(db: Database): void {
  const empty = db.prepare("SELECT id, schema FROM entities WHERE caption = '' AND is_link = 0").all() as Array<{ id: string; schema: string }>;
  const values = db.prepare('SELECT prop, value FROM statements WHERE entity_id = ? AND retracted = 0 ORDER BY id');
  const set = db.prepare('UPDATE entities SET caption = ?, sort_key = ? WHERE id = ?');
  for (const e of empty) {
    const schema = getSchema(e.schema);
    if (!schema) continue;
    const rows = values.all(e.id) as Array<{ prop: string; value: string }>;
    const caption = captionOf(schema, (p) => rows.filter((r) => r.prop === p).map((r) => r.value));
    if (caption !== '') set.run(caption, naturalSortKey(caption), e.id);
  }
}
