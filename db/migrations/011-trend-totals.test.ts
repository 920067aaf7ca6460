import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from './index.js';

const count = (db: Database.Database, table: string): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const totals = {
  as_of: '2026-11-22', scope: 'caseload', cases: 5, high_risk: 2, mappa_l1: 1, in_scope: 3, covered: 1, oldest_days: 196,
  overdue_json: '{"OVERSIGHT-OVERDUE":1}', overdue: 3, due_soon: 1, median_days_overdue: 90,
};
const insertTotals = `INSERT INTO trend_totals (as_of, scope, cases, high_risk, mappa_l1, in_scope, covered, oldest_days, overdue_json, overdue, due_soon, median_days_overdue)
  VALUES (@as_of, @scope, @cases, @high_risk, @mappa_l1, @in_scope, @covered, @oldest_days, @overdue_json, @overdue, @due_soon, @median_days_overdue)`;

function at10(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 10);
  db.prepare(`INSERT INTO import_log (id, at, os_user, outcome, skip_invalid, fingerprint, files_json, counts_json, rejected, errors_json)
              VALUES (1, '2026-11-01T09:00:00Z', 'spo', 'committed', 0, 'f', '[]', '{}', 0, '[]')`).run();
  db.prepare(`INSERT INTO cases (crn, name, staff_code, allocation_date, first_import_id, last_import_id) VALUES ('X000001', 'Ann', 'N99P001', '2026-01-01', 1, 1)`).run();
  db.prepare(`INSERT INTO trend_weeks (as_of, basis, reviews_seen, computed_at) VALUES ('2026-11-22', '1|{}', 0, '2026-11-23T10:00:00Z')`).run();
  db.prepare(
    `INSERT INTO trend_staff (as_of, staff_code, team_code, cases, high_risk, mappa_l1, in_scope, covered, oldest_days, overdue_json, due_soon, days_overdue_json)
     VALUES ('2026-11-22', 'N99P001', 'N99T01', 1, 1, 0, 1, 0, 120, '{}', 0, '[]')`,
  ).run();
  return db;
}

describe('migration 11: the trend cache keeps week totals', () => {
  it('drops the per-practitioner weeks of version 10, keeping every recorded row, and starts an empty cache of totals', () => {
    const db = at10();
    const recorded = ['import_log', 'cases'].map((t) => db.prepare(`SELECT * FROM ${t}`).all());

    migrate(db, 11);

    expect(schemaVersion(db)).toBe(11);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE name = 'trend_staff'`).get()).toBeUndefined();
    expect(db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all('trend_weeks')).toEqual(['as_of', 'basis', 'computed_at']);
    expect([count(db, 'trend_weeks'), count(db, 'trend_totals')]).toEqual([0, 0]);
    expect(['import_log', 'cases'].map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(recorded);
  });

  it('stores one row per week and scope, drops them with their week, and refuses rows that cannot be', () => {
    const db = at10();
    migrate(db, 11);
    expect(() => db.prepare(insertTotals).run(totals)).toThrow(/FOREIGN KEY constraint failed/);
    db.prepare(`INSERT INTO trend_weeks (as_of, basis, computed_at) VALUES ('2026-11-22', 'b', '2026-11-23T10:00:00Z')`).run();
    db.prepare(insertTotals).run(totals);
    db.prepare(insertTotals).run({ ...totals, scope: 'team:N99T01', median_days_overdue: null, oldest_days: null });
    expect(() => db.prepare(insertTotals).run(totals)).toThrow(/UNIQUE constraint failed/);
    expect(() => db.prepare(insertTotals).run({ ...totals, scope: 'N99T02' })).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare(insertTotals).run({ ...totals, scope: 'team:N99T03', covered: 4 })).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT * FROM trend_totals WHERE scope = ?').get('caseload')).toEqual(totals);
    db.prepare('DELETE FROM trend_weeks').run();
    expect(count(db, 'trend_totals')).toBe(0);
  });
});
