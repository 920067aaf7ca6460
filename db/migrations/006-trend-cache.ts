import type { Migration } from './index.js';

/**
 * The weekly trend cache (db/team/weeks.ts): what the rules found for each practitioner on each
 * week-end date, so the trend chart and the team heatmap need not evaluate a year of as-of dates
 * on every read. A week is only used while its `basis` (the import and the policy it was
 * evaluated under) still holds; reviews recorded since (`reviews_seen`) are folded in practitioner
 * by practitioner.
 *
 * - `trend_weeks`: one row per week-end date evaluated.
 * - `trend_staff`: one row per week-end date and practitioner holding a case in the caseload.
 */
export const m006: Migration = {
  version: 6,
  name: 'weekly trend cache',
  up(db) {
    db.exec(`
      CREATE TABLE trend_weeks (
        as_of         TEXT PRIMARY KEY,
        basis         TEXT    NOT NULL,           -- import id and policy in force when evaluated
        reviews_seen  INTEGER NOT NULL,           -- max(reviews.id) folded in
        computed_at   TEXT    NOT NULL            -- UTC ISO timestamp
      ) STRICT;

      CREATE TABLE trend_staff (
        as_of              TEXT    NOT NULL REFERENCES trend_weeks (as_of) ON DELETE CASCADE,
        staff_code         TEXT    NOT NULL,
        team_code          TEXT,                  -- from the staff file; null when it does not hold the practitioner
        cases              INTEGER NOT NULL,      -- cases held in the caseload
        high_risk          INTEGER NOT NULL,
        mappa_l1           INTEGER NOT NULL,
        in_scope           INTEGER NOT NULL,      -- high-risk or MAPPA level 1
        covered            INTEGER NOT NULL,      -- in scope, with oversight within the interval
        oldest_days        INTEGER,               -- most days without oversight among in-scope cases not covered
        overdue_json       TEXT    NOT NULL,      -- {"RULE": count} of overdue case flags
        due_soon           INTEGER NOT NULL,
        days_overdue_json  TEXT    NOT NULL,      -- [days, ...] of every overdue case flag, ascending
        PRIMARY KEY (as_of, staff_code),
        CHECK (covered <= in_scope AND in_scope <= cases)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
