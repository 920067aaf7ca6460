import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './index.js';

function review(version: number, action: string, reason: string | null, date = '2026-11-01') {
  return {
    review_id: 1, version, action, reason, crn: 'X000001', review_type: 'management-oversight', review_date: date,
    spo_name: 'Sam Senior', triggers_json: '["OVERSIGHT-NEW"]', snapshot_json: '{}', checks_json: '[]', analysis: 'a', decision: 'd',
    actions_json: '[]', recorded_at: '2026-11-01T10:00:00Z', recorded_by_os: 'spo',
  };
}
const insert = `INSERT INTO reviews (review_id, version, action, reason, crn, review_type, review_date, spo_name, triggers_json, snapshot_json,
  checks_json, analysis, decision, actions_json, recorded_at, recorded_by_os) VALUES (@review_id, @version, @action, @reason, @crn,
  @review_type, @review_date, @spo_name, @triggers_json, @snapshot_json, @checks_json, @analysis, @decision, @actions_json, @recorded_at, @recorded_by_os)`;

describe('migration 2: policy settings and oversight reviews', () => {
  it('keeps the cases and import log of version 1 intact', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare(`INSERT INTO import_log (id, at, os_user, outcome, skip_invalid, fingerprint, files_json, counts_json, rejected, errors_json)
                VALUES (1, '2026-11-01T09:00:00Z', 'spo', 'committed', 0, 'f', '[]', '{}', 0, '[]')`).run();
    db.prepare(`INSERT INTO cases (crn, name, staff_code, allocation_date, first_import_id, last_import_id) VALUES ('X000001', 'Ann', 'S1', '2026-01-01', 1, 1)`).run();
    const before = db.prepare('SELECT * FROM cases').all();
    migrate(db, 2);
    expect(db.prepare('SELECT * FROM cases').all()).toEqual(before);
    db.prepare(insert).run(review(1, 'recorded', null));
    expect(db.prepare('SELECT crn, review_date FROM review_evidence').all()).toEqual([{ crn: 'X000001', review_date: '2026-11-01' }]);
  });

  it('counts only the current version of a review, and none once it is withdrawn', () => {
    const db = new Database(':memory:');
    migrate(db, 2);
    db.prepare(`INSERT INTO import_log (id, at, os_user, outcome, skip_invalid, fingerprint, files_json, counts_json, rejected, errors_json)
                VALUES (1, '2026-11-01T09:00:00Z', 'spo', 'committed', 0, 'f', '[]', '{}', 0, '[]')`).run();
    db.prepare(`INSERT INTO cases (crn, name, staff_code, allocation_date, first_import_id, last_import_id) VALUES ('X000001', 'Ann', 'S1', '2026-01-01', 1, 1)`).run();
    db.prepare(insert).run(review(1, 'recorded', null));
    db.prepare(insert).run(review(2, 'amended', 'wrong date', '2026-11-02'));
    expect(db.prepare('SELECT review_date FROM review_evidence').pluck().all()).toEqual(['2026-11-02']);
    db.prepare(insert).run(review(3, 'withdrawn', 'entered on the wrong case', '2026-11-02'));
    expect(db.prepare('SELECT count(*) FROM review_evidence').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM reviews').pluck().get()).toBe(3);
  });

  it('refuses to edit or delete a review, and an amendment without a reason', () => {
    const db = new Database(':memory:');
    migrate(db, 2);
    db.pragma('foreign_keys = OFF');
    db.prepare(insert).run(review(1, 'recorded', null));
    expect(() => db.prepare(`UPDATE reviews SET decision = 'x'`).run()).toThrow(/never edited in place/);
    expect(() => db.prepare(`DELETE FROM reviews`).run()).toThrow(/never deleted/);
    expect(() => db.prepare(insert).run(review(2, 'amended', null))).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare(`INSERT INTO settings_history (at, os_user, key, old_json, new_json, reason) VALUES ('t', 'u', 'k', '1', '2', ' ')`).run()).toThrow(/CHECK constraint failed/);
  });
});
