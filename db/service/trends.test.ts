import { describe, expect, it } from 'vitest';
import type { InputOf, Operation, ResultOf } from '../contract/index.js';
import { teamExtract } from '../team/testing/fixture.js';
import { memoryDb, tempDir, writeExtract } from '../testing/extract.js';
import { createService } from './index.js';

async function setup(today = '2026-11-23') {
  const db = memoryDb();
  const service = createService({ db, osUser: 'tester', now: () => new Date(`${today}T10:00:00Z`), dataDir: tempDir() });
  const call = async <O extends Operation>(op: O, input: InputOf<O>): Promise<ResultOf<O>> => {
    const r = await service.call(op, input);
    if (!r.ok) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  await call('import:commit', { paths: [writeExtract(teamExtract())] });
  return { db, service, call };
}

const zero = {
  'OVERSIGHT-NEW': 0, 'OVERSIGHT-OVERDUE': 0, 'MAPPA-L1-REVIEW': 0, 'REGISTRATION-REVIEW': 0, 'ROSH-MISSING': 0, 'ROSH-STALE': 0,
  'ROSH-MISMATCH': 0, 'DA-POLICE-CHECK': 0, 'CHILD-SAFEGUARDING-CHECK': 0, 'NEED-REFERRAL': 0, 'ALLOCATION-GRADE': 0, 'ACTION-OVERDUE': 0,
};

describe('trends:weekly', () => {
  it('evaluates each week-end as of that date, as worked out by hand (db/team/testing/fixture.ts)', async () => {
    const { call } = await setup();
    const report = await call('trends:weekly', { weeks: 3 });
    expect(report).toMatchObject({ asOf: '2026-11-23', team: null, evaluatedWeeks: 3 });
    expect(report.weeks).toEqual([
      // X000004 is not allocated until 10 Nov; X000002 is 76 and 195 days overdue.
      {
        weekEnding: '2026-11-08', cases: 4, inScope: 2, covered: 1, coverage: 0.5, overdue: 2, dueSoon: 0, medianDaysOverdue: 135.5,
        overdueByRule: { ...zero, 'OVERSIGHT-OVERDUE': 1, 'MAPPA-L1-REVIEW': 1 },
      },
      {
        weekEnding: '2026-11-15', cases: 5, inScope: 3, covered: 1, coverage: 1 / 3, overdue: 3, dueSoon: 1, medianDaysOverdue: 83,
        overdueByRule: { ...zero, 'OVERSIGHT-OVERDUE': 1, 'MAPPA-L1-REVIEW': 1, 'ALLOCATION-GRADE': 1 },
      },
      {
        weekEnding: '2026-11-22', cases: 5, inScope: 3, covered: 1, coverage: 1 / 3, overdue: 3, dueSoon: 1, medianDaysOverdue: 90,
        overdueByRule: { ...zero, 'OVERSIGHT-OVERDUE': 1, 'MAPPA-L1-REVIEW': 1, 'ALLOCATION-GRADE': 1 },
      },
    ]);
  });

  it('defaults to 52 weeks ending on the last Sunday', async () => {
    const { call } = await setup();
    const report = await call('trends:weekly', {});
    expect(report.weeks).toHaveLength(52);
    expect(report.weeks[51]?.weekEnding).toBe('2026-11-22');
    expect(report.weeks[0]?.weekEnding).toBe('2025-11-30');
  });

  it('filters by team', async () => {
    const { call } = await setup();
    const report = await call('trends:weekly', { weeks: 1, team: 'N99T02' });
    expect(report.weeks[0]).toMatchObject({ cases: 1, inScope: 0, coverage: null, overdue: 0, medianDaysOverdue: null });
  });

  it('reads stored weeks again, and evaluates them afresh when a setting changes', async () => {
    const { call } = await setup();
    await call('trends:weekly', { weeks: 3 });
    expect((await call('trends:weekly', { weeks: 3 })).evaluatedWeeks).toBe(0);
    await call('settings:set', { key: 'oversightIntervalDays', value: 200, reason: 'testing a longer interval' });
    const after = await call('trends:weekly', { weeks: 3 });
    expect(after.evaluatedWeeks).toBe(3);
    // X000002's last oversight, 174 days before 22 Nov, is now within the interval.
    expect(after.weeks[2]).toMatchObject({ inScope: 3, covered: 2, overdue: 2 });
  });

  it('drops weeks stored under an earlier policy once the new one is evaluated', async () => {
    const { call, db } = await setup();
    await call('trends:weekly', { weeks: 3, asOf: '2026-10-31' });
    await call('trends:weekly', { weeks: 3 });
    expect(db.prepare('SELECT count(*) FROM trend_weeks').pluck().get()).toBe(6);
    await call('settings:set', { key: 'dueSoonDays', value: 7, reason: 'testing a shorter horizon' });
    await call('trends:weekly', { weeks: 3 });
    expect(db.prepare('SELECT as_of FROM trend_weeks ORDER BY as_of').pluck().all()).toEqual(['2026-11-08', '2026-11-15', '2026-11-22']);
    expect(db.prepare(`SELECT count(*) FROM trend_totals WHERE as_of < '2026-11-08'`).pluck().get()).toBe(0);
  });

  it('folds in a review recorded since a week was stored', async () => {
    const { call } = await setup();
    await call('trends:weekly', { weeks: 3 });
    await call('reviews:record', { crn: 'X000002', type: 'mappa-l1-review', date: '2026-11-12', spo: { name: 'Sam Senior' }, decision: 'continue' });
    const after = await call('trends:weekly', { weeks: 3 });
    expect(after.evaluatedWeeks).toBe(3);
    expect(after.weeks[0]).toMatchObject({ weekEnding: '2026-11-08', covered: 1, overdue: 2 });
    // From 15 Nov the review is oversight and a level 1 review: only X000004's grade flag is left.
    expect(after.weeks[1]).toMatchObject({ weekEnding: '2026-11-15', covered: 2, overdue: 1, medianDaysOverdue: 5 });
  });

  it('refuses more than two years of weeks, naming the field', async () => {
    const { service } = await setup();
    expect(await service.call('trends:weekly', { weeks: 105 })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'weeks' } });
  });
});
