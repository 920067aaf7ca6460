import type { Migration } from './index.js';

/**
 * Today's flags, kept current (db/rules/refresh.ts): refreshed in full after an import, a change
 * of setting or a new day, and per case after a review. The queue filters, sorts and pages them
 * in SQL, so the caseload never has to be loaded into memory.
 *
 * - `flag_state`: the one row saying what the flags were computed for (as-of date, import, policy)
 *   and which rules were not evaluated.
 * - `flag_cases`: one row per case in the caseload with what the queue filters on (effective RoSH,
 *   MAPPA level, practitioner, team) and the case's flag counts.
 * - `flags`: one row per case and rule that is overdue or due soon, with its reason; the case's
 *   filter columns are copied in so the queue reads one table. `flag_details` holds each one's
 *   structured explanation.
 * - `flag_staff`: PRACTITIONER-CAPACITY flags.
 *
 * The contacts index that leads with the contact type lets the rules read only the few contacts
 * whose codes matter (about one in fourteen in a synthetic extract), not every contact of every
 * case; the covering indexes let them read cases, registrations and needs in CRN order.
 */
export const m003: Migration = {
  version: 3,
  name: 'materialised oversight flags',
  up(db) {
    db.exec(`
      CREATE INDEX contacts_type_crn_date ON contacts (contact_type_code, crn, contact_date);
      -- Covering indexes in CRN order: a full evaluation reads the caseload a CRN range at a time
      -- without a look-up into the table for each row.
      CREATE INDEX cases_caseload_cover ON cases (in_caseload, crn, staff_code, allocation_date, rosh_level, rosh_assessed_on, name);
      CREATE INDEX registrations_cover ON registrations (crn, registration_date, register_code, level_code, next_review_date, deregistration_date);
      CREATE INDEX needs_cover ON needs (crn, need, severity, linked_to_harm, linked_to_reoffending);

      CREATE TABLE flag_state (
        id                  INTEGER PRIMARY KEY CHECK (id = 1),
        as_of               TEXT    NOT NULL,
        computed_at         TEXT    NOT NULL,     -- UTC ISO timestamp
        import_id           INTEGER,              -- the committed import whose snapshot was evaluated
        reviews_seen        INTEGER NOT NULL,     -- max(reviews.id) folded into the flags
        policy_json         TEXT    NOT NULL,     -- every setting in force
        not_evaluated_json  TEXT    NOT NULL      -- [{ rule, reason }]
      ) STRICT;

      CREATE TABLE flag_cases (
        crn              TEXT PRIMARY KEY,
        name             TEXT NOT NULL,
        staff_code       TEXT NOT NULL,
        staff_name       TEXT,
        team_code        TEXT,
        rosh             TEXT NOT NULL CHECK (rosh IN ('VERY_HIGH', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN')),
        rosh_source      TEXT NOT NULL CHECK (rosh_source IN ('registration', 'oasys', 'none')),
        high_risk        INTEGER NOT NULL CHECK (high_risk IN (0, 1)),
        high_risk_since  TEXT,
        mappa_level      TEXT CHECK (mappa_level IN ('M1', 'M2', 'M3')),
        mappa_since      TEXT,
        in_scope_since   TEXT,
        overdue          INTEGER NOT NULL,        -- flags overdue
        due_soon         INTEGER NOT NULL,        -- flags due soon
        next_due_date    TEXT                     -- the earliest due date among them
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX flag_cases_team ON flag_cases (team_code, staff_code);

      CREATE TABLE flags (
        id            INTEGER PRIMARY KEY,
        crn           TEXT NOT NULL,
        rule          TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('overdue', 'due-soon')),
        due_date      TEXT NOT NULL,
        days_overdue  INTEGER NOT NULL,           -- as_of − due_date: > 0 overdue, ≤ 0 due soon
        reason        TEXT NOT NULL,
        name          TEXT NOT NULL,
        staff_code    TEXT NOT NULL,
        staff_name    TEXT,
        team_code     TEXT,
        rosh          TEXT NOT NULL,
        mappa_level   TEXT,
        UNIQUE (crn, rule)
      ) STRICT;
      -- Most overdue first = earliest due date first; the status filter is a due_date range.
      CREATE INDEX flags_due ON flags (due_date, crn, rule);
      CREATE INDEX flags_team_due ON flags (team_code, due_date, crn, rule);
      CREATE INDEX flags_staff_due ON flags (staff_code, due_date);
      CREATE INDEX flags_rule_due ON flags (rule, due_date);

      -- Each flag's structured explanation, apart so the queue's table and indexes stay narrow.
      CREATE TABLE flag_details (
        crn          TEXT NOT NULL,
        rule         TEXT NOT NULL,
        detail_json  TEXT NOT NULL,               -- FlagExplanation
        PRIMARY KEY (crn, rule)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE flag_staff (
        staff_code   TEXT NOT NULL,
        rule         TEXT NOT NULL,
        name         TEXT NOT NULL,
        team_code    TEXT NOT NULL,
        ratio        REAL NOT NULL,
        reason       TEXT NOT NULL,
        detail_json  TEXT NOT NULL,
        PRIMARY KEY (staff_code, rule)
      ) STRICT;
      CREATE INDEX flag_staff_team ON flag_staff (team_code);
    `);
  },
};
