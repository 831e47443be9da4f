import type { Database } from 'better-sqlite3-multiple-ciphers';

// Schema version 14: communications data (issue 17).
//
// Phones, handsets, SIMs and cell sites are entities (deterministic ids, statements, search) like
// any other. Calls, SMS and data sessions are not: a year of one target's calls is a million rows,
// and as entities with statements each would cost an entity row, two link endpoints, five
// statements and their index entries (the ceiling of about 12,000 rows/s of the spreadsheet
// import). A call record is one row of `comms_events`, its provenance the row's source (and the
// import that brought it), which is how an operator's return arrives. docs/architecture.md says more.
//
// - Integer keys only: phones, handsets and SIMs by entity rid, cells by a rid of `comms_cells`
//   (a dictionary of cell identities, joined to a CellSite entity once a cell-site list names it),
//   the import by a rid of `comms_imports`; start is seconds since 1970 in UTC, duration seconds.
// - The dedupe key (comms_events_key, UNIQUE): caller, start second, callee (0 for none: a data
//   session) and kind. The same call in two operators' exports, or in two overlapping date ranges
//   of one operator, is the same key and is written once (INSERT OR IGNORE). It is also the index
//   of every analysis by phone as caller, in time order.
// - comms_events_callee: the same by phone as callee (top, activity, silence and colocation read
//   both sides of a phone).
// - comms_links: the aggregated Phone → Phone link the chart and the analyses see, kept current
//   by the importer from the events it actually wrote; comms_usage: which phone was seen in which
//   handset with which SIM, and when (handset swaps, Phone/SIM in handset); comms_link_sources:
//   the sources behind each aggregated link (its grading and handling).
// No index on cells: colocation reads the two phones' events by the indexes above and joins them
// on cell in memory (a phone has thousands of events, not millions).
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE comms_imports (
      rid       INTEGER PRIMARY KEY,
      import_id TEXT NOT NULL UNIQUE REFERENCES imports(id)
    ) STRICT;

    CREATE TABLE comms_cells (
      rid  INTEGER PRIMARY KEY,
      cell TEXT NOT NULL UNIQUE,
      site INTEGER REFERENCES entities(rid)
    ) STRICT;

    CREATE TABLE comms_events (
      id          INTEGER PRIMARY KEY,
      kind        INTEGER NOT NULL,
      caller      INTEGER NOT NULL REFERENCES entities(rid),
      callee      INTEGER REFERENCES entities(rid),
      start       INTEGER NOT NULL,
      duration    INTEGER NOT NULL DEFAULT 0,
      caller_cell INTEGER REFERENCES comms_cells(rid),
      callee_cell INTEGER REFERENCES comms_cells(rid),
      device      INTEGER REFERENCES entities(rid),
      sim         INTEGER REFERENCES entities(rid),
      served      INTEGER NOT NULL DEFAULT 0,
      source      INTEGER NOT NULL REFERENCES sources(rid),
      import      INTEGER REFERENCES comms_imports(rid),
      retracted   INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE UNIQUE INDEX comms_events_key ON comms_events(caller, start, coalesce(callee, 0), kind);
    CREATE INDEX comms_events_callee ON comms_events(callee, start) WHERE callee IS NOT NULL;

    CREATE TABLE comms_links (
      caller   INTEGER NOT NULL REFERENCES entities(rid),
      callee   INTEGER NOT NULL REFERENCES entities(rid),
      calls    INTEGER NOT NULL DEFAULT 0,
      sms      INTEGER NOT NULL DEFAULT 0,
      other    INTEGER NOT NULL DEFAULT 0,
      duration INTEGER NOT NULL DEFAULT 0,
      first    INTEGER NOT NULL,
      last     INTEGER NOT NULL,
      PRIMARY KEY (caller, callee)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX comms_links_callee ON comms_links(callee);
    -- The sources behind each aggregated link (one row per link and import's source): its grading
    -- and handling on the chart, and the minimum-grading filter, without reading its events.
    CREATE TABLE comms_link_sources (
      caller INTEGER NOT NULL,
      callee INTEGER NOT NULL,
      source INTEGER NOT NULL REFERENCES sources(rid),
      PRIMARY KEY (caller, callee, source),
      FOREIGN KEY (caller, callee) REFERENCES comms_links(caller, callee)
    ) STRICT, WITHOUT ROWID;

    -- device and sim are 0 when the record did not say (a primary key cannot hold NULL).
    CREATE TABLE comms_usage (
      phone  INTEGER NOT NULL REFERENCES entities(rid),
      device INTEGER NOT NULL DEFAULT 0,
      sim    INTEGER NOT NULL DEFAULT 0,
      events INTEGER NOT NULL DEFAULT 0,
      first  INTEGER NOT NULL,
      last   INTEGER NOT NULL,
      PRIMARY KEY (phone, device, sim)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX comms_usage_device ON comms_usage(device) WHERE device <> 0;
    CREATE INDEX comms_usage_sim ON comms_usage(sim) WHERE sim <> 0;
  `);
}
