import { describe, expect, it } from 'vitest';
import { up } from '../../../electron/core/store/migrations/007_import_entities';
import { beforeMigration } from './support';

describe('migration 007: the entities each import brought', () => {
  it('adds import_entities, keyed by import and entity, leaving earlier imports intact', () => {
    const { db, apply } = beforeMigration(up);
    db.prepare("INSERT INTO imports (id, format, file_name, sha256, bytes, report, actor, started_at, finished_at) VALUES ('i1', 'csv', 'a.csv', '', 0, '{}', 'IT/x', 'now', 'now')").run();
    apply();
    expect(db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(1);
    db.prepare("INSERT INTO entities (id, schema, caption, is_link, created_at, updated_at) VALUES ('e1', 'Person', 'A', 0, 'now', 'now')").run();
    const add = db.prepare("INSERT OR IGNORE INTO import_entities (import_id, entity_id) VALUES ('i1', 'e1')");
    add.run();
    expect(add.run().changes).toBe(0);
    expect(db.prepare('SELECT import_id, entity_id FROM import_entities').all()).toEqual([{ import_id: 'i1', entity_id: 'e1' }]);
    db.close();
  });
});
