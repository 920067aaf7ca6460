import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { GENESIS } from '../audit/chain.js';
import { AuditLog } from '../audit/log.js';
import { verifyChain } from '../audit/verify.js';
import { latestVersion, migrate, schemaVersion } from './index.js';

function everyRow(db: Database.Database, tables: readonly string[]) {
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

describe('migration 4: the audit log', () => {
  it('comes after migration 3 and keeps the rows of version 3 as they were', () => {
    expect(latestVersion).toBeGreaterThanOrEqual(4);
    const db = new Database(':memory:');
    migrate(db, 3);
    expect(schemaVersion(db)).toBe(3);
    db.prepare(`INSERT INTO import_log (id, at, os_user, outcome, skip_invalid, fingerprint, files_json, counts_json, rejected, errors_json)
                VALUES (1, '2026-11-01T09:00:00Z', 'spo', 'committed', 0, 'f', '[]', '{}', 0, '[]')`).run();
    db.prepare(`INSERT INTO cases (crn, name, staff_code, allocation_date, rosh_level, first_import_id, last_import_id)
                VALUES ('X000001', 'Ann Example', 'N99P001', '2026-09-17', 'HIGH', 1, 1)`).run();
    db.prepare(`INSERT INTO reviews (review_id, version, action, reason, crn, review_type, review_date, spo_name, triggers_json, snapshot_json,
                  checks_json, analysis, decision, actions_json, recorded_at, recorded_by_os)
                VALUES (1, 1, 'recorded', NULL, 'X000001', 'management-oversight', '2026-11-01', 'Sam Senior', '["OVERSIGHT-NEW"]', '{}', '[]', 'a', 'd', '[]',
                  '2026-11-01T10:00:00Z', 'spo')`).run();
    db.prepare(`INSERT INTO settings_history (at, os_user, key, old_json, new_json, reason) VALUES ('2026-11-02T10:00:00Z', 'spo', 'oversightIntervalDays', '84', '56', 'PDU policy')`).run();
    const tables = ['import_log', 'cases', 'reviews', 'settings_history'];
    const before = everyRow(db, tables);

    migrate(db, 4);
    expect(schemaVersion(db)).toBe(4);
    expect(everyRow(db, tables)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM review_evidence').pluck().get()).toBe(1);

    // The new table takes entries, chains them and refuses edits.
    const log = new AuditLog(db, () => new Date('2026-11-23T10:00:00Z'));
    log.append('reviews:list', [{ operation: 'consultation', crns: ['X000001'] }], { osUser: 'spo', appUser: null });
    expect(db.prepare('SELECT prev_hash FROM audit_log').pluck().get()).toBe(GENESIS);
    expect(verifyChain(db)).toMatchObject({ intact: true, entries: 1 });
    expect(() => db.prepare(`UPDATE audit_log SET crns_json = '[]'`).run()).toThrow(/never edited/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/never deleted/);
    expect(() => db.prepare(`INSERT INTO audit_log (at, operation, op, os_user, crns_json, recipients_json, details_json, prev_hash, hash)
                              VALUES ('t', 'gossip', 'x', 'u', '[]', '[]', '{}', 'p', 'h')`).run()).toThrow(/CHECK constraint failed/);
  });
});
