import { describe, expect, it } from 'vitest';
import type { Db } from '../connection.js';
import { runImport } from '../import/run-import.js';
import { memoryDb, minimalExtract, writeExtract } from '../testing/extract.js';
import { ensureFresh, readFlagState, refreshFlags } from './refresh.js';

async function imported(): Promise<Db> {
  const db = memoryDb();
  await runImport(db, { paths: [writeExtract(minimalExtract())], skipInvalid: false, commit: true, osUser: 'tester', now: () => new Date('2026-11-23T09:00:00Z') });
  return db;
}

const flagsOf = (db: Db) => db.prepare(`SELECT crn, rule, status, due_date, days_overdue FROM flags ORDER BY crn, rule`).all();
const indexes = (db: Db) => db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('flags', 'flag_cases') ORDER BY name`).all();

function addReview(db: Db, crn: string, type: string, date: string, reviewId = 1, version = 1, action = 'recorded'): void {
  db.prepare(
    `INSERT INTO reviews (review_id, version, action, reason, crn, review_type, review_date, spo_name, triggers_json, snapshot_json, checks_json, analysis,
       decision, actions_json, recorded_at, recorded_by_os) VALUES (?, ?, ?, ?, ?, ?, ?, 'Sam Senior', '[]', '{}', '[]', '', 'd', '[]', '2026-11-23T10:00:00Z', 'spo')`,
  ).run(reviewId, version, action, action === 'recorded' ? null : 'entered in error', crn, type, date);
}

describe('refreshFlags', () => {
  it('stores the overdue and due-soon flags, a status row per case and the state', async () => {
    const db = await imported();
    const before = indexes(db);
    expect(refreshFlags(db, { asOf: '2026-11-23', now: () => new Date('2026-11-23T10:00:00Z') })).toEqual({ full: true, cases: 2, flags: 5 });
    expect(flagsOf(db)).toEqual([
      { crn: 'X000001', rule: 'NEED-REFERRAL', status: 'overdue', due_date: '2026-11-12', days_overdue: 11 },
      { crn: 'X000001', rule: 'OVERSIGHT-NEW', status: 'overdue', due_date: '2026-10-02', days_overdue: 52 },
      { crn: 'X000002', rule: 'OVERSIGHT-NEW', status: 'overdue', due_date: '2025-03-17', days_overdue: 616 },
      { crn: 'X000002', rule: 'REGISTRATION-REVIEW', status: 'due-soon', due_date: '2026-12-01', days_overdue: -8 },
      { crn: 'X000002', rule: 'ROSH-STALE', status: 'overdue', due_date: '2026-03-05', days_overdue: 263 },
    ]);
    expect(db.prepare(`SELECT crn, team_code, rosh, mappa_level, high_risk, overdue, due_soon, next_due_date FROM flag_cases ORDER BY crn`).all()).toEqual([
      { crn: 'X000001', team_code: 'N99T01', rosh: 'HIGH', mappa_level: null, high_risk: 1, overdue: 2, due_soon: 0, next_due_date: '2026-10-02' },
      { crn: 'X000002', team_code: 'N99T01', rosh: 'LOW', mappa_level: 'M1', high_risk: 0, overdue: 2, due_soon: 1, next_due_date: '2025-03-17' },
    ]);
    expect(db.prepare(`SELECT staff_code, rule, reason FROM flag_staff`).all()).toEqual([{ staff_code: 'N99P001', rule: 'PRACTITIONER-CAPACITY', reason: '124% of available points' }]);
    expect(readFlagState(db)).toMatchObject({ asOf: '2026-11-23', computedAt: '2026-11-23T10:00:00.000Z', importId: 1, reviewsSeen: 0, notEvaluated: [] });
    const detail = JSON.parse(db.prepare(`SELECT detail_json FROM flag_details WHERE crn = 'X000001' AND rule = 'OVERSIGHT-NEW'`).pluck().get() as string) as { dueRule: string };
    expect(detail.dueRule).toBe('allocation 2026-09-17 + 15 days');
    // The indexes dropped for the bulk insert are back as they were.
    expect(indexes(db)).toEqual(before);
  });

  it('refreshes only the cases asked for, by CRN', async () => {
    const db = await imported();
    refreshFlags(db, { asOf: '2026-11-23' });
    // Oversight for both cases, but only X000001 is refreshed.
    db.prepare(`INSERT INTO contacts (contact_id, crn, contact_date, contact_type_code) VALUES ('9', 'X000001', '2026-11-20', 'MO1'), ('10', 'X000002', '2026-11-20', 'MO1')`).run();
    expect(refreshFlags(db, { asOf: '2026-11-23', crns: ['X000001'] })).toEqual({ full: false, cases: 1, flags: 1 });
    expect(db.prepare(`SELECT crn, rule FROM flags WHERE rule LIKE 'OVERSIGHT%' ORDER BY crn`).all()).toEqual([{ crn: 'X000002', rule: 'OVERSIGHT-NEW' }]);
    expect(db.prepare(`SELECT overdue FROM flag_cases WHERE crn = 'X000001'`).pluck().get()).toBe(1);
  });

  it('refreshes everything instead when the stored flags are for another day or policy', async () => {
    const db = await imported();
    refreshFlags(db, { asOf: '2026-11-23' });
    expect(refreshFlags(db, { asOf: '2026-11-24', crns: ['X000001'] })).toMatchObject({ full: true, cases: 2 });
    db.prepare(`INSERT INTO settings (key, value_json) VALUES ('dueSoonDays', '30')`).run();
    expect(refreshFlags(db, { asOf: '2026-11-24', crns: ['X000001'] })).toMatchObject({ full: true });
  });
});

describe('ensureFresh', () => {
  it('refreshes on the first read of a new day, after a new import or a change of setting, and not otherwise', async () => {
    const db = await imported();
    expect(readFlagState(db)).toBeNull();
    ensureFresh(db, '2026-11-23', () => new Date('2026-11-23T10:00:00Z'));
    const first = readFlagState(db);
    ensureFresh(db, '2026-11-23', () => new Date('2026-11-23T11:00:00Z'));
    expect(readFlagState(db)?.computedAt).toBe(first?.computedAt);
    db.prepare(`INSERT INTO settings (key, value_json) VALUES ('newCaseOversightDays', '20')`).run();
    ensureFresh(db, '2026-11-23', () => new Date('2026-11-23T12:00:00Z'));
    expect(readFlagState(db)).toMatchObject({ computedAt: '2026-11-23T12:00:00.000Z' });
    expect(db.prepare(`SELECT due_date FROM flags WHERE crn = 'X000001' AND rule = 'OVERSIGHT-NEW'`).pluck().get()).toBe('2026-10-07');
    ensureFresh(db, '2026-11-24', () => new Date('2026-11-24T08:00:00Z'));
    expect(readFlagState(db)).toMatchObject({ asOf: '2026-11-24' });
  });

  it('folds in reviews recorded by anyone since the last refresh, case by case, and withdrawals too', async () => {
    const db = await imported();
    ensureFresh(db, '2026-11-23');
    addReview(db, 'X000001', 'allocation-oversight', '2026-11-20');
    ensureFresh(db, '2026-11-23');
    expect(db.prepare(`SELECT rule FROM flags WHERE crn = 'X000001' ORDER BY rule`).pluck().all()).toEqual(['NEED-REFERRAL']);
    expect(readFlagState(db)?.reviewsSeen).toBe(1);
    addReview(db, 'X000001', 'allocation-oversight', '2026-11-20', 1, 2, 'withdrawn');
    ensureFresh(db, '2026-11-23');
    expect(db.prepare(`SELECT rule FROM flags WHERE crn = 'X000001' ORDER BY rule`).pluck().all()).toEqual(['NEED-REFERRAL', 'OVERSIGHT-NEW']);
  });

  it('ignores a review dated after the as-of date', async () => {
    const db = await imported();
    addReview(db, 'X000001', 'management-oversight', '2026-11-24');
    ensureFresh(db, '2026-11-23');
    expect(db.prepare(`SELECT count(*) FROM flags WHERE crn = 'X000001' AND rule = 'OVERSIGHT-NEW'`).pluck().get()).toBe(1);
  });
});
