import type { Migration } from './index.js';

/**
 * Issue 12 changed what the rules find for the same data: `OVERSIGHT-OVERDUE` has no floor at
 * in-scope-since, and a case allocated after the as-of date is not yet in the caseload. The stored
 * flags and the weekly trend cache hold what the earlier rules found, and their own checks (the
 * day, the import, the policy) cannot see a change of rules, so they are dropped here; the next
 * read evaluates them again. Nothing recorded (cases, reviews, settings, audit) is touched.
 */
export const m008: Migration = {
  version: 8,
  name: 'recompute flags and trends under the rules of issue 12',
  up(db) {
    db.exec(`
      DELETE FROM flag_state;
      DELETE FROM flags;
      DELETE FROM flag_details;
      DELETE FROM flag_cases;
      DELETE FROM flag_staff;
      DELETE FROM trend_weeks;
    `);
  },
};
