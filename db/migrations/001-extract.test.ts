import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './index.js';

describe('migration 1: extract tables and import log', () => {
  function at1() {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare(
      `INSERT INTO import_log (id, at, os_user, outcome, skip_invalid, fingerprint, files_json, counts_json, rejected, errors_json)
       VALUES (1, '2026-11-01T09:00:00Z', 'spo', 'committed', 0, 'f', '[]', '{}', 0, '[]')`,
    ).run();
    return db;
  }

  it('stores every extract table with its raw text and unknown columns', () => {
    const db = at1();
    db.prepare(
      `INSERT INTO cases (crn, name, staff_code, allocation_date, rosh_level, raw_json, extra_json, first_import_id, last_import_id)
       VALUES ('X000001', 'Ann Example', 'N99P001', '2026-01-02', 'HIGH', '{"rosh_level":"high"}', '{"pnc_number":"99/1"}', 1, 1)`,
    ).run();
    db.prepare(`INSERT INTO registrations (crn, register_code, level_code, category_code, registration_date) VALUES ('X000001', 'MAPP', 'M1', 'M2', '2026-01-03')`).run();
    db.prepare(`INSERT INTO contacts (contact_id, crn, contact_date, contact_type_code) VALUES ('1', 'X000001', '2026-01-04', 'ZZZ9')`).run();
    db.prepare(`INSERT INTO staff (staff_code, name, team_code, points_available, points_used) VALUES ('N99P001', 'Pat Example', 'T1', 100, 124.5)`).run();
    db.prepare(`INSERT INTO needs (crn, need, severity, linked_to_harm) VALUES ('X000001', 'DRUG', 'SEVERE', 1)`).run();

    expect(db.prepare('SELECT crn, rosh_level, raw_json, extra_json, in_caseload FROM cases').get()).toEqual({
      crn: 'X000001', rosh_level: 'HIGH', raw_json: '{"rosh_level":"high"}', extra_json: '{"pnc_number":"99/1"}', in_caseload: 1,
    });
    expect(db.prepare('SELECT contact_type_code FROM contacts').pluck().get()).toBe('ZZZ9');
    expect(db.prepare('SELECT points_used FROM staff').pluck().get()).toBe(124.5);
  });

  it('refuses values of the wrong type or outside the known levels (STRICT and CHECK)', () => {
    const db = at1();
    expect(() =>
      db.prepare(`INSERT INTO staff (staff_code, name, team_code, points_available) VALUES ('A', 'B', 'T', 'lots')`).run(),
    ).toThrow(/cannot store TEXT value in REAL column/);
    expect(() =>
      db.prepare(
        `INSERT INTO cases (crn, name, staff_code, allocation_date, rosh_level, first_import_id, last_import_id) VALUES ('X1', 'n', 's', '2026-01-01', 'high', 1, 1)`,
      ).run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
