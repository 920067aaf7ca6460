import type { InputOf, Operation, Result, ResultOf } from '../contract/index.js';
import { auditHandlers, auditTrail } from './audit.js';
import { caseloadHandlers } from './caseload.js';
import { casesHandlers } from './cases.js';
import { demoHandlers } from './demo.js';
import { dispatch } from './dispatch.js';
import { exportHandlers } from './export.js';
import { flagsHandlers, refreshCases } from './flags.js';
import { importService } from './import.js';
import { profileHandlers } from './profile.js';
import { reviewsHandlers } from './reviews.js';
import { sampleHandlers } from './sample.js';
import { settingsHandlers } from './settings.js';
import { teamHandlers } from './team.js';
import { teamsHandlers } from './teams.js';
import { trendsHandlers } from './trends.js';
import type { CallContext, Handlers, ServiceDeps } from './types.js';

/** The composition root: one handler map per domain, merged. Wiring only. */
export function createHandlers(deps: ServiceDeps): Handlers {
  const imports = importService(deps);
  return {
    ...imports.handlers,
    ...caseloadHandlers(deps),
    ...teamsHandlers(deps),
    ...demoHandlers(deps, imports),
    ...reviewsHandlers(deps),
    ...exportHandlers(deps),
    ...auditHandlers(deps),
    ...flagsHandlers(deps),
    ...casesHandlers(deps),
    ...settingsHandlers(deps),
    ...profileHandlers(deps),
    ...teamHandlers(deps),
    ...trendsHandlers(deps),
    ...sampleHandlers(deps),
  };
}

export interface Service {
  call<O extends Operation>(op: O, input: InputOf<O>, ctx?: CallContext): Promise<Result<ResultOf<O>>>;
  close(): void;
}

export function createService(given: ServiceDeps): Service {
  // A review recorded, amended or withdrawn refreshes its case's flags (db/reviews never imports db/rules).
  const deps: ServiceDeps = { onCasesChanged: refreshCases(given), ...given };
  const handlers = createHandlers(deps);
  const audit = auditTrail(deps).hook;
  return {
    call: (op, input, ctx) => dispatch(handlers, op, input, ctx, audit),
    close: () => {
      deps.db.close();
    },
  };
}

export type { ServiceDeps } from './types.js';
