import { describe, expect, it } from 'vitest';
import { up } from '../../../electron/core/store/migrations/008_caption_fallback';
import { beforeMigration } from './support';

describe('migration 008: entities known only by a phone or an e-mail get it as their caption', () => {
  it('recomputes empty captions (and their sort keys) and leaves named entities and links alone', () => {
    const { db, apply } = beforeMigration(up);
    const entity = db.prepare("INSERT INTO entities (id, schema, caption, sort_key, is_link, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'now', 'now')");
    const statement = db.prepare("INSERT INTO statements (entity_id, prop, value, originator, first_seen, last_seen, retracted) VALUES (?, ?, ?, 'IT', 'now', 'now', ?)");
    entity.run('p1', 'Person', '', '', 0);
    statement.run('p1', 'phone', '+34600111222', 0);
    entity.run('p2', 'Person', 'Ana', 'ana', 0);
    statement.run('p2', 'name', 'Ana', 0);
    statement.run('p2', 'phone', '+34600999999', 0);
    entity.run('o1', 'Organization', '', '', 0);
    statement.run('o1', 'email', 'ops@example.org', 0);
    entity.run('p3', 'Person', '', '', 0);
    statement.run('p3', 'phone', '+34600000000', 1);
    entity.run('c1', 'Call', '', '', 1);
    apply();
    const rows = db.prepare('SELECT id, caption, sort_key <> \'\' AS keyed FROM entities ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'c1', caption: '', keyed: 0 },
      { id: 'o1', caption: 'ops@example.org', keyed: 1 },
      { id: 'p1', caption: '+34600111222', keyed: 1 },
      { id: 'p2', caption: 'Ana', keyed: 1 },
      // Only a retracted value: still nothing to show.
      { id: 'p3', caption: '', keyed: 0 },
    ]);
    db.close();
  });
});
