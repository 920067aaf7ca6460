import type { Db } from '../connection.js';
import { caseloadSweep } from './sweep-caseload.js';

/** One practitioner's in-scope cases on one week-end date, for a heatmap cell. */
export interface HeatWeek {
  inScope: number;
  covered: number;
  /** The most days any of them has gone without oversight; null with none in scope. */
  oldestDays: number | null;
}

/**
 * The heatmap's figures: for each week-end date, each practitioner holding an in-scope case then,
 * over the given cases (a team's) or the whole caseload, by the trend sweep (./sweep-caseload.ts),
 * so a cell and that week of the trend chart count the same cases the same way.
 */
export function heatWeeks(db: Db, dates: readonly string[], crns?: readonly string[]): Map<string, Map<string, HeatWeek>> {
  const sweep = caseloadSweep(db, dates);
  const { weeks, policy } = sweep;
  const out = weeks.map(() => new Map<string, HeatWeek>());
  sweep.run((c, from, to, o) => {
    for (let i = from; i < to; i++) {
      const day = weeks[i]?.day ?? 0;
      const cells = out[i];
      if (!cells || o.since === null || o.since > day) continue;
      const code = c.row.staffCode;
      let w = cells.get(code);
      if (!w) cells.set(code, (w = { inScope: 0, covered: 0, oldestDays: null }));
      const days = day - (o.latest ?? o.since);
      w.inScope++;
      if (o.latest !== null && days <= policy.oversightIntervalDays) w.covered++;
      if (w.oldestDays === null || days > w.oldestDays) w.oldestDays = days;
    }
  }, crns);
  return new Map(weeks.map((w, i) => [w.iso, out[i] ?? new Map<string, HeatWeek>()]));
}
