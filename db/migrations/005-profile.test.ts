import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from './index.js';

const user = { os_user: 'spo', name: 'Sam Senior', staff_code: 'N99S001', team_code: 'N99T01', updated_at: '2026-11-01T09:00:00Z' };
const insertUser = `INSERT INTO app_users (os_user, name, staff_code, team_code, updated_at) VALUES (@os_user, @name, @staff_code, @team_code, @updated_at)`;

describe('migration 5: who is using the app', () => {
  it('keeps the cases, import log and audit log of version 4 intact', () => {
    const db = new Database(':memory:');
    migrate(db, 4);
    db.prepare(`INSERT INTO import_log (id, at, os_user, outcome, skip_invalid, fingerprint, files_json, counts_json, rejected, errors_json)
                VALUES (1, '2026-11-01T09:00:00Z', 'spo', 'committed', 0, 'f', '[]', '{}', 0, '[]')`).run();
    db.prepare(`INSERT INTO cases (crn, name, staff_code, allocation_date, first_import_id, last_import_id) VALUES ('X000001', 'Ann', 'S1', '2026-01-01', 1, 1)`).run();
    db.prepare(`INSERT INTO audit_log (at, operation, op, os_user, app_user, crns_json, justification, recipients_json, details_json, prev_hash, hash)
                VALUES ('2026-11-01T09:00:00Z', 'collection', 'import:commit', 'spo', NULL, '[]', 'extract', '[]', '{}', '0', '1')`).run();
    const before = { cases: db.prepare('SELECT * FROM cases').all(), audit: db.prepare('SELECT * FROM audit_log').all() };

    migrate(db, 5);

    expect(schemaVersion(db)).toBe(5);
    expect({ cases: db.prepare('SELECT * FROM cases').all(), audit: db.prepare('SELECT * FROM audit_log').all() }).toEqual(before);
    db.prepare(insertUser).run(user);
    expect(db.prepare('SELECT * FROM app_users').all()).toEqual([user]);
  });

  it('keeps one profile per operating-system account', () => {
    const db = new Database(':memory:');
    migrate(db, 5);
    db.prepare(insertUser).run(user);
    expect(() => db.prepare(insertUser).run({ ...user, name: 'Someone Else' })).toThrow(/UNIQUE constraint failed/);
    db.prepare(insertUser).run({ ...user, os_user: 'colleague' });
    expect(db.prepare('SELECT count(*) FROM app_users').pluck().get()).toBe(2);
  });

  it('refuses a blank name and codes that are not trimmed upper case', () => {
    const db = new Database(':memory:');
    migrate(db, 5);
    expect(() => db.prepare(insertUser).run({ ...user, name: '  ' })).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare(insertUser).run({ ...user, staff_code: 'n99s001' })).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare(insertUser).run({ ...user, team_code: '' })).toThrow(/CHECK constraint failed/);
  });
});
