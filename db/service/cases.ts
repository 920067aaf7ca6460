import { londonToday } from '../contract/dates.js';
import { ActionTracker } from '../reviews/actions.js';
import { ReviewRepository } from '../reviews/repository.js';
import { caseFlags } from '../rules/case-view.js';
import { loadPolicy } from '../rules/settings-store.js';
import { CaseReader } from '../store/case-detail.js';
import type { HandlerDeps, Handlers } from './types.js';

/** The case screen: one read of the case, its rules and its reviews, logged as one consultation. */
export function casesHandlers(deps: HandlerDeps): Pick<Handlers, 'cases:open'> {
  const reader = new CaseReader(deps.db);
  const reviews = new ReviewRepository(deps.db);
  const actions = new ActionTracker(deps.db);
  return {
    'cases:open': (input, ctx) =>
      Promise.resolve(
        deps.uow.run('cases:open', input, ctx, () => {
          const asOf = londonToday(deps.now());
          const detail = reader.read(input.crn, asOf, loadPolicy(deps.db));
          return {
            detail,
            flags: caseFlags(deps.db, detail.crn, asOf),
            reviews: { crn: detail.crn, reviews: reviews.byCrn(detail.crn) },
            actions: actions.list({ crn: detail.crn, status: 'all' }, asOf),
          };
        }),
      ),
  };
}
