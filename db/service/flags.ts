import { londonToday } from '../contract/dates.js';
import { caseFlags } from '../rules/case-view.js';
import { evaluateFlags } from '../rules/evaluate.js';
import { queryQueue, storedReport } from '../rules/queue.js';
import { ensureFresh, readFlagState, refreshFlags, stale } from '../rules/refresh.js';
import type { HandlerDeps, Handlers, ServiceDeps } from './types.js';

type FlagOps = 'flags:evaluate' | 'flags:queue' | 'flags:case';

/**
 * Today's flags come from the stored flags, refreshed first when they are for another day,
 * snapshot or policy; any other as-of date is evaluated afresh (the trend chart, `--as-of`).
 */
export function flagsHandlers(deps: HandlerDeps): Pick<Handlers, FlagOps> {
  const today = () => londonToday(deps.now());
  const { uow } = deps;
  return {
    'flags:evaluate': (input, ctx) => {
      const asOf = input.asOf ?? today();
      // Any other day is evaluated afresh, outside the unit of work; only the consultation entry is written in it.
      const report = asOf !== today() ? evaluateFlags(deps.db, { asOf, team: input.team }) : null;
      return Promise.resolve(uow.run('flags:evaluate', input, ctx, () => report ?? storedReport(deps.db, ensureFresh(deps.db, asOf, deps.now), input.team)));
    },
    'flags:queue': (input, ctx) => Promise.resolve(uow.run('flags:queue', input, ctx, () => queryQueue(deps.db, ensureFresh(deps.db, today(), deps.now), input))),
    'flags:case': (input, ctx) => Promise.resolve(uow.run('flags:case', input, ctx, () => caseFlags(deps.db, input.crn, input.asOf ?? today()))),
  };
}

/**
 * For ServiceDeps.onCasesChanged: refreshes these cases' stored flags (a review recorded, amended
 * or withdrawn). When the stored flags are stale anyway (a new day), it leaves them: the next read
 * refreshes everything, this case included, and a review is not held up by a full refresh.
 */
export function refreshCases(deps: Pick<ServiceDeps, 'db' | 'now'>): (crns: string[]) => void {
  return (crns) => {
    const asOf = londonToday(deps.now());
    if (!stale(deps.db, readFlagState(deps.db), asOf)) refreshFlags(deps.db, { asOf, crns, now: deps.now });
  };
}

/**
 * After an import commits: today's flags are recomputed for the new snapshot. The import stands
 * whatever happens here; if this fails, the next read of the flags finds them stale and retries.
 */
export function refreshAfterImport(deps: Pick<ServiceDeps, 'db' | 'now'>): void {
  try {
    refreshFlags(deps.db, { asOf: londonToday(deps.now()), now: deps.now });
  } catch (e) {
    console.error('[spo-oversight] refreshing the flags after an import failed; they refresh when next read:', e);
  }
}
