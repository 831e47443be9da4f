import type { Database } from 'better-sqlite3-multiple-ciphers';

// Meetings and joint operations (issue 7). Bureaus are codes (the exchange directory may be empty:
// cooperation must work before any officer card is imported); officers and projects are the
// exchange tables' rows. Dates of meetings, phases, tasks and action items are calendar days
// (YYYY-MM-DD); the action-day timeline stores instants in UTC with the IANA zone they were given
// in. Targets and agenda links keep the entity id as given: a later merge or deletion is reported
// when the record is opened, never silently rewritten.
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE meetings (
      id         TEXT PRIMARY KEY,
      title      TEXT NOT NULL,
      kind       TEXT NOT NULL CHECK (kind IN ('bilateral', 'multilateral')),
      date       TEXT NOT NULL,
      place      TEXT NOT NULL DEFAULT '',
      project_id TEXT REFERENCES projects(id),
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE meeting_bureaus (
      meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      bureau     TEXT NOT NULL,
      PRIMARY KEY (meeting_id, bureau)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE meeting_officers (
      meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      officer_id TEXT NOT NULL REFERENCES officers(id),
      PRIMARY KEY (meeting_id, officer_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE agenda_items (
      id         TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      position   INTEGER NOT NULL,
      title      TEXT NOT NULL,
      minutes    TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);
    -- What an item is about: entities, charts, or analysis runs (the audit row of the run).
    CREATE TABLE agenda_links (
      item_id TEXT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
      kind    TEXT NOT NULL CHECK (kind IN ('entity', 'chart', 'analysis')),
      ref     TEXT NOT NULL,
      PRIMARY KEY (item_id, kind, ref)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE meeting_decisions (
      id         TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      item_id    TEXT REFERENCES agenda_items(id) ON DELETE CASCADE,
      text       TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE action_items (
      id           TEXT PRIMARY KEY,
      meeting_id   TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      item_id      TEXT REFERENCES agenda_items(id) ON DELETE CASCADE,
      title        TEXT NOT NULL,
      owner_bureau TEXT NOT NULL,
      due_date     TEXT NOT NULL,
      status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX action_items_open ON action_items(due_date) WHERE status IN ('open', 'in_progress');

    CREATE TABLE operations (
      id          TEXT PRIMARY KEY,
      name        TEXT NOT NULL,
      code_word   TEXT NOT NULL DEFAULT '',
      lead_bureau TEXT NOT NULL,
      project_id  TEXT REFERENCES projects(id),
      status      TEXT NOT NULL DEFAULT 'planning' CHECK (status IN ('planning', 'approved', 'executing', 'concluded')),
      action_day  TEXT,
      created_by  TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE TABLE operation_bureaus (
      operation_id TEXT NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
      bureau       TEXT NOT NULL,
      PRIMARY KEY (operation_id, bureau)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE operation_agencies (
      operation_id TEXT NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
      name         TEXT NOT NULL,
      PRIMARY KEY (operation_id, name)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE operation_targets (
      operation_id TEXT NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
      entity_id    TEXT NOT NULL,
      reason       TEXT NOT NULL DEFAULT '',
      bureau       TEXT NOT NULL,
      added_at     TEXT NOT NULL,
      PRIMARY KEY (operation_id, entity_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX operation_targets_entity ON operation_targets(entity_id);

    CREATE TABLE operation_phases (
      id           TEXT PRIMARY KEY,
      operation_id TEXT NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
      name         TEXT NOT NULL,
      start_date   TEXT NOT NULL,
      end_date     TEXT NOT NULL,
      CHECK (end_date >= start_date)
    ) STRICT;
    CREATE TABLE operation_tasks (
      id           TEXT PRIMARY KEY,
      operation_id TEXT NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
      phase_id     TEXT REFERENCES operation_phases(id) ON DELETE CASCADE,
      title        TEXT NOT NULL,
      owner        TEXT NOT NULL,
      start_date   TEXT NOT NULL,
      end_date     TEXT NOT NULL,
      CHECK (end_date >= start_date)
    ) STRICT;
    CREATE TABLE task_dependencies (
      task_id    TEXT NOT NULL REFERENCES operation_tasks(id) ON DELETE CASCADE,
      depends_on TEXT NOT NULL REFERENCES operation_tasks(id) ON DELETE CASCADE,
      PRIMARY KEY (task_id, depends_on),
      CHECK (task_id <> depends_on)
    ) STRICT, WITHOUT ROWID;

    -- The action day per country: each entry an instant (UTC) and the zone it is shown in.
    CREATE TABLE action_day_events (
      id           TEXT PRIMARY KEY,
      operation_id TEXT NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
      bureau       TEXT NOT NULL,
      time_zone    TEXT NOT NULL,
      at_utc       TEXT NOT NULL,
      label        TEXT NOT NULL
    ) STRICT;

    CREATE TABLE operation_results (
      id           TEXT PRIMARY KEY,
      operation_id TEXT NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
      entity_id    TEXT,
      bureau       TEXT NOT NULL,
      kind         TEXT NOT NULL CHECK (kind IN ('arrest', 'seizure', 'freeze')),
      type         TEXT NOT NULL DEFAULT '',
      quantity     REAL,
      unit         TEXT NOT NULL DEFAULT '',
      value        REAL,
      currency     TEXT,
      note         TEXT NOT NULL DEFAULT '',
      recorded_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX operation_results_op ON operation_results(operation_id);
  `);
}
