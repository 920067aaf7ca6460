import type { HealthStatus } from '../contract/index.js';
import type { Handlers, ServiceDeps } from './types.js';

/** Where the service reads how its database's start-up check stands (db/service/open.ts keeps it). */
export interface CheckSource {
  status(): HealthStatus;
  /** Resolves once the check has finished (at once when none runs). */
  settled: Promise<HealthStatus>;
}

const notRun: HealthStatus = { state: 'not-run', message: null, ms: null };
const noCheck: CheckSource = { status: () => notRun, settled: Promise.resolve(notRun) };

export function healthHandlers(deps: ServiceDeps): Pick<Handlers, 'health:status'> {
  const source = deps.startupCheck ?? noCheck;
  return {
    'health:status': async (input) => (input.wait ? await source.settled : source.status()),
  };
}
