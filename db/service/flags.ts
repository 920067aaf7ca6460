import { londonToday } from '../contract/dates.js';
import { caseFlags } from '../rules/case-view.js';
import { evaluateFlags } from '../rules/evaluate.js';
import { queryQueue, storedReport } from '../rules/queue.js';
import { ensureFresh, readFlagState, refreshFlags, stale } from '../rules/refresh.js';
import type { Handlers, ServiceDeps } from './types.js';

type FlagOps = 'flags:evaluate' | 'flags:queue' | 'flags:case';

/**
 * Today's flags come from the stored flags, refreshed first when they are for another day,
 * snapshot or policy; any other as-of date is evaluated afresh (the trend chart, `--as-of`).
 */
export function flagsHandlers(deps: ServiceDeps): Pick<Handlers, FlagOps> {
  const today = () => londonToday(deps.now());
  return {
    'flags:evaluate': (input) => {
      const asOf = input.asOf ?? today();
      if (asOf !== today()) return Promise.resolve(evaluateFlags(deps.db, { asOf, team: input.team }));
      return Promise.resolve(storedReport(deps.db, ensureFresh(deps.db, asOf, deps.now), input.team));
    },
    'flags:queue': (input) => Promise.resolve(queryQueue(deps.db, ensureFresh(deps.db, today(), deps.now), input)),
    'flags:case': (input) => Promise.resolve(caseFlags(deps.db, input.crn, input.asOf ?? today())),
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
