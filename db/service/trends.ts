import { londonToday } from '../contract/dates.js';
import { weeklyTrends } from '../team/trends.js';
import type { Handlers, ServiceDeps } from './types.js';

/** The trend chart's numbers: the week-ends' as-of evaluations swept in date order, through the trend cache (db/team/trend-cache.ts). */
export function trendsHandlers(deps: ServiceDeps): Pick<Handlers, 'trends:weekly'> {
  return {
    'trends:weekly': (input) =>
      weeklyTrends(deps.db, { asOf: input.asOf ?? londonToday(deps.now()), weeks: input.weeks, team: input.team, now: deps.now, sweep: deps.trendSweep }),
  };
}
