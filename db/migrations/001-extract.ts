import type { Migration } from './index.js';

/**
 * The caseload extract (caseload-extract.md) and the import log.
 *
 * Codes are stored upper-cased and trimmed, because the rules compare them that way; whenever the
 * file said something else (`high`, ` rhrh`), the text as written is kept in `raw_json`
 * ({"column": "as written"}). Columns the app does not know are kept in `extra_json`. Nothing in
 * an extract is dropped. Dates are ISO `YYYY-MM-DD` text, which sorts and compares as dates.
 */
export const m001: Migration = {
  version: 1,
  name: 'extract tables and import log',
  up(db) {
    db.exec(`
      CREATE TABLE import_log (
        id            INTEGER PRIMARY KEY,
        at            TEXT    NOT NULL,           -- UTC ISO timestamp
        os_user       TEXT    NOT NULL,
        app_user      TEXT,
        outcome       TEXT    NOT NULL CHECK (outcome IN ('committed', 'already-imported', 'refused')),
        skip_invalid  INTEGER NOT NULL CHECK (skip_invalid IN (0, 1)),
        fingerprint   TEXT    NOT NULL,           -- SHA-256 over the sorted SHA-256s of the files
        files_json    TEXT    NOT NULL,           -- [{ name, kind, sha256, encoding, rows, bytes }]
        counts_json   TEXT    NOT NULL,           -- { cases: {...}, rows: {...} }
        rejected      INTEGER NOT NULL,
        errors_json   TEXT    NOT NULL            -- the row errors: skipped rows, or why it was refused
      ) STRICT;

      CREATE TABLE cases (
        crn               TEXT PRIMARY KEY,
        name              TEXT NOT NULL,
        date_of_birth     TEXT,
        staff_code        TEXT NOT NULL,
        allocation_date   TEXT NOT NULL,
        case_type         TEXT,
        sentence_type     TEXT,
        tier              TEXT,
        rosh_level        TEXT CHECK (rosh_level IN ('LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH')),
        rosh_assessed_on  TEXT,
        raw_json          TEXT,
        extra_json        TEXT,
        in_caseload       INTEGER NOT NULL DEFAULT 1 CHECK (in_caseload IN (0, 1)),
        first_import_id   INTEGER NOT NULL REFERENCES import_log (id),
        last_import_id    INTEGER NOT NULL REFERENCES import_log (id),
        left_import_id    INTEGER REFERENCES import_log (id)
      ) STRICT;
      CREATE INDEX cases_staff ON cases (staff_code) WHERE in_caseload = 1;

      CREATE TABLE registrations (
        id                  INTEGER PRIMARY KEY,
        crn                 TEXT NOT NULL,
        register_code       TEXT NOT NULL,
        level_code          TEXT,
        category_code       TEXT,
        registration_date   TEXT NOT NULL,
        next_review_date    TEXT,
        deregistration_date TEXT,
        raw_json            TEXT,
        extra_json          TEXT
      ) STRICT;
      CREATE INDEX registrations_crn ON registrations (crn, register_code);

      CREATE TABLE contacts (
        id                INTEGER PRIMARY KEY,
        contact_id        TEXT NOT NULL,
        crn               TEXT NOT NULL,
        contact_date      TEXT NOT NULL,
        contact_type_code TEXT NOT NULL,
        staff_code        TEXT,
        raw_json          TEXT,
        extra_json        TEXT
      ) STRICT;
      CREATE INDEX contacts_crn_type_date ON contacts (crn, contact_type_code, contact_date);

      CREATE TABLE staff (
        staff_code        TEXT PRIMARY KEY,
        name              TEXT NOT NULL,
        grade             TEXT,
        team_code         TEXT NOT NULL,
        team_name         TEXT,
        pdu_code          TEXT,
        pdu_name          TEXT,
        points_available  REAL,
        points_used       REAL,
        raw_json          TEXT,
        extra_json        TEXT
      ) STRICT;
      CREATE INDEX staff_team ON staff (team_code);

      CREATE TABLE needs (
        id                    INTEGER PRIMARY KEY,
        crn                   TEXT NOT NULL,
        need                  TEXT NOT NULL,
        severity              TEXT CHECK (severity IN ('NO_NEED', 'STANDARD', 'SEVERE')),
        linked_to_harm        INTEGER CHECK (linked_to_harm IN (0, 1)),
        linked_to_reoffending INTEGER CHECK (linked_to_reoffending IN (0, 1)),
        raw_json              TEXT,
        extra_json            TEXT
      ) STRICT;
      CREATE INDEX needs_crn ON needs (crn);
    `);
  },
};
