import { describe, expect, it } from 'vitest';
import { runCrashTrials } from './harness.js';

/** Issue 8, item 1. CI kills the engine ten times; `CRASH_KILLS=200` (scripts/crash.mjs) is the full run. */
const kills = Number(process.env.CRASH_KILLS ?? 10);
const seed = Number(process.env.CRASH_SEED ?? 20261128);

describe('crash safety', () => {
  it(`keeps every acknowledged write, whole imports only and an intact file through ${kills} SIGKILLs`, async () => {
    const summary = await runCrashTrials({
      kills,
      seed,
      onTrial: process.env.CRASH_KILLS ? (n, r) => { console.log(`kill ${n}: ${r.imports} imports, ${r.reviews} reviews acknowledged${r.problems.length ? `; ${r.problems.join('; ')}` : ''}`); } : undefined,
    });
    if (process.env.CRASH_KILLS) console.log('crash summary:', JSON.stringify(summary));
    expect(summary.failures).toEqual([]);
    expect(summary.survived).toBe(kills);
    // The import's audit entry is written in the import's own transaction, so no kill can part them.
    expect(summary.importsWithoutAudit).toBe(0);
    // The kills must land while writes are happening, or the test proves little.
    expect(summary.acknowledged.reviews).toBeGreaterThan(kills);
    expect(summary.acknowledged.imports).toBeGreaterThan(0);
  }, Math.max(120_000, kills * 10_000));
});
