import { caseRuleIds, type CaseRuleId, type TrendWeek, type TrendsReport } from '../contract/index.js';
import type { Db } from '../connection.js';
import { median, weekEndings } from './coverage.js';
import type { StaffWeek } from './tally.js';
import { weeklyTallies } from './weeks.js';

export const TRENDS_READING =
  'Each week ends on a Sunday; the rules are evaluated as of that date over the cases in the latest import, counting only evidence dated on or before it. ' +
  'Coverage is the share of high-risk and MAPPA level 1 cases whose latest SPO oversight (an oversight contact or a current review) is within the oversight interval. ' +
  'Overdue counts case flags; the median is of their days overdue.';

function zeroByRule(): Record<CaseRuleId, number> {
  return Object.fromEntries(caseRuleIds.map((r) => [r, 0])) as Record<CaseRuleId, number>;
}

/** One week's practitioner tallies added up. */
export function weekTotals(weekEnding: string, staff: readonly StaffWeek[]): TrendWeek {
  const overdueByRule = zeroByRule();
  const days: number[] = [];
  let cases = 0;
  let inScope = 0;
  let covered = 0;
  let dueSoon = 0;
  for (const w of staff) {
    cases += w.cases;
    inScope += w.inScope;
    covered += w.covered;
    dueSoon += w.dueSoon;
    for (const [rule, n] of Object.entries(w.overdue) as [CaseRuleId, number][]) overdueByRule[rule] += n;
    days.push(...w.daysOverdue);
  }
  days.sort((a, b) => a - b);
  return {
    weekEnding,
    cases,
    inScope,
    covered,
    coverage: inScope ? covered / inScope : null,
    overdueByRule,
    overdue: days.length,
    dueSoon,
    medianDaysOverdue: median(days),
  };
}

/** Weekly figures for the last `weeks` week-ends up to `asOf`, oldest first, through the weekly cache. */
export function weeklyTrends(db: Db, opts: { asOf: string; weeks: number; team?: string | undefined; now: () => Date }): TrendsReport {
  const dates = weekEndings(opts.asOf, opts.weeks);
  const { weeks, evaluated } = weeklyTallies(db, dates, { team: opts.team, now: opts.now });
  return {
    asOf: opts.asOf,
    team: opts.team ?? null,
    weeks: dates.map((d) => weekTotals(d, weeks.get(d) ?? [])),
    evaluatedWeeks: evaluated,
    reading: TRENDS_READING,
  };
}
