import type { Migration } from './index.js';

/**
 * Issue 14: the queue lists flags risk first (db/rules/triage.ts). Each stored flag keeps its rank,
 * indexed with the due date so the default order is read from an index, for the whole caseload and
 * for a team. The flags stored before this step have no rank, so they are dropped and evaluated
 * again on the next read, as migration 8 does.
 */
export const m009: Migration = {
  version: 9,
  name: 'risk-first order of the queue',
  up(db) {
    db.exec(`
      ALTER TABLE flags ADD COLUMN triage INTEGER NOT NULL DEFAULT 9;  -- triageRank: risk tier × 2 + (safety rule ? 0 : 1)
      CREATE INDEX flags_triage ON flags (triage, due_date, crn, rule);
      CREATE INDEX flags_team_triage ON flags (team_code, triage, due_date, crn, rule);
      DELETE FROM flag_state;
      DELETE FROM flags;
      DELETE FROM flag_details;
      DELETE FROM flag_cases;
      DELETE FROM flag_staff;
    `);
  },
};
