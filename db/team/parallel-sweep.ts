import { Worker } from 'node:worker_threads';
import { keyOf, type Db } from '../connection.js';
import { LAST_CRN, type CrnRange } from '../rules/load.js';
import { sweepTallies, sweepTotals, totalsOf, type TeamTallies, type WeekTotals } from './trend-totals.js';

/**
 * The weekly trends' first computation on both cores: the caseload is cut at its middle CRN, a
 * worker thread (./sweep-worker.ts, bundled on its own) sweeps the upper half over its own
 * read-only connection while this thread sweeps the lower, and the two halves' tallies are added
 * up (./trend-totals.ts). Nationally the sweep is seconds of CPU, nearly all of it per case, so
 * two halves take a little over half as long.
 *
 * The worker reads inside one transaction opened before this thread starts its half, and this
 * thread writes nothing while it sweeps (it is synchronous), so both halves see the same database.
 */

/** What the worker is given: the database, its key's bytes, the runtime's SQLite build, and its part. */
export interface SweepRequest {
  file: string;
  /** The 32-byte key, copied into the worker; null for an unencrypted database. */
  key: Uint8Array | null;
  nativeBinding?: string;
  dates: string[];
  range: CrnRange;
}

export type SweepReply = { ready: true } | { tallies: TeamTallies } | { error: string };

/** Computes every scope's figures for these week-end dates. */
export type TrendSweep = (db: Db, dates: readonly string[]) => Promise<WeekTotals>;

/** The sweep in this thread alone: tests, and hosts without the worker file. */
export const sweepHere: TrendSweep = (db, dates) => Promise.resolve(sweepTotals(db, dates));

/** Below this many cases a worker's start (tens of milliseconds) costs more than half a sweep saves. */
export const PARALLEL_FROM_CASES = 2_000;

/** The CRN that ends the lower half of the caseload; null when the caseload is too small to split. */
export function middleCrn(db: Db, fromCases = PARALLEL_FROM_CASES): string | null {
  const n = db.prepare<[], number>(`SELECT count(*) FROM cases WHERE in_caseload = 1`).pluck().get() ?? 0;
  if (n < Math.max(fromCases, 2)) return null;
  return (
    db
      .prepare<[number], string>(`SELECT crn FROM cases INDEXED BY cases_caseload_cover WHERE in_caseload = 1 ORDER BY crn LIMIT 1 OFFSET ?`)
      .pluck()
      .get(Math.floor(n / 2) - 1) ?? null
  );
}

/** Starts the worker; resolves once its read transaction is open, with its tallies to come. */
function startWorker(workerFile: URL | string, request: SweepRequest): Promise<{ tallies: Promise<TeamTallies>; stop: () => void }> {
  return new Promise((resolveReady, rejectReady) => {
    const worker = new Worker(workerFile, { workerData: request });
    let ready = false;
    let settleTallies: { resolve: (t: TeamTallies) => void; reject: (e: Error) => void } | undefined;
    const tallies = new Promise<TeamTallies>((resolve, reject) => {
      settleTallies = { resolve, reject };
    });
    // Awaited only once this thread's half is done; a failure before then is not unhandled.
    tallies.catch(() => undefined);
    const fail = (e: Error) => {
      if (ready) settleTallies?.reject(e);
      else rejectReady(e);
    };
    worker.on('message', (m: SweepReply) => {
      if ('ready' in m) {
        ready = true;
        resolveReady({
          tallies,
          stop: () => {
            void worker.terminate();
          },
        });
      } else if ('tallies' in m) settleTallies?.resolve(m.tallies);
      else fail(new Error(m.error));
    });
    worker.once('error', fail);
    // After the tallies have come, a rejection changes nothing.
    worker.once('exit', (code) => {
      fail(new Error(`the trend sweep's worker stopped (exit ${String(code)}) without an answer`));
    });
  });
}

function fallBack(e: unknown): void {
  console.error(`[spo-oversight] the trend sweep's worker could not run (${e instanceof Error ? e.message : String(e)}); sweeping in the main thread instead`);
}

/** The sweep in two halves, the upper one in a worker from `workerFile`; in this thread alone when the caseload is small or the worker fails. */
export function workerSweep(workerFile: URL | string, opts: { nativeBinding?: string | undefined; fromCases?: number } = {}): TrendSweep {
  return async (db, dates) => {
    const mid = middleCrn(db, opts.fromCases);
    if (mid === null) return sweepTotals(db, dates);
    const key = keyOf(db);
    const upper: CrnRange = { after: mid, upTo: LAST_CRN };
    let worker: { tallies: Promise<TeamTallies>; stop: () => void };
    try {
      worker = await startWorker(workerFile, {
        file: db.name,
        key: key ? new Uint8Array(key.key) : null,
        ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
        dates: [...dates],
        range: upper,
      });
    } catch (e) {
      fallBack(e);
      return sweepTotals(db, dates);
    }
    let lower: TeamTallies;
    try {
      lower = sweepTallies(db, dates, { after: '', upTo: mid });
    } catch (e) {
      worker.stop();
      throw e;
    }
    let upperTallies: TeamTallies;
    try {
      upperTallies = await worker.tallies;
    } catch (e) {
      fallBack(e);
      upperTallies = sweepTallies(db, dates, upper);
    }
    return totalsOf(dates, [lower, upperTallies]);
  };
}
