import type { Database } from 'better-sqlite3-multiple-ciphers';

// Exchange between contact officers (issue 6, DESIGN.md §6): the directory of bureaus and
// officers, this workstation's own keys, projects, and the ledger of packages sent and received.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE bureaus (
      code    TEXT PRIMARY KEY,
      country TEXT NOT NULL DEFAULT '',
      name    TEXT NOT NULL DEFAULT ''
    ) STRICT;

    -- One row per officer key pair: a new key is a new row (the fingerprint is the identity).
    CREATE TABLE officers (
      id            TEXT PRIMARY KEY,
      bureau        TEXT NOT NULL REFERENCES bureaus(code),
      name          TEXT NOT NULL,
      role          TEXT NOT NULL DEFAULT '',
      languages     TEXT NOT NULL DEFAULT '[]',
      phone         TEXT NOT NULL DEFAULT '',
      email         TEXT NOT NULL DEFAULT '',
      signing_key   TEXT NOT NULL,
      age_recipient TEXT NOT NULL,
      fingerprint   TEXT NOT NULL UNIQUE,
      valid_from    TEXT NOT NULL,
      valid_until   TEXT,
      verified_at   TEXT,
      verified_by   TEXT,
      revoked_at    TEXT,
      revoked_by    TEXT,
      revoked_reason TEXT,
      is_self       INTEGER NOT NULL DEFAULT 0,
      card          TEXT NOT NULL,
      created_at    TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX officers_one_self ON officers(is_self) WHERE is_self = 1 AND revoked_at IS NULL;

    -- This workstation's private keys (PKCS #8 DER). Only ever inside the encrypted case file.
    CREATE TABLE identity_keys (
      officer_id      TEXT PRIMARY KEY REFERENCES officers(id),
      signing_private BLOB NOT NULL,
      age_private     BLOB NOT NULL,
      created_at      TEXT NOT NULL
    ) STRICT;

    CREATE TABLE projects (
      id         TEXT PRIMARY KEY,
      name       TEXT NOT NULL,
      scope      TEXT NOT NULL DEFAULT '',
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE project_bureaus (
      project_id TEXT NOT NULL REFERENCES projects(id),
      bureau     TEXT NOT NULL,
      PRIMARY KEY (project_id, bureau)
    ) STRICT;
    CREATE TABLE project_items (
      project_id     TEXT NOT NULL REFERENCES projects(id),
      kind           TEXT NOT NULL CHECK (kind IN ('entity', 'source')),
      item_id        TEXT NOT NULL,
      contributed_by TEXT NOT NULL,
      added_at       TEXT NOT NULL,
      PRIMARY KEY (project_id, kind, item_id)
    ) STRICT;

    -- Packages written by this workstation, and to whom (the per-recipient sequence number, and
    -- the receipt when it comes back).
    CREATE TABLE exchange_out (
      package_id    TEXT PRIMARY KEY,
      kind          TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      tlp           TEXT,
      handling      TEXT,
      payload_sha256 TEXT NOT NULL,
      summary       TEXT NOT NULL
    ) STRICT;
    CREATE TABLE exchange_out_recipients (
      package_id  TEXT NOT NULL REFERENCES exchange_out(package_id),
      officer_id  TEXT NOT NULL REFERENCES officers(id),
      seq         INTEGER NOT NULL,
      receipt_at  TEXT,
      receipt     TEXT,
      PRIMARY KEY (package_id, officer_id)
    ) STRICT;
    CREATE INDEX exchange_out_officer ON exchange_out_recipients(officer_id, seq);

    -- Packages imported here: the replay ledger (a package id is accepted once) and the
    -- per-sender sequence numbers.
    CREATE TABLE exchange_in (
      package_id     TEXT PRIMARY KEY,
      kind           TEXT NOT NULL,
      sender_officer TEXT NOT NULL REFERENCES officers(id),
      sender_bureau  TEXT NOT NULL,
      seq            INTEGER NOT NULL,
      created_at     TEXT NOT NULL,
      imported_at    TEXT NOT NULL,
      payload_sha256 TEXT NOT NULL,
      summary        TEXT NOT NULL
    ) STRICT;
    CREATE INDEX exchange_in_sender ON exchange_in(sender_officer, seq);
  `);
}
