import { describe, expect, it } from 'vitest';
import type { InputOf, Operation, ResultOf, TrendWeek } from '../contract/index.js';
import { memoryDb, tempDir, writeExtract } from '../testing/extract.js';
import { createService } from '../service/index.js';
import { weekEndings } from './coverage.js';
import { teamExtract } from './testing/fixture.js';
import { oracleFigures } from './testing/oracle.js';
import { toTrendWeek } from './week-figures.js';

/*
 * The trend cache is read while nothing its figures depend on has changed, and evaluated again
 * after anything that can change them: an import, a review recorded, amended or withdrawn, an
 * action done or dropped, a setting. Each cause is shown to reach the next read (which then agrees
 * with each week evaluated on its own), and a read after no change to be served from the cache.
 */

const WEEKS = 8;
const DATES = weekEndings('2026-11-23', WEEKS);

async function setup() {
  const db = memoryDb();
  const service = createService({ db, osUser: 'tester', now: () => new Date('2026-11-23T10:00:00Z'), dataDir: tempDir() });
  const call = async <O extends Operation>(op: O, input: InputOf<O>): Promise<ResultOf<O>> => {
    const r = await service.call(op, input);
    if (!r.ok) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  await call('import:commit', { paths: [writeExtract(teamExtract())] });
  const trends = (team?: string) => call('trends:weekly', team === undefined ? { weeks: WEEKS } : { weeks: WEEKS, team });
  const expected = (team?: string): TrendWeek[] => {
    const figures = oracleFigures(db, DATES, team);
    return DATES.map((d) => toTrendWeek(d, figures.get(d) ?? expect.unreachable()));
  };
  /** Reads twice after a change: the first read evaluates every week and agrees with the oracle; the second is a look-up. */
  const readAfterChange = async (): Promise<TrendWeek[]> => {
    const first = await trends();
    expect(first.evaluatedWeeks).toBe(WEEKS);
    expect(first.weeks).toEqual(expected());
    expect((await trends('N99T01')).weeks).toEqual(expected('N99T01'));
    const again = await trends();
    expect(again).toEqual({ ...first, evaluatedWeeks: 0 });
    return first.weeks;
  };
  return { db, call, trends, expected, readAfterChange };
}

const review = (over: Partial<InputOf<'reviews:record'>> = {}): InputOf<'reviews:record'> => ({
  crn: 'X000002',
  type: 'management-oversight',
  date: '2026-11-12',
  spo: { name: 'Sam Senior' },
  decision: 'continue',
  ...over,
});

describe('the trend cache', () => {
  it('serves a repeat read, for the whole caseload and for any team, without evaluating a week', async () => {
    const { trends, expected } = await setup();
    const first = await trends();
    expect(first.evaluatedWeeks).toBe(WEEKS);
    expect(first.weeks).toEqual(expected());
    expect(await trends()).toEqual({ ...first, evaluatedWeeks: 0 });
    // Every team's totals were stored by the same sweep.
    expect(await trends('N99T01')).toMatchObject({ evaluatedWeeks: 0, weeks: expected('N99T01') });
    expect(await trends('N99T02')).toMatchObject({ evaluatedWeeks: 0, weeks: expected('N99T02') });
  });

  it('evaluates again after a review is recorded, amended and withdrawn, each change showing', async () => {
    const { call, trends, readAfterChange } = await setup();
    const before = (await trends()).weeks;
    const r = await call('reviews:record', review());
    const recorded = await readAfterChange();
    expect(recorded).not.toEqual(before);
    await call('reviews:amend', { id: r.id, reason: 'the review took place earlier', date: '2026-10-07' });
    const amended = await readAfterChange();
    expect(amended).not.toEqual(recorded);
    await call('reviews:withdraw', { id: r.id, reason: 'entered in error' });
    expect(await readAfterChange()).toEqual(before);
  });

  it('evaluates again after an action is done and after one is dropped', async () => {
    const { call, readAfterChange } = await setup();
    const actions = [
      { text: 'Chase the police', owner: 'Pat Example', due: '2026-10-20' },
      { text: 'Check the licence', owner: 'Pat Example', due: '2026-10-27' },
    ];
    const r = await call('reviews:record', review({ date: '2026-10-06', actions }));
    const open = await readAfterChange();
    expect(open.some((w) => w.overdueByRule['ACTION-OVERDUE'] > 0)).toBe(true);
    await call('actions:done', { reviewId: r.id, number: 1, date: '2026-10-30' });
    const done = await readAfterChange();
    expect(done).not.toEqual(open);
    await call('actions:drop', { reviewId: r.id, number: 2, date: '2026-11-04', reason: 'no longer needed' });
    const dropped = await readAfterChange();
    expect(dropped).not.toEqual(done);
    expect(dropped.at(-1)?.overdueByRule['ACTION-OVERDUE']).toBe(0);
  });

  it('evaluates again after a setting changes', async () => {
    const { call, trends, readAfterChange } = await setup();
    const before = (await trends()).weeks;
    await call('settings:set', { key: 'oversightIntervalDays', value: 200, reason: 'testing a longer interval' });
    expect(await readAfterChange()).not.toEqual(before);
  });

  it('evaluates again after an import commits a new snapshot, but not after a preview', async () => {
    const { call, trends, readAfterChange } = await setup();
    const before = (await trends()).weeks;
    const files = teamExtract();
    files['contacts.csv'] = `${String(files['contacts.csv'])}X000002,1003,2026-11-03,MO1,N99S001\n`;
    const dir = writeExtract(files);
    await call('import:preview', { paths: [dir] });
    expect((await trends()).evaluatedWeeks).toBe(0);
    await call('import:commit', { paths: [dir] });
    expect(await readAfterChange()).not.toEqual(before);
  });
});
