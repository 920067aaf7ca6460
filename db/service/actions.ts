import { londonToday } from '../contract/dates.js';
import type { TrackedAction } from '../contract/index.js';
import { ActionTracker } from '../reviews/actions.js';
import type { Who } from '../reviews/write.js';
import type { CallContext, HandlerDeps, Handlers } from './types.js';

type ActionOps = 'actions:list' | 'actions:done' | 'actions:drop';

/** Actions agreed in oversight: listed, and marked done or dropped as their own audited events. */
export function actionsHandlers(deps: HandlerDeps): Pick<Handlers, ActionOps> {
  const tracker = new ActionTracker(deps.db);
  const { uow } = deps;
  const who = (ctx: CallContext): Who => ({ osUser: deps.osUser, appUser: ctx.appUser ?? null, now: deps.now });
  const today = () => londonToday(deps.now());
  /** After the commit: the case's flags refresh (ACTION-OVERDUE). The event is stored whatever the refresh does. */
  const changed = (action: TrackedAction): TrackedAction => {
    try {
      deps.onCasesChanged?.([action.crn]);
    } catch (e) {
      console.error(`[spo-oversight] refreshing the flags of ${action.crn} after an action of review ${action.reviewId} failed:`, e);
    }
    return action;
  };
  return {
    'actions:list': (input, ctx) => Promise.resolve(uow.run('actions:list', input, ctx, () => ({ today: today(), actions: tracker.list(input, today()) }))),
    'actions:done': (input, ctx) =>
      Promise.resolve(changed(uow.run('actions:done', input, ctx, () => tracker.close({ ...input, note: input.note ? input.note : null }, 'done', who(ctx), today())))),
    'actions:drop': (input, ctx) =>
      Promise.resolve(changed(uow.run('actions:drop', input, ctx, () => tracker.close({ ...input, note: input.reason }, 'dropped', who(ctx), today())))),
  };
}
