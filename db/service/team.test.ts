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

describe('team:view', () => {
  it("lists each practitioner's caseload, flags, coverage and workload as worked out by hand", async () => {
    const { call } = await setup();
    const view = await call('team:view', { team: 'n99t01' });
    expect(view).toMatchObject({ asOf: '2026-11-23', team: 'N99T01', oversightIntervalDays: 84, capacityThreshold: 1, staffFile: true });
    expect(view.practitioners).toEqual([
      {
        staffCode: 'N99P001', name: 'Pat Example', grade: 'PSM', teamCode: 'N99T01',
        cases: 3, highRisk: 1, mappaL1: 1, inScope: 2, covered: 1, coverage: 0.5, overdue: 2, dueSoon: 0, openActions: 0, overdueActions: 0, longestWithoutOversightDays: 175,
        workload: { pointsUsed: 124, pointsAvailable: 100, percent: 124, overCapacity: true },
      },
      {
        staffCode: 'N99P002', name: 'Sam Example', grade: 'PSQ', teamCode: 'N99T01',
        cases: 1, highRisk: 1, mappaL1: 0, inScope: 1, covered: 0, coverage: 0, overdue: 1, dueSoon: 1, openActions: 0, overdueActions: 0, longestWithoutOversightDays: 13,
        workload: { pointsUsed: 40, pointsAvailable: 80, percent: 50, overCapacity: false },
      },
    ]);
  });

  it('lists every practitioner holding a case when no team is given, with no percentage where no points are available', async () => {
    const { call } = await setup();
    const view = await call('team:view', {});
    expect(view.practitioners.map((p) => p.staffCode)).toEqual(['N99P001', 'N99P002', 'N99P003']);
    expect(view.practitioners[2]).toMatchObject({ cases: 1, inScope: 0, coverage: null, longestWithoutOversightDays: null, workload: { percent: null, overCapacity: false } });
  });

  it('uses the capacity threshold in force', async () => {
    const { call } = await setup();
    await call('settings:set', { key: 'capacityThreshold', value: 1.5, reason: 'local agreement for the test' });
    const view = await call('team:view', { team: 'N99T01' });
    expect(view.practitioners[0]?.workload).toMatchObject({ percent: 124, overCapacity: false });
  });

  it('reads the heatmap week by week: cases without oversight within the interval and weeks since the oldest', async () => {
    const { call } = await setup();
    const { heatmap } = await call('team:view', { team: 'N99T01' });
    expect(heatmap.weeks).toHaveLength(12);
    expect(heatmap.weeks[0]).toBe('2026-09-06');
    expect(heatmap.weeks[11]).toBe('2026-11-22');
    const cell = (staff: string, week: string) => heatmap.rows.find((r) => r.staffCode === staff)?.cells.find((c) => c.weekEnding === week);
    // 27 Sep: X000001 not yet overseen (265 days since it came into scope), X000002 last 118 days ago.
    expect(cell('N99P001', '2026-09-27')).toEqual({ weekEnding: '2026-09-27', inScope: 2, notCovered: 2, weeksSinceOversight: 37 });
    // 4 Oct: X000001 overseen 3 days before; X000002 125 days ago.
    expect(cell('N99P001', '2026-10-04')).toEqual({ weekEnding: '2026-10-04', inScope: 2, notCovered: 1, weeksSinceOversight: 17 });
    // X000004 was allocated on 10 Nov: counted nowhere before then.
    expect(cell('N99P002', '2026-11-08')).toEqual({ weekEnding: '2026-11-08', inScope: 0, notCovered: 0, weeksSinceOversight: null });
    expect(cell('N99P002', '2026-11-22')).toEqual({ weekEnding: '2026-11-22', inScope: 1, notCovered: 1, weeksSinceOversight: 1 });
    expect(heatmap.reading).toMatch(/within the oversight interval/);
  });

  it('counts a review recorded in the app as oversight at once', async () => {
    const { call } = await setup();
    await call('team:view', { team: 'N99T01' });
    await call('reviews:record', { crn: 'X000004', type: 'management-oversight', date: '2026-11-20', spo: { name: 'Sam Senior' }, decision: 'continue' });
    const view = await call('team:view', { team: 'N99T01' });
    expect(view.practitioners[1]).toMatchObject({ staffCode: 'N99P002', covered: 1, coverage: 1, longestWithoutOversightDays: 3 });
    expect(view.heatmap.rows[1]?.cells[11]).toEqual({ weekEnding: '2026-11-22', inScope: 1, notCovered: 0, weeksSinceOversight: 0 });
  });

  it('counts the open actions agreed in oversight on each practitioner’s cases, and those past their due date', async () => {
    const { call } = await setup();
    const actions = [
      { text: 'Request the police DA call-outs', owner: 'Sam Senior', due: '2026-11-21' },
      { text: 'Refer to the drug service', owner: 'Sam Senior', due: '2026-12-04' },
      { text: 'Book a home visit', owner: 'Sam Senior', due: '2026-11-22' },
    ];
    const r = await call('reviews:record', { crn: 'X000004', type: 'management-oversight', date: '2026-11-20', spo: { name: 'Sam Senior' }, decision: 'continue', actions });
    await call('actions:drop', { reviewId: r.id, number: 3, date: '2026-11-22', reason: 'visit booked by the practitioner already' });
    const view = await call('team:view', { team: 'N99T01' });
    expect(view.practitioners.map((p) => [p.staffCode, p.openActions, p.overdueActions])).toEqual([
      ['N99P001', 0, 0],
      ['N99P002', 2, 1],
    ]);
  });

  it('is not written to the audit log: it names no case', async () => {
    const { call, db } = await setup();
    const before = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    await call('team:view', {});
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });
});
