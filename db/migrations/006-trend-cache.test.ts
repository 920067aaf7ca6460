import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from './index.js';

const week = { as_of: '2026-11-22', basis: '1|{}', reviews_seen: 0, computed_at: '2026-11-23T10:00:00Z' };
const staff = {
  as_of: '2026-11-22', staff_code: 'N99P001', team_code: 'N99T01', cases: 3, high_risk: 2, mappa_l1: 1, in_scope: 2, covered: 1,
  oldest_days: 120, overdue_json: '{"OVERSIGHT-OVERDUE":1}', due_soon: 0, days_overdue_json: '[36]',
};
const insertWeek = `INSERT INTO trend_weeks (as_of, basis, reviews_seen, computed_at) VALUES (@as_of, @basis, @reviews_seen, @computed_at)`;
const insertStaff = `INSERT INTO trend_staff (as_of, staff_code, team_code, cases, high_risk, mappa_l1, in_scope, covered, oldest_days, overdue_json, due_soon, days_overdue_json)
  VALUES (@as_of, @staff_code, @team_code, @cases, @high_risk, @mappa_l1, @in_scope, @covered, @oldest_days, @overdue_json, @due_soon, @days_overdue_json)`;

function at6(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 6);
  return db;
}

describe('migration 6: the weekly trend cache', () => {
  it('keeps the cases, reviews, flags and audit log of version 5 intact', () => {
    const db = new Database(':memory:');
    migrate(db, 5);
    db.prepare(`INSERT INTO import_log (id, at, os_user, outcome, skip_invalid, fingerprint, files_json, counts_json, rejected, errors_json)
                VALUES (1, '2026-11-01T09:00:00Z', 'spo', 'committed', 0, 'f', '[]', '{}', 0, '[]')`).run();
    db.prepare(`INSERT INTO cases (crn, name, staff_code, allocation_date, first_import_id, last_import_id) VALUES ('X000001', 'Ann', 'S1', '2026-01-01', 1, 1)`).run();
    db.prepare(`INSERT INTO app_users (os_user, name, staff_code, team_code, updated_at) VALUES ('spo', 'Sam', 'N99S001', 'N99T01', '2026-11-01T09:00:00Z')`).run();
    const before = { cases: db.prepare('SELECT * FROM cases').all(), users: db.prepare('SELECT * FROM app_users').all() };

    migrate(db, 6);

    expect(schemaVersion(db)).toBe(6);
    expect({ cases: db.prepare('SELECT * FROM cases').all(), users: db.prepare('SELECT * FROM app_users').all() }).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM trend_weeks').pluck().get()).toBe(0);
  });

  it('stores one row per week and practitioner, and drops them with their week', () => {
    const db = at6();
    db.prepare(insertWeek).run(week);
    db.prepare(insertStaff).run(staff);
    expect(() => db.prepare(insertStaff).run(staff)).toThrow(/UNIQUE constraint failed/);
    expect(db.prepare('SELECT * FROM trend_staff').all()).toEqual([staff]);
    db.prepare('DELETE FROM trend_weeks').run();
    expect(db.prepare('SELECT count(*) FROM trend_staff').pluck().get()).toBe(0);
  });

  it('refuses a practitioner row without its week, and more cases covered than in scope', () => {
    const db = at6();
    expect(() => db.prepare(insertStaff).run(staff)).toThrow(/FOREIGN KEY constraint failed/);
    db.prepare(insertWeek).run(week);
    expect(() => db.prepare(insertStaff).run({ ...staff, covered: 3 })).toThrow(/CHECK constraint failed/);
  });
});
