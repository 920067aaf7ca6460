/** Weekly trends: the rules evaluated as of each week's end (issue 7). */
import { z } from 'zod';
import { isoDate, teamCodeField } from './fields.js';
import type { CaseRuleId } from './rules.js';

export const trendsWeeklyInput = z.object({
  weeks: z.number().int().min(1).max(104).default(52),
  team: teamCodeField.optional(),
  /** The last week shown is the one ending on the Sunday on or before this date (default today). */
  asOf: isoDate.optional(),
});

export interface TrendWeek {
  /** A Sunday: the rules are evaluated as of this date. */
  weekEnding: string;
  cases: number;
  /** High-risk or MAPPA level 1 cases in the caseload on that date. */
  inScope: number;
  covered: number;
  /** covered / inScope, 0–1; null with none in scope. */
  coverage: number | null;
  /** Overdue case flags by rule (every rule, zero included). */
  overdueByRule: Record<CaseRuleId, number>;
  overdue: number;
  dueSoon: number;
  /** Median days overdue of the overdue case flags; null with none. */
  medianDaysOverdue: number | null;
}

export interface TrendsReport {
  asOf: string;
  team: string | null;
  weeks: TrendWeek[];
  /** Weeks evaluated by this call rather than read from the cache. */
  evaluatedWeeks: number;
  reading: string;
}

export const trendsInputs = {
  'trends:weekly': trendsWeeklyInput,
} as const satisfies Record<keyof TrendsResults, z.ZodType>;

export interface TrendsResults {
  'trends:weekly': TrendsReport;
}
