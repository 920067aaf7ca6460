/**
 * Start-up, for bench/main.ts: what the app does before it shows anything — `openService`, which
 * opens the file (deriving the key of an encrypted one), runs SQLite's `quick_check` over the whole
 * file and the migrations. Timed in a fresh process, so the first open also pays for a cold engine;
 * the operating system's file cache is warm (the import has just written the file), as it is on a
 * machine that opened the app earlier in the day.
 */
import { existsSync, statSync } from 'node:fs';
import { openService } from '../db/service/open.js';
import { percentile, round } from './stats.js';

export interface StartupFigures {
  /** The first `openService` in the process: the figure held to the target. */
  firstMs: number;
  /** Of which the `quick_check`. */
  firstQuickCheckMs: number;
  /** Medians of the opens after the first. */
  laterMs: number;
  laterQuickCheckMs: number;
  runs: number;
  /** The database file and its WAL, as the check reads them. */
  bytes: number;
}

const size = (file: string): number => (existsSync(file) ? statSync(file).size : 0);

export function measureStartup(dbFile: string, runs = 3): StartupFigures {
  const totals: number[] = [];
  const checks: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const service = openService(dbFile);
    const ms = performance.now() - t;
    const { health } = service;
    service.close();
    if (!health.ok) throw new Error(`the start-up check of ${dbFile} failed: ${health.problems.join('; ')}`);
    totals.push(ms);
    checks.push(health.ms);
  }
  const later = (xs: number[]) => round(percentile(xs.slice(1).sort((a, b) => a - b), 50));
  return {
    firstMs: round(totals[0] ?? NaN),
    firstQuickCheckMs: round(checks[0] ?? NaN),
    laterMs: later(totals),
    laterQuickCheckMs: later(checks),
    runs,
    // Closed: SQLite has folded the write-ahead log into the file.
    bytes: size(dbFile),
  };
}
