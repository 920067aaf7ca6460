import type { Review } from '../contract/index.js';
import { DomainError } from '../errors.js';
import { ReviewWriter, type Who } from '../reviews/write.js';
import { auditTrail } from './audit.js';
import type { CallContext, Handlers, ServiceDeps } from './types.js';

type ReviewOps = 'reviews:record' | 'reviews:amend' | 'reviews:withdraw' | 'reviews:list' | 'reviews:get';

export function reviewsHandlers(deps: ServiceDeps): Pick<Handlers, ReviewOps> {
  const writer = new ReviewWriter(deps.db);
  const audit = auditTrail(deps);
  const who = (ctx: CallContext): Who => ({ osUser: deps.osUser, appUser: ctx.appUser ?? null, now: deps.now });
  /** After the commit: the case's flags refresh. The review is stored whatever the refresh does. */
  const changed = (review: Review): Review => {
    try {
      deps.onCasesChanged?.([review.crn]);
    } catch (e) {
      console.error(`[spo-oversight] refreshing the flags of ${review.crn} after review ${review.id} failed:`, e);
    }
    return review;
  };
  return {
    'reviews:record': (input, ctx) =>
      Promise.resolve(changed(writer.record(input, who(ctx), (r) => { audit.write('reviews:record', input, r, ctx); }))),
    'reviews:amend': (input, ctx) =>
      Promise.resolve(changed(writer.amend(input, who(ctx), (r) => { audit.write('reviews:amend', input, r, ctx); }))),
    'reviews:withdraw': (input, ctx) =>
      Promise.resolve(changed(writer.withdraw(input, who(ctx), (r) => { audit.write('reviews:withdraw', input, r, ctx); }))),
    'reviews:list': (input) => Promise.resolve({ crn: input.crn, reviews: writer.byCrn(input.crn) }),
    'reviews:get': (input) => {
      const review = writer.get(input.id);
      if (!review) throw new DomainError('not-found', `id: no review ${input.id}`, 'id');
      return Promise.resolve(review);
    },
  };
}
