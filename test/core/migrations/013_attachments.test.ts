import { describe, expect, it } from 'vitest';
import { up } from '../../../electron/core/store/migrations/013_attachments';
import { beforeMigration } from './support';

describe('migration 013: attachments inside the case', () => {
  it('adds blobs, chunks, attachments and their text index; keeps every row; enforces one target and whole blobs', () => {
    const m = beforeMigration(up);
    const db = m.db;
    db.prepare("INSERT INTO entities (rid, id, schema, caption, sort_key, created_at, updated_at) VALUES (1, 'IT-p', 'Person', 'Ana', 'ana', 'now', 'now')").run();
    db.prepare("INSERT INTO sources (rid, id, title, scheme, grade, originator, created_at) VALUES (1, 'IT-s', 'Report', 'eu4x4', 'B2', 'IT', 'now')").run();
    const before = { e: db.prepare('SELECT * FROM entities').all(), s: db.prepare('SELECT * FROM sources').all() };
    m.apply();
    expect(db.prepare('SELECT * FROM entities').all()).toEqual(before.e);
    expect(db.prepare('SELECT * FROM sources').all()).toEqual(before.s);
    db.pragma('foreign_keys = ON');

    const sha = 'a'.repeat(64);
    // Chunks may come before their blob row inside one transaction (the hash is known at the end).
    db.transaction(() => {
      db.prepare('INSERT INTO attachment_chunks (blob, n, data) VALUES (1, 0, ?)').run(Buffer.from('hello'));
      db.prepare("INSERT INTO attachment_blobs (rid, sha256, size, type, chunk_size, chunks, created_at) VALUES (1, ?, 5, 'text/plain', 524288, 1, 'now')").run(sha);
    })();
    // …but never commit without one.
    expect(() => db.transaction(() => db.prepare('INSERT INTO attachment_chunks (blob, n, data) VALUES (9, 0, ?)').run(Buffer.from('x')))()).toThrow(/FOREIGN KEY/);
    // One blob per content.
    expect(() => db.prepare("INSERT INTO attachment_blobs (sha256, size, type, chunk_size, chunks, created_at) VALUES (?, 5, 'text/plain', 1, 1, 'now')").run(sha)).toThrow(/UNIQUE/);

    const attach = db.prepare(
      "INSERT INTO attachments (id, blob, entity, target_source, name, detected_type, size, created_by, created_at) VALUES (?, 1, ?, ?, 'a.txt', 'text/plain', 5, 'IT/t', 'now')",
    );
    attach.run('IT-a1', 1, null);
    attach.run('IT-a2', null, 1);
    // Exactly one target: an entity (or link) or a source report.
    expect(() => attach.run('IT-a3', 1, 1)).toThrow(/CHECK/);
    expect(() => attach.run('IT-a4', null, null)).toThrow(/CHECK/);
    expect(() => attach.run('IT-a5', 99, null)).toThrow(/FOREIGN KEY/);
    expect(db.prepare("SELECT warnings, text_status FROM attachments a JOIN attachment_blobs b ON b.rid = a.blob WHERE a.id = 'IT-a1'").get()).toEqual({ warnings: '[]', text_status: 'none' });

    // The text index folds case and accents as entity_search does.
    const page = db.prepare('INSERT INTO attachment_pages (blob, page) VALUES (1, 1)').run().lastInsertRowid;
    db.prepare('INSERT INTO attachment_text (rowid, text) VALUES (?, ?)').run(page, 'Rapport sur García à Palermo');
    expect(db.prepare("SELECT rowid FROM attachment_text WHERE attachment_text MATCH 'garcia palermo'").pluck().all()).toEqual([page]);
    db.close();
  });
});
