import type { Review } from '../contract/index.js';
import { DomainError } from '../errors.js';
import { ReviewWriter, type Who } from '../reviews/write.js';
import type { CallContext, HandlerDeps, Handlers } from './types.js';

type ReviewOps = 'reviews:record' | 'reviews:amend' | 'reviews:withdraw' | 'reviews:list' | 'reviews:get';

export function reviewsHandlers(deps: HandlerDeps): Pick<Handlers, ReviewOps> {
  const writer = new ReviewWriter(deps.db);
  const { uow } = deps;
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
    'reviews:record': (input, ctx) => Promise.resolve(changed(uow.run('reviews:record', input, ctx, () => writer.record(input, who(ctx))))),
    'reviews:amend': (input, ctx) => Promise.resolve(changed(uow.run('reviews:amend', input, ctx, () => writer.amend(input, who(ctx))))),
    'reviews:withdraw': (input, ctx) => Promise.resolve(changed(uow.run('reviews:withdraw', input, ctx, () => writer.withdraw(input, who(ctx))))),
    'reviews:list': (input, ctx) => Promise.resolve(uow.run('reviews:list', input, ctx, () => ({ crn: input.crn, reviews: writer.byCrn(input.crn) }))),
    'reviews:get': (input, ctx) =>
      Promise.resolve(
        uow.run('reviews:get', input, ctx, () => {
          const review = writer.get(input.id);
          if (!review) throw new DomainError('not-found', `id: no review ${input.id}`, 'id');
          return review;
        }),
      ),
  };
}
