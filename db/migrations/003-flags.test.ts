import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './index.js';

describe('migration 3: materialised oversight flags', () => {
  function at2() {
    const db = new Database(':memory:');
    migrate(db, 2);
    db.prepare(`INSERT INTO import_log (id, at, os_user, outcome, skip_invalid, fingerprint, files_json, counts_json, rejected, errors_json)
                VALUES (1, '2026-11-01T09:00:00Z', 'spo', 'committed', 0, 'f', '[{"name":"cases.csv","kind":"cases"}]', '{}', 0, '[]')`).run();
    db.prepare(`INSERT INTO cases (crn, name, staff_code, allocation_date, rosh_level, rosh_assessed_on, first_import_id, last_import_id)
                VALUES ('X000001', 'Ann', 'S1', '2026-01-01', 'HIGH', '2026-01-02', 1, 1), ('X000002', 'Bo', 'S2', '2026-02-01', NULL, NULL, 1, 1)`).run();
    db.prepare(`INSERT INTO registrations (crn, register_code, level_code, registration_date) VALUES ('X000001', 'MAPP', 'M1', '2026-01-03')`).run();
    db.prepare(`INSERT INTO contacts (contact_id, crn, contact_date, contact_type_code) VALUES ('1', 'X000001', '2026-01-04', 'MO1'), ('2', 'X000002', '2026-02-04', 'COAP')`).run();
    db.prepare(`INSERT INTO needs (crn, need, severity, linked_to_harm) VALUES ('X000001', 'DRUG', 'SEVERE', 1)`).run();
    db.prepare(`INSERT INTO settings (key, value_json) VALUES ('dueSoonDays', '7')`).run();
    return db;
  }

  it('keeps every row of version 2 and adds empty flag tables', () => {
    const db = at2();
    const tables = ['import_log', 'cases', 'registrations', 'contacts', 'needs', 'settings'];
    const before = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
    migrate(db, 3);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    for (const t of tables) expect(db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()).toEqual(before[t]);
    for (const t of ['flags', 'flag_details', 'flag_cases', 'flag_staff', 'flag_state']) expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
  });

  it('reads the relevant contacts through the index that leads with the contact type', () => {
    const db = at2();
    migrate(db, 3);
    const plan = (db.prepare(
      `EXPLAIN QUERY PLAN SELECT crn, contact_type_code, max(contact_date) FROM contacts
       WHERE contact_type_code IN ('MO1', 'C281') AND crn > '' AND crn <= 'X999999' AND contact_date <= '2026-11-23' GROUP BY contact_type_code, crn`,
    ).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan).toMatch(/COVERING INDEX contacts_type_crn_date/);
    expect(db.prepare(`SELECT crn, max(contact_date) AS d FROM contacts WHERE contact_type_code = 'MO1' GROUP BY crn`).all()).toEqual([{ crn: 'X000001', d: '2026-01-04' }]);
  });

  it('keeps one state row, and one flag per case and rule', () => {
    const db = at2();
    migrate(db, 3);
    const state = db.prepare(`INSERT INTO flag_state (id, as_of, computed_at, import_id, reviews_seen, policy_json, not_evaluated_json) VALUES (?, '2026-11-23', 't', 1, 0, '{}', '[]')`);
    state.run(1);
    expect(() => state.run(2)).toThrow(/CHECK constraint failed/);
    const flag = db.prepare(`INSERT INTO flags (crn, rule, status, due_date, days_overdue, reason, name, staff_code, rosh)
                             VALUES ('X000001', 'ROSH-STALE', ?, '2026-11-01', 22, 'r', 'Ann', 'S1', 'HIGH')`);
    flag.run('overdue');
    expect(() => flag.run('overdue')).toThrow(/UNIQUE constraint failed/);
    expect(() => db.prepare(`UPDATE flags SET status = 'late'`).run()).toThrow(/CHECK constraint failed/);
  });
});
