/**
 * `trends:weekly` through the service, for bench/main.ts: 52 weekly as-of evaluations, first on a
 * database that has none stored yet (the Trends screen's first open after an import: one sweep of
 * the caseload in date order, its week totals then kept in the trend cache), then again from the cache.
 */
import { openService } from '../db/service/open.js';
import { workerPath } from './startup.js';
import { round, summarise } from './stats.js';

export interface TrendsFigures {
  weeks: number;
  firstMs: number;
  /** The first call's CPU time (user + system): what the wall time would be on an idle machine, near enough. */
  firstCpuMs: number;
  /** Weeks the first call evaluated (all of them on a fresh import). */
  firstEvaluatedWeeks: number;
  cached: { p50: number; p95: number; max: number; runs: number };
  /** Weeks the cached calls evaluated: 0 unless the cache is not doing its job. */
  cachedEvaluatedWeeks: number;
}

export async function measureTrends(dbFile: string, asOf: string, weeks = 52, runs = 10): Promise<TrendsFigures> {
  // As the app opens it: the trend sweep's worker at hand; the start-up check is not what is measured here.
  const service = openService(dbFile, { startupCheck: 'skip', trendWorker: workerPath('sweep-worker') });
  try {
    const call = async () => {
      const r = await service.call('trends:weekly', { weeks, asOf });
      if (!r.ok) throw new Error(`trends:weekly failed: ${r.error.message}`);
      return r.value;
    };
    const t = performance.now();
    const cpu = process.cpuUsage();
    const first = await call();
    const firstMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const firstCpuMs = (used.user + used.system) / 1000;
    let cachedEvaluatedWeeks = 0;
    const times: number[] = [];
    // The first call from the cache is a warm-up.
    for (let i = 0; i < runs + 1; i++) {
      const s = performance.now();
      const again = await call();
      if (i > 0) times.push(performance.now() - s);
      cachedEvaluatedWeeks = Math.max(cachedEvaluatedWeeks, again.evaluatedWeeks);
    }
    return { weeks, firstMs: round(firstMs), firstCpuMs: round(firstCpuMs), firstEvaluatedWeeks: first.evaluatedWeeks, cached: summarise(times), cachedEvaluatedWeeks };
  } finally {
    service.close();
  }
}
