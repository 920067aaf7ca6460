import type { Migration } from './index.js';

/**
 * Actions agreed in oversight, tracked to done (oversight-rules.md, "Actions agreed in
 * oversight"). An action lives in its review version's `actions_json`; marking it done or dropped
 * is a row here, never an edit of the review, and (like reviews) is never updated or deleted.
 *
 * An action is named by its review and its own words (text, owner, due date), not by its place in
 * the list: a correction that removes or reorders actions cannot move a "done" onto another one,
 * and one that rewords an action makes it a new, open action.
 *
 * The new rule, ACTION-OVERDUE, changes what the rules find for the same data, so the stored flags
 * and the weekly trend cache are dropped as in migration 8; the next read evaluates them again.
 */
export const m010: Migration = {
  version: 10,
  name: 'actions agreed in oversight, done or dropped as dated events',
  up(db) {
    db.exec(`
      CREATE TABLE action_events (
        id              INTEGER PRIMARY KEY,
        review_id       INTEGER NOT NULL,
        crn             TEXT NOT NULL REFERENCES cases (crn),
        action_text     TEXT NOT NULL,
        action_owner    TEXT NOT NULL,
        action_due      TEXT NOT NULL,
        kind            TEXT NOT NULL CHECK (kind IN ('done', 'dropped')),
        event_date      TEXT NOT NULL,
        note            TEXT,                -- why it was dropped (required), or how it was done
        recorded_at     TEXT NOT NULL,       -- UTC ISO timestamp
        recorded_by_os  TEXT NOT NULL,
        recorded_by     TEXT,
        CHECK (kind <> 'dropped' OR length(trim(coalesce(note, ''))) > 0),
        UNIQUE (review_id, action_text, action_owner, action_due)
      ) STRICT;
      CREATE INDEX action_events_crn ON action_events (crn, review_id);

      CREATE TRIGGER action_events_never_updated BEFORE UPDATE ON action_events
      BEGIN SELECT RAISE(ABORT, 'an action''s event is never edited'); END;
      CREATE TRIGGER action_events_never_deleted BEFORE DELETE ON action_events
      BEGIN SELECT RAISE(ABORT, 'an action''s event is never deleted'); END;

      DELETE FROM flag_state;
      DELETE FROM flags;
      DELETE FROM flag_details;
      DELETE FROM flag_cases;
      DELETE FROM flag_staff;
      DELETE FROM trend_weeks;
    `);
  },
};
