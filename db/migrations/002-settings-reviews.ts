import type { Migration } from './index.js';

/**
 * Policy settings (only values changed from the defaults in db/rules/policy.ts are stored), their
 * change history, and oversight reviews.
 *
 * A review is never edited or deleted: each amendment or withdrawal is a new row (a version) of
 * the same `review_id`, and triggers refuse UPDATE and DELETE. The current version of a review is
 * its highest `version`; only a current version that is not a withdrawal counts as evidence
 * (oversight-rules.md, "Review types recorded in the app").
 */
export const m002: Migration = {
  version: 2,
  name: 'policy settings and oversight reviews',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key         TEXT PRIMARY KEY,
        value_json  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings_history (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        os_user   TEXT NOT NULL,
        app_user  TEXT,
        key       TEXT NOT NULL,
        old_json  TEXT NOT NULL,
        new_json  TEXT NOT NULL,
        reason    TEXT NOT NULL CHECK (length(trim(reason)) > 0)
      ) STRICT;

      CREATE TABLE reviews (
        id                    INTEGER PRIMARY KEY,
        review_id             INTEGER NOT NULL,    -- the id of the review's first version
        version               INTEGER NOT NULL CHECK (version >= 1),
        action                TEXT NOT NULL CHECK (action IN ('recorded', 'amended', 'withdrawn')),
        reason                TEXT,                -- why it was amended or withdrawn
        crn                   TEXT NOT NULL REFERENCES cases (crn),
        review_type           TEXT NOT NULL CHECK (review_type IN ('management-oversight', 'allocation-oversight', 'mappa-l1-review')),
        review_date           TEXT NOT NULL,
        spo_name              TEXT NOT NULL,
        spo_staff_code        TEXT,
        triggers_json         TEXT NOT NULL,       -- the rules or event that prompted it
        snapshot_json         TEXT NOT NULL,       -- what the SPO saw, taken when it was recorded
        checks_json           TEXT NOT NULL,       -- [{ item, outcome, note }]
        analysis              TEXT NOT NULL,
        decision              TEXT NOT NULL,
        actions_json          TEXT NOT NULL,       -- [{ text, owner, due }]
        next_review_date      TEXT,
        ndelius_contact_code  TEXT,
        ndelius_contact_id    TEXT,
        recorded_at           TEXT NOT NULL,       -- UTC ISO timestamp
        recorded_by_os        TEXT NOT NULL,
        recorded_by           TEXT,
        UNIQUE (review_id, version),
        CHECK ((action = 'recorded') = (reason IS NULL)),
        CHECK ((action = 'recorded') = (version = 1))
      ) STRICT;
      CREATE INDEX reviews_crn_date ON reviews (crn, review_date);
      CREATE INDEX reviews_date ON reviews (review_date);

      CREATE TRIGGER reviews_never_updated BEFORE UPDATE ON reviews
      BEGIN SELECT RAISE(ABORT, 'reviews are never edited in place: record an amendment'); END;
      CREATE TRIGGER reviews_never_deleted BEFORE DELETE ON reviews
      BEGIN SELECT RAISE(ABORT, 'reviews are never deleted: withdraw one with a reason'); END;

      CREATE VIEW current_reviews AS
        SELECT r.* FROM reviews r
        WHERE r.version = (SELECT max(x.version) FROM reviews x WHERE x.review_id = r.review_id);

      -- The evidence the rules use: current versions that are not withdrawals.
      CREATE VIEW review_evidence AS
        SELECT crn, review_date, review_type FROM current_reviews WHERE action <> 'withdrawn';
    `);
  },
};
