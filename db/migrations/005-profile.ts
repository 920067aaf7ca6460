import type { Migration } from './index.js';

/**
 * Who is using the app, asked on first run: name, staff code and team. Recorded in reviews and in
 * the audit log beside the operating-system account (DPA 2018 s.62 asks for the person "as far as
 * possible"). One row per OS account, so a shared database asks each account who it is.
 */
export const m005: Migration = {
  version: 5,
  name: 'app user profile',
  up(db) {
    db.exec(`
      CREATE TABLE app_users (
        os_user     TEXT PRIMARY KEY,
        name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
        staff_code  TEXT NOT NULL CHECK (length(staff_code) > 0 AND staff_code = upper(trim(staff_code))),
        team_code   TEXT NOT NULL CHECK (length(team_code) > 0 AND team_code = upper(trim(team_code))),
        updated_at  TEXT NOT NULL                -- UTC ISO timestamp
      ) STRICT;
    `);
  },
};
