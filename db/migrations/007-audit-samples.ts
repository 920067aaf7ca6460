import type { Migration } from './index.js';

/**
 * Audit samples (issue 7, quality assurance): a stratified random sample of reviewed cases for the
 * SPO or head of PDU to re-read. The sample keeps its seed, date range, strata and the reviews
 * chosen, so anyone can see how it was drawn and draw it again. Each re-reading is a result row;
 * a second reading of the same item is a new row (the latest counts), never an edit.
 */
export const m007: Migration = {
  version: 7,
  name: 'audit samples',
  up(db) {
    db.exec(`
      CREATE TABLE audit_samples (
        id              INTEGER PRIMARY KEY,
        created_at      TEXT    NOT NULL,         -- UTC ISO timestamp
        created_by_os   TEXT    NOT NULL,
        created_by      TEXT,
        seed            INTEGER NOT NULL,
        size            INTEGER NOT NULL CHECK (size >= 1),
        date_from       TEXT    NOT NULL,
        date_to         TEXT    NOT NULL CHECK (date_to >= date_from),
        team_code       TEXT,
        population      INTEGER NOT NULL,         -- reviews that counted as evidence in the range
        strata_json     TEXT    NOT NULL          -- [{ staffCode, risk, population, chosen }]
      ) STRICT;

      CREATE TABLE audit_sample_items (
        sample_id       INTEGER NOT NULL REFERENCES audit_samples (id),
        position        INTEGER NOT NULL CHECK (position >= 1),
        review_id       INTEGER NOT NULL,
        review_version  INTEGER NOT NULL,         -- the version current when sampled
        crn             TEXT    NOT NULL,
        staff_code      TEXT    NOT NULL,
        risk            TEXT    NOT NULL,
        PRIMARY KEY (sample_id, position),
        UNIQUE (sample_id, review_id),
        FOREIGN KEY (review_id, review_version) REFERENCES reviews (review_id, version)
      ) STRICT;

      CREATE TABLE audit_sample_results (
        id              INTEGER PRIMARY KEY,
        sample_id       INTEGER NOT NULL,
        position        INTEGER NOT NULL,
        recorded_at     TEXT    NOT NULL,         -- UTC ISO timestamp
        recorded_by_os  TEXT    NOT NULL,
        recorded_by     TEXT,
        checks_json     TEXT    NOT NULL,         -- [{ item, answer, note }]
        outcome         TEXT    NOT NULL CHECK (outcome IN ('good', 'requires-improvement', 'inadequate')),
        note            TEXT    NOT NULL,
        FOREIGN KEY (sample_id, position) REFERENCES audit_sample_items (sample_id, position)
      ) STRICT;
      CREATE INDEX audit_sample_results_item ON audit_sample_results (sample_id, position, id);

      CREATE TRIGGER audit_samples_never_updated BEFORE UPDATE ON audit_samples
      BEGIN SELECT RAISE(ABORT, 'an audit sample is never edited: draw a new one'); END;
      CREATE TRIGGER audit_samples_never_deleted BEFORE DELETE ON audit_samples
      BEGIN SELECT RAISE(ABORT, 'an audit sample is never deleted'); END;
      CREATE TRIGGER audit_sample_items_never_updated BEFORE UPDATE ON audit_sample_items
      BEGIN SELECT RAISE(ABORT, 'an audit sample is never edited: draw a new one'); END;
      CREATE TRIGGER audit_sample_items_never_deleted BEFORE DELETE ON audit_sample_items
      BEGIN SELECT RAISE(ABORT, 'an audit sample is never deleted'); END;
      CREATE TRIGGER audit_sample_results_never_updated BEFORE UPDATE ON audit_sample_results
      BEGIN SELECT RAISE(ABORT, 'a sample result is never edited: record it again'); END;
      CREATE TRIGGER audit_sample_results_never_deleted BEFORE DELETE ON audit_sample_results
      BEGIN SELECT RAISE(ABORT, 'a sample result is never deleted'); END;
    `);
  },
};
