import type { InputOf, Operation, Result, ResultOf } from '../contract.js';
import { caseloadHandlers } from './caseload.js';
import { demoHandlers } from './demo.js';
import { dispatch } from './dispatch.js';
import { importHandlers } from './import.js';
import type { CallContext, Handlers, ServiceDeps } from './types.js';

/** The composition root: one handler map per domain, merged. Wiring only. */
export function createHandlers(deps: ServiceDeps): Handlers {
  return {
    ...importHandlers(deps),
    ...caseloadHandlers(deps),
    ...demoHandlers(deps),
  };
}

export interface Service {
  call<O extends Operation>(op: O, input: InputOf<O>, ctx?: CallContext): Promise<Result<ResultOf<O>>>;
  close(): void;
}

export function createService(deps: ServiceDeps): Service {
  const handlers = createHandlers(deps);
  return {
    call: (op, input, ctx) => dispatch(handlers, op, input, ctx),
    close: () => {
      deps.db.close();
    },
  };
}

export type { ServiceDeps } from './types.js';
