import type { Database } from 'better-sqlite3-multiple-ciphers';

// Schema version 15: the case's own entity and link types (issue 24).
//
// A type is a row of `case_types` with a stable id (`T_` + 12 hex digits) that entities carry in
// their `schema` column, exactly as a built-in's name; its properties are rows of
// `case_type_props` with stable ids (`p_` + 12 hex digits) that statements carry in `prop`. The
// analyst's names are looked up, so renaming a type or a property is one UPDATE here and no
// statement, audit row or package already sent is rewritten. `name_key` (the name folded to lower
// case) keeps names unique whatever their case. `version` counts the changes of a definition; the
// audit log holds each change with the definition as it became. `origin` is the bureau that
// defined the type (a package's types keep their sender's code, issue 24 "across bureaus").
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE case_types (
      rid        INTEGER PRIMARY KEY,
      id         TEXT NOT NULL UNIQUE,
      name       TEXT NOT NULL,
      name_key   TEXT NOT NULL UNIQUE,
      kind       TEXT NOT NULL CHECK (kind IN ('entity', 'link')),
      parent     TEXT NOT NULL,
      icon       TEXT,
      icon_svg   TEXT,
      color      TEXT,
      label      TEXT,
      origin     TEXT NOT NULL,
      version    INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE case_type_props (
      rid         INTEGER PRIMARY KEY,
      id          TEXT NOT NULL UNIQUE,
      type        INTEGER NOT NULL REFERENCES case_types(rid),
      name        TEXT NOT NULL,
      name_key    TEXT NOT NULL,
      datatype    TEXT NOT NULL,
      enum_values TEXT,
      target      TEXT,
      required    INTEGER NOT NULL DEFAULT 0,
      identifies  INTEGER NOT NULL DEFAULT 0,
      position    INTEGER NOT NULL,
      UNIQUE (type, name_key)
    ) STRICT;
  `);
}
