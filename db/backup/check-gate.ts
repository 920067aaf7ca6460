import type { Operation } from '../contract/index.js';

/**
 * What each operation does while the start-up check is still running in the background: `waits`
 * until it has passed (and, if it fails, is answered by the read-only service instead), or
 * `proceeds` at once. Writes wait, so nothing is written into a file not yet known to be whole;
 * reads proceed, so the first screen is painted at once. A read that logs still appends its audit
 * entry (what is not logged is not shown), and a read that keeps a cache (the trends' weeks) still
 * writes it: both are the app's own records of what it did, not the user's changes. Every operation
 * is listed, so a new one cannot be left out by accident.
 */
export const duringCheck = {
  'import:preview': 'proceeds',
  'import:commit': 'waits',
  'caseload:summary': 'proceeds',
  'caseload:teams': 'proceeds',
  'demo:load': 'waits',
  'flags:evaluate': 'proceeds',
  'flags:queue': 'proceeds',
  'flags:case': 'proceeds',
  'cases:open': 'proceeds',
  'settings:get': 'proceeds',
  'settings:set': 'waits',
  'settings:history': 'proceeds',
  'reviews:record': 'waits',
  'reviews:amend': 'waits',
  'reviews:withdraw': 'waits',
  'reviews:list': 'proceeds',
  'reviews:get': 'proceeds',
  'actions:list': 'proceeds',
  'actions:done': 'waits',
  'actions:drop': 'waits',
  // An export is evidence handed to an inspector: it is made from a database known to be whole.
  'log:export': 'waits',
  'log:verify': 'proceeds',
  'audit:verify': 'proceeds',
  'audit:list': 'proceeds',
  'profile:get': 'proceeds',
  'profile:set': 'waits',
  'team:view': 'proceeds',
  'trends:weekly': 'proceeds',
  'sample:create': 'waits',
  'sample:record': 'waits',
  'sample:list': 'proceeds',
  'sample:get': 'proceeds',
  'health:status': 'proceeds',
} as const satisfies Record<Operation, 'waits' | 'proceeds'>;

export function waitsForCheck(op: Operation): boolean {
  return (duringCheck as Record<string, string | undefined>)[op] !== 'proceeds';
}
