import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from './index.js';

const sample = {
  id: 1, created_at: '2026-11-23T10:00:00Z', created_by_os: 'spo', created_by: 'Sam Senior', seed: 42, size: 1, date_from: '2026-10-01',
  date_to: '2026-11-23', team_code: null, population: 1, strata_json: '[{"staffCode":"N99P001","risk":"HIGH","population":1,"chosen":1}]',
};
const item = { sample_id: 1, position: 1, review_id: 1, review_version: 1, crn: 'X000001', staff_code: 'N99P001', risk: 'HIGH' };
const result = {
  sample_id: 1, position: 1, recorded_at: '2026-11-24T10:00:00Z', recorded_by_os: 'spo', recorded_by: null,
  checks_json: '[{"item":"risk-assessment","answer":"yes","note":""}]', outcome: 'good', note: 'sound analysis',
};
const insertSample = `INSERT INTO audit_samples (id, created_at, created_by_os, created_by, seed, size, date_from, date_to, team_code, population, strata_json)
  VALUES (@id, @created_at, @created_by_os, @created_by, @seed, @size, @date_from, @date_to, @team_code, @population, @strata_json)`;
const insertItem = `INSERT INTO audit_sample_items (sample_id, position, review_id, review_version, crn, staff_code, risk)
  VALUES (@sample_id, @position, @review_id, @review_version, @crn, @staff_code, @risk)`;
const insertResult = `INSERT INTO audit_sample_results (sample_id, position, recorded_at, recorded_by_os, recorded_by, checks_json, outcome, note)
  VALUES (@sample_id, @position, @recorded_at, @recorded_by_os, @recorded_by, @checks_json, @outcome, @note)`;

/** A version-6 database holding one case and one recorded review. */
function withReview(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 6);
  db.prepare(`INSERT INTO import_log (id, at, os_user, outcome, skip_invalid, fingerprint, files_json, counts_json, rejected, errors_json)
              VALUES (1, '2026-11-01T09:00:00Z', 'spo', 'committed', 0, 'f', '[]', '{}', 0, '[]')`).run();
  db.prepare(`INSERT INTO cases (crn, name, staff_code, allocation_date, first_import_id, last_import_id) VALUES ('X000001', 'Ann', 'N99P001', '2026-01-01', 1, 1)`).run();
  db.prepare(`INSERT INTO reviews (id, review_id, version, action, reason, crn, review_type, review_date, spo_name, triggers_json, snapshot_json, checks_json,
                analysis, decision, actions_json, recorded_at, recorded_by_os)
              VALUES (1, 1, 1, 'recorded', NULL, 'X000001', 'management-oversight', '2026-11-02', 'Sam', '[]', '{}', '[]', '', 'continue', '[]', '2026-11-02T10:00:00Z', 'spo')`).run();
  return db;
}

describe('migration 7: audit samples', () => {
  it('keeps the reviews and trend cache of version 6 intact', () => {
    const db = withReview();
    db.prepare(`INSERT INTO trend_weeks (as_of, basis, reviews_seen, computed_at) VALUES ('2026-11-22', 'b', 1, '2026-11-23T10:00:00Z')`).run();
    const before = { reviews: db.prepare('SELECT * FROM reviews').all(), weeks: db.prepare('SELECT * FROM trend_weeks').all() };

    migrate(db, 7);

    expect(schemaVersion(db)).toBe(7);
    expect({ reviews: db.prepare('SELECT * FROM reviews').all(), weeks: db.prepare('SELECT * FROM trend_weeks').all() }).toEqual(before);
  });

  it('stores a sample, its chosen reviews and their re-readings', () => {
    const db = withReview();
    migrate(db, 7);
    db.prepare(insertSample).run(sample);
    db.prepare(insertItem).run(item);
    db.prepare(insertResult).run(result);
    db.prepare(insertResult).run({ ...result, outcome: 'requires-improvement' });
    expect(db.prepare('SELECT * FROM audit_samples').all()).toEqual([sample]);
    expect(db.prepare('SELECT * FROM audit_sample_items').all()).toEqual([item]);
    expect(db.prepare('SELECT outcome FROM audit_sample_results ORDER BY id').pluck().all()).toEqual(['good', 'requires-improvement']);
  });

  it('refuses a review that does not exist, the same review twice and an unknown outcome', () => {
    const db = withReview();
    migrate(db, 7);
    db.prepare(insertSample).run(sample);
    expect(() => db.prepare(insertItem).run({ ...item, review_version: 2 })).toThrow(/FOREIGN KEY constraint failed/);
    db.prepare(insertItem).run(item);
    expect(() => db.prepare(insertItem).run({ ...item, position: 2 })).toThrow(/UNIQUE constraint failed/);
    expect(() => db.prepare(insertResult).run({ ...result, outcome: 'fine' })).toThrow(/CHECK constraint failed/);
  });

  it('never edits or deletes a sample, its items or its results', () => {
    const db = withReview();
    migrate(db, 7);
    db.prepare(insertSample).run(sample);
    db.prepare(insertItem).run(item);
    db.prepare(insertResult).run(result);
    expect(() => db.prepare(`UPDATE audit_samples SET seed = 1`).run()).toThrow(/never edited/);
    expect(() => db.prepare(`DELETE FROM audit_sample_items`).run()).toThrow(/never deleted/);
    expect(() => db.prepare(`UPDATE audit_sample_results SET outcome = 'inadequate'`).run()).toThrow(/never edited/);
    expect(() => db.prepare(`DELETE FROM audit_sample_results`).run()).toThrow(/never deleted/);
  });
});
