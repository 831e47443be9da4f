import type { Database } from 'better-sqlite3-multiple-ciphers';

// Schema version 10: operation plans received from other bureaus in exchange packages. Kept apart
// from `operations` because they are read-only copies of someone else's plan: one row per plan per
// package (a later package with the same operation is a newer copy, not an edit), the plan body as
// the sender sent it, and its targets with the entity each maps to in this case.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE received_plans (
      id             TEXT PRIMARY KEY,
      package_id     TEXT NOT NULL,
      operation_id   TEXT NOT NULL,
      sender_bureau  TEXT NOT NULL,
      sender_officer TEXT NOT NULL,
      sent_at        TEXT NOT NULL,
      received_at    TEXT NOT NULL,
      name           TEXT NOT NULL,
      code_word      TEXT NOT NULL,
      lead_bureau    TEXT NOT NULL,
      status         TEXT NOT NULL,
      action_day     TEXT,
      plan           TEXT NOT NULL,
      UNIQUE (package_id, operation_id)
    ) STRICT;
    CREATE TABLE received_plan_targets (
      plan_id   TEXT NOT NULL REFERENCES received_plans(id) ON DELETE CASCADE,
      entity_id TEXT NOT NULL,
      reason    TEXT NOT NULL,
      bureau    TEXT NOT NULL,
      mapped    INTEGER NOT NULL CHECK (mapped IN (0, 1)),
      PRIMARY KEY (plan_id, entity_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX received_plan_targets_entity ON received_plan_targets(entity_id);
  `);
}
