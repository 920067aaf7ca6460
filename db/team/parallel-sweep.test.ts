import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../connection.js';
import { LAST_CRN } from '../rules/load.js';
import { changeSetting } from '../rules/settings-store.js';
import { openService } from '../service/open.js';
import { tempDir, writeExtract } from '../testing/extract.js';
import { bundledWorker } from '../testing/worker-bundle.js';
import { weekEndings } from './coverage.js';
import { middleCrn, workerSweep } from './parallel-sweep.js';
import { teamExtract } from './testing/fixture.js';
import { cachedWeeks } from './trend-cache.js';
import { CASELOAD_SCOPE, sweepTallies, sweepTotals, totalsOf } from './trend-totals.js';

const dates = weekEndings('2026-11-23', 52);
const now = () => new Date('2026-11-23T10:00:00Z');
let db: Db;

beforeAll(async () => {
  // A database file: the worker opens it by name, over a connection of its own.
  const file = join(tempDir(), 'trends.sqlite');
  const service = openService(file, { startupCheck: 'skip', now });
  expect((await service.call('import:commit', { paths: [writeExtract(teamExtract())] })).ok).toBe(true);
  service.close();
  db = openDatabase(file);
});
afterAll(() => {
  db.close();
});

describe('the trend sweep in two halves', () => {
  it('adds up to the figures of one sweep of the whole caseload, wherever the caseload is cut', () => {
    const whole = sweepTotals(db, dates);
    const crns = db.prepare<[], string>(`SELECT crn FROM cases WHERE in_caseload = 1 ORDER BY crn`).pluck().all();
    expect(crns.length).toBeGreaterThan(2);
    for (const cut of ['', ...crns]) {
      expect(totalsOf(dates, [sweepTallies(db, dates, { after: '', upTo: cut }), sweepTallies(db, dates, { after: cut, upTo: LAST_CRN })])).toEqual(whole);
    }
  });

  it('sweeps the upper half in the bundled worker, to the same figures', async () => {
    const said = vi.spyOn(console, 'error');
    try {
      const sweep = workerSweep(await bundledWorker('db/team/sweep-worker.ts'), { fromCases: 2 });
      expect(await sweep(db, dates)).toEqual(sweepTotals(db, dates));
      // Not the fall-back: that says so.
      expect(said).not.toHaveBeenCalled();
    } finally {
      said.mockRestore();
    }
  });

  it('sweeps in this thread, saying so in one line, when the worker cannot run', async () => {
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const sweep = workerSweep(join(tempDir(), 'no-such-worker.mjs'), { fromCases: 2 });
      expect(await sweep(db, dates)).toEqual(sweepTotals(db, dates));
      expect(said).toHaveBeenCalledOnce();
      expect(String(said.mock.calls[0]?.[0])).toMatch(/^\[spo-oversight\] the trend sweep's worker could not run \(.+\); sweeping in the main thread instead$/);
    } finally {
      said.mockRestore();
    }
  });

  it('is not split below a few thousand cases, where starting a worker costs more than it saves', () => {
    expect(middleCrn(db)).toBeNull();
    expect(middleCrn(db, 2)).toMatch(/^X\d+$/);
  });
});

describe('the trend cache, when what the figures depend on changes while they are swept', () => {
  it('answers the figures swept but does not keep them under a basis that no longer holds', async () => {
    const cached = await cachedWeeks(db, dates.slice(-2), CASELOAD_SCOPE, now, (d, weeks) => {
      const totals = sweepTotals(d, weeks);
      changeSetting(d, { key: 'oversightIntervalDays', value: 56, reason: 'changed mid-sweep', osUser: 'tester', appUser: null, at: now().toISOString() });
      return Promise.resolve(totals);
    });
    expect(cached.evaluated).toBe(2);
    expect([...cached.figures.keys()]).toEqual(dates.slice(-2));
    expect(db.prepare(`SELECT count(*) FROM trend_weeks`).pluck().get()).toBe(0);
    // Asked again, under the new policy, they are swept again and kept.
    expect((await cachedWeeks(db, dates.slice(-2), CASELOAD_SCOPE, now)).evaluated).toBe(2);
    expect(db.prepare(`SELECT count(*) FROM trend_weeks`).pluck().get()).toBe(2);
  });
});
