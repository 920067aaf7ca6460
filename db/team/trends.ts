import type { TrendsReport } from '../contract/index.js';
import type { Db } from '../connection.js';
import { weekEndings } from './coverage.js';
import type { TrendSweep } from './parallel-sweep.js';
import { cachedWeeks } from './trend-cache.js';
import { CASELOAD_SCOPE, teamScope } from './trend-totals.js';
import { emptyFigures, toTrendWeek } from './week-figures.js';

export const TRENDS_READING =
  'Each week ends on a Sunday; the rules are evaluated as of that date over the cases in the latest import, counting only evidence dated on or before it. ' +
  'Coverage is the share of high-risk and MAPPA level 1 cases whose latest SPO oversight (an oversight contact or a current review) is within the oversight interval. ' +
  'Overdue counts case flags; the median is of their days overdue.';

/** Weekly figures for the last `weeks` week-ends up to `asOf`, oldest first, through the trend cache. */
export async function weeklyTrends(
  db: Db,
  opts: { asOf: string; weeks: number; team?: string | undefined; now: () => Date; sweep?: TrendSweep | undefined },
): Promise<TrendsReport> {
  const dates = weekEndings(opts.asOf, opts.weeks);
  const scope = opts.team === undefined ? CASELOAD_SCOPE : teamScope(opts.team);
  const { figures, evaluated } = await cachedWeeks(db, dates, scope, opts.now, opts.sweep);
  return {
    asOf: opts.asOf,
    team: opts.team ?? null,
    weeks: dates.map((d) => toTrendWeek(d, figures.get(d) ?? emptyFigures())),
    evaluatedWeeks: evaluated,
    reading: TRENDS_READING,
  };
}
