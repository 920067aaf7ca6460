import type { Migration } from './index.js';

/**
 * The trend cache keeps whole-team and whole-caseload week totals (issue 18), replacing the
 * per-practitioner weeks of migration 6: the trend chart shows only totals, and reading a year of
 * a national caseload's practitioner rows back (JSON and all) was itself seconds. The team
 * heatmap, the one reader of practitioner weeks, sweeps its own team's cases (db/team/view.ts).
 *
 * - `trend_weeks`: one row per week-end date evaluated, with the basis it was evaluated under
 *   (db/team/trend-cache.ts: the snapshot, the reviews and action events written, the policy);
 *   a week is read only while its basis is the current one.
 * - `trend_totals`: each week's figures for the whole caseload (`scope` 'caseload') and for each
 *   team holding a case that week (`scope` 'team:' and the team code); a team without a row that
 *   week held no case.
 *
 * What the old tables held is dropped; the next read evaluates it again. Nothing recorded is touched.
 */
export const m011: Migration = {
  version: 11,
  name: 'trend cache of whole-team and whole-caseload week totals',
  up(db) {
    db.exec(`
      DROP TABLE trend_staff;
      DROP TABLE trend_weeks;

      CREATE TABLE trend_weeks (
        as_of        TEXT PRIMARY KEY,
        basis        TEXT NOT NULL,               -- what it was evaluated under (db/team/trend-cache.ts)
        computed_at  TEXT NOT NULL                -- UTC ISO timestamp
      ) STRICT;

      CREATE TABLE trend_totals (
        as_of                TEXT    NOT NULL REFERENCES trend_weeks (as_of) ON DELETE CASCADE,
        scope                TEXT    NOT NULL,     -- 'caseload', or 'team:' || team_code
        cases                INTEGER NOT NULL,     -- cases in the caseload on that date
        high_risk            INTEGER NOT NULL,
        mappa_l1             INTEGER NOT NULL,
        in_scope             INTEGER NOT NULL,     -- high-risk or MAPPA level 1, counted from when first oversight is
        covered              INTEGER NOT NULL,     -- in scope, with oversight within the interval
        oldest_days          INTEGER,              -- most days without oversight among in-scope cases; null with none
        overdue_json         TEXT    NOT NULL,     -- {"RULE": count} of overdue case flags, every rule
        overdue              INTEGER NOT NULL,
        due_soon             INTEGER NOT NULL,
        median_days_overdue  REAL,                 -- null with none overdue
        PRIMARY KEY (as_of, scope),
        CHECK (scope = 'caseload' OR scope LIKE 'team:%'),
        CHECK (covered <= in_scope AND in_scope <= cases)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
