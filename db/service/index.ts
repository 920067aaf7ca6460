import type { InputOf, Operation, Result, ResultOf } from '../contract/index.js';
import { actionsHandlers } from './actions.js';
import { auditHandlers } from './audit.js';
import { auditRule } from './audit-map.js';
import { caseloadHandlers } from './caseload.js';
import { casesHandlers } from './cases.js';
import { demoHandlers } from './demo.js';
import { dispatch } from './dispatch.js';
import { exportHandlers } from './export.js';
import { flagsHandlers, refreshCases } from './flags.js';
import { healthHandlers } from './health.js';
import { importService } from './import.js';
import { profileHandlers } from './profile.js';
import { reviewsHandlers } from './reviews.js';
import { sampleHandlers } from './sample.js';
import { settingsHandlers } from './settings.js';
import { teamHandlers } from './team.js';
import { teamsHandlers } from './teams.js';
import { trendsHandlers } from './trends.js';
import type { CallContext, HandlerDeps, Handlers, ServiceDeps } from './types.js';
import { unitOfWork } from './unit-of-work.js';

/** The composition root: one handler map per domain, merged. Wiring only. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const imports = importService(deps);
  return {
    ...imports.handlers,
    ...caseloadHandlers(deps),
    ...teamsHandlers(deps),
    ...demoHandlers(deps, imports),
    ...reviewsHandlers(deps),
    ...actionsHandlers(deps),
    ...exportHandlers(deps),
    ...auditHandlers(deps),
    ...flagsHandlers(deps),
    ...casesHandlers(deps),
    ...settingsHandlers(deps),
    ...profileHandlers(deps),
    ...teamHandlers(deps),
    ...trendsHandlers(deps),
    ...sampleHandlers(deps),
    ...healthHandlers(deps),
  };
}

export interface Service {
  call<O extends Operation>(op: O, input: InputOf<O>, ctx?: CallContext): Promise<Result<ResultOf<O>>>;
  close(): void;
}

export function createService(given: ServiceDeps): Service {
  // A review recorded, amended or withdrawn refreshes its case's flags (db/reviews never imports db/rules).
  const base: ServiceDeps = { onCasesChanged: refreshCases(given), ...given };
  const deps: HandlerDeps = { ...base, uow: unitOfWork(base) };
  const handlers = createHandlers(deps);
  // Every logged operation writes its entries in its handler's unit of work; dispatch withholds an answer that did not.
  const unlogged = (op: Operation, call: CallContext): boolean => {
    const rule = auditRule(op);
    return rule !== undefined && !('notLogged' in rule) && !deps.uow.ran(call);
  };
  return {
    call: (op, input, ctx) => dispatch(handlers, op, input, ctx, unlogged),
    close: () => {
      deps.db.close();
    },
  };
}

export type { ServiceDeps } from './types.js';
