import type { Database } from 'better-sqlite3-multiple-ciphers';

// Schema version 13: attachments (issue 23) — photos, scanned reports and documents inside the
// encrypted case file, never beside it.
//
// - attachment_blobs: one row per distinct content, keyed by its SHA-256, so a file attached twice
//   (to one target or to several) is stored once. `type` is the MIME type found in the bytes.
// - attachment_chunks: the content in chunks of `chunk_size` bytes (the last one shorter), written
//   and read one at a time so a 2 GB video never sits whole in memory. A rowid table: SQLite keeps
//   big rows out of the b-tree's interior pages only in rowid tables (WITHOUT ROWID would put each
//   chunk in an index page and its overflow chain behind it).
// - attachments: what the analyst attached: a name (sanitised), the target (an entity or link by
//   rid, or a source report by rid: exactly one), the source report it came with, the type the
//   name claims and the type found, and who attached it when. Removing one deletes its row; the
//   blob goes with the last attachment that uses it (store/attachments.ts), its pages to SQLite's
//   free list, reused by the next writes.
// - attachment_thumbnails: a photo's thumbnail, made in the core when it is attached; its EXIF
//   facts (time, place, camera) are in attachment_blobs.photo.
// - attachment_text: the text of each page of a document (PDF, DOCX, plain text) for full-text
//   search, folded as entity_search is; its rowid joins attachment_pages (blob, page). Text belongs
//   to the content, so a file attached twice is extracted and indexed once; a hit lists every
//   attachment of that blob.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE attachment_blobs (
      rid        INTEGER PRIMARY KEY,
      sha256     TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
      size       INTEGER NOT NULL CHECK (size >= 0),
      type       TEXT NOT NULL,
      chunk_size INTEGER NOT NULL CHECK (chunk_size > 0),
      chunks     INTEGER NOT NULL CHECK (chunks >= 0),
      -- What became of its text: 'none' (not a document), 'indexed', or why it was not indexed.
      text_status TEXT NOT NULL DEFAULT 'none',
      -- A photo's EXIF facts (JSON: takenAt, timeOffset, latitude, longitude, camera), or NULL.
      photo      TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE attachment_chunks (
      -- Deferred: the chunks are written before their blob row, whose hash is known only at the end.
      blob INTEGER NOT NULL REFERENCES attachment_blobs(rid) DEFERRABLE INITIALLY DEFERRED,
      n    INTEGER NOT NULL CHECK (n >= 0),
      data BLOB NOT NULL,
      PRIMARY KEY (blob, n)
    ) STRICT;

    CREATE TABLE attachments (
      rid           INTEGER PRIMARY KEY,
      id            TEXT NOT NULL UNIQUE,
      blob          INTEGER NOT NULL REFERENCES attachment_blobs(rid),
      entity        INTEGER REFERENCES entities(rid),
      target_source INTEGER REFERENCES sources(rid),
      source        INTEGER REFERENCES sources(rid),
      name          TEXT NOT NULL,
      declared_type TEXT,
      detected_type TEXT NOT NULL,
      size          INTEGER NOT NULL,
      -- JSON list of what the analyst was told (the name lies, a polyglot, a PDF with script…).
      warnings      TEXT NOT NULL DEFAULT '[]',
      created_by    TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      CHECK ((entity IS NULL) <> (target_source IS NULL))
    ) STRICT;
    CREATE INDEX attachments_entity ON attachments(entity) WHERE entity IS NOT NULL;
    CREATE INDEX attachments_target_source ON attachments(target_source) WHERE target_source IS NOT NULL;
    CREATE INDEX attachments_blob ON attachments(blob);

    -- A photo's thumbnail (JPEG, at most 256 px): made once per content, in the core.
    CREATE TABLE attachment_thumbnails (
      blob   INTEGER PRIMARY KEY REFERENCES attachment_blobs(rid) DEFERRABLE INITIALLY DEFERRED,
      type   TEXT NOT NULL,
      width  INTEGER NOT NULL,
      height INTEGER NOT NULL,
      data   BLOB NOT NULL
    ) STRICT;

    CREATE TABLE attachment_pages (
      rid        INTEGER PRIMARY KEY,
      blob       INTEGER NOT NULL REFERENCES attachment_blobs(rid) DEFERRABLE INITIALLY DEFERRED,
      page       INTEGER NOT NULL CHECK (page >= 1),
      UNIQUE (blob, page)
    ) STRICT;

    CREATE VIRTUAL TABLE attachment_text USING fts5(
      text,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
  `);
}
