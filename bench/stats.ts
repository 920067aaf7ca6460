export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

/** Runs `fn` `runs` times after `warmup` unmeasured runs; milliseconds p50/p95/max. */
export function timeRuns(fn: () => void, runs: number, warmup = 3): { p50: number; p95: number; max: number; runs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return summarise(times);
}

/** Milliseconds p50/p95/max of some timed runs. */
export function summarise(times: readonly number[]): { p50: number; p95: number; max: number; runs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted[sorted.length - 1] ?? NaN), runs: sorted.length };
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function peakRssMiB(): number {
  // maxRSS is in KiB on every platform Node supports.
  return round(process.resourceUsage().maxRSS / 1024, 1);
}
