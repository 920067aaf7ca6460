import { londonToday } from '../contract/dates.js';
import { teamView } from '../team/view.js';
import type { Handlers, ServiceDeps } from './types.js';

/** The team screen: practitioners' caseloads, workload and oversight coverage, and the heatmap. */
export function teamHandlers(deps: ServiceDeps): Pick<Handlers, 'team:view'> {
  return {
    'team:view': (input) => Promise.resolve(teamView(deps.db, { asOf: input.asOf ?? londonToday(deps.now()), team: input.team, now: deps.now })),
  };
}
