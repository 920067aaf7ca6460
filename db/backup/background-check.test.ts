import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { minimalExtract, tempDir, writeExtract } from '../testing/extract.js';
import { openDatabase } from '../connection.js';
import { latestVersion } from '../migrations/index.js';
import { openService } from '../service/open.js';
import { workerCheck, type BackgroundCheck } from './background-check.js';
import { damageTablePage } from './testing/damage.js';
import { checkWorkerFile } from './testing/worker.js';

async function databaseWithData(): Promise<string> {
  const file = join(tempDir('spo-bg-check-'), 'oversight.db');
  const service = openService(file);
  expect((await service.call('import:commit', { paths: [writeExtract(minimalExtract())], skipInvalid: false })).ok).toBe(true);
  service.close();
  return file;
}

/** The real worker's check, answered only once the test releases it. */
function heldCheck(check: BackgroundCheck): { check: BackgroundCheck; release: () => void } {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  return {
    check: async (request, signal) => {
      const health = await check(request, signal);
      await gate;
      return health;
    },
    release,
  };
}

/** Whether a promise has settled by the time the calls already queued have run. */
function tracked<T>(p: Promise<T>): { settled: () => boolean; promise: Promise<T> } {
  let done = false;
  void p.finally(() => (done = true));
  return { settled: () => done, promise: p };
}

const review = { crn: 'X000001', type: 'management-oversight', date: '2026-11-20', spo: { name: 'Sam SPO' }, decision: 'Continue as planned.' } as const;

describe('the start-up check in the background', () => {
  it('answers reads at once, holds writes until the worker finds the database whole, then lets them through', async () => {
    const worker = workerCheck(await checkWorkerFile());
    const { check, release } = heldCheck(worker);
    const service = openService(await databaseWithData(), { startupCheck: check });
    expect(service.health.state).toBe('checking');
    expect(await service.call('health:status', {})).toEqual({ ok: true, value: { state: 'checking', message: null, ms: null } });

    const write = tracked(service.call('reviews:record', review));
    const waited = tracked(service.call('health:status', { wait: true }));
    // Reads answer while the check runs, logged ones too (the first screen is the queue).
    expect(await service.call('caseload:summary', {})).toMatchObject({ ok: true, value: { casesInCaseload: 2 } });
    expect((await service.call('flags:queue', {})).ok).toBe(true);
    expect(write.settled()).toBe(false);
    expect(waited.settled()).toBe(false);

    release();
    expect((await write.promise).ok).toBe(true);
    expect(await waited.promise).toEqual({ ok: true, value: { state: 'passed', message: null, ms: expect.any(Number) as number } });
    expect(service.health).toMatchObject({ ok: true, state: 'passed', readOnly: false });
    service.close();
  });

  it('finds a damaged database in the worker and turns the service read-only, with the message that says to restore', async () => {
    const file = await databaseWithData();
    damageTablePage(file, 'reviews');
    const service = openService(file, { startupCheck: workerCheck(await checkWorkerFile()) });
    expect(service.health.state).toBe('checking');
    // The write waited for the check, and the check failed: the read-only service answers it.
    const write = await service.call('reviews:record', review);
    expect(write).toEqual({ ok: false, error: { code: 'io', message: expect.stringMatching(/is damaged \(.*\)\. It is open read-only.*spo-oversight restore BACKUP --db/) as string } });
    expect(service.health).toMatchObject({ ok: false, state: 'failed', readOnly: true });
    const status = await service.call('health:status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'failed', message: expect.stringMatching(/is damaged/) as string } });
    expect(await service.call('caseload:summary', {})).toMatchObject({ ok: true, value: { casesInCaseload: 2 } });
    service.close();
  });

  it('still checks, in the main thread, when the worker cannot start', async () => {
    const service = openService(await databaseWithData(), { startupCheck: workerCheck(join(tempDir(), 'missing-worker.mjs')) });
    expect((await service.checked).state).toBe('passed');
    expect((await service.call('reviews:record', review)).ok).toBe(true);
    service.close();
  });

  it('checks a database that needs migrating before migrating it, not in the background', () => {
    const file = join(tempDir('spo-bg-check-'), 'new.db');
    let started = false;
    const service = openService(file, {
      startupCheck: () => {
        started = true;
        return Promise.reject(new Error('not expected'));
      },
    });
    expect(started).toBe(false);
    expect(service.health.state).toBe('passed');
    service.close();
  });
});

describe('a database written by a newer version of the app', () => {
  it.each([
    ['in the background', 'background'],
    ['skipped, as the CLI opens', 'skip'],
    ['before opening', 'now'],
  ] as const)('is refused whenever the check runs (%s), before anything reads or checks it', async (_when, how) => {
    const file = await databaseWithData();
    const raw = openDatabase(file, { migrate: false });
    raw.pragma(`user_version = ${String(latestVersion + 1)}`);
    raw.close();
    let checked = false;
    const background: BackgroundCheck = () => {
      checked = true;
      return Promise.resolve({ ok: true, problems: [], ms: 0 });
    };
    expect(() => openService(file, { startupCheck: how === 'background' ? background : how })).toThrow(
      `This database was written by a newer version of SPO Oversight (schema ${String(latestVersion + 1)}; this app knows up to ${String(latestVersion)}). Update the app to open it.`,
    );
    expect(checked).toBe(false);
  });
});
