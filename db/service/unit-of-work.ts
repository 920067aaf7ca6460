import type { Operation, ParsedInputOf, ResultOf } from '../contract/index.js';
import { AuditLog } from '../audit/log.js';
import { auditRule } from './audit-map.js';
import type { CallContext, ServiceDeps } from './types.js';

/**
 * The service's unit of work: what a handler reads and writes, and the DPA 2018 s.62 audit entries
 * the audit map (audit-map.ts) gives for its result, in one transaction. They commit together or
 * not at all, so nothing is changed unlogged, and what cannot be logged is never shown.
 * Repositories and engines open no transaction of their own for a call: the handler does, here.
 */
export interface UnitOfWork {
  run<O extends Operation>(op: O, input: ParsedInputOf<O>, ctx: CallContext, work: () => ResultOf<O>): ResultOf<O>;
  /** Whether the call with this context ran its unit of work (dispatch checks every logged call did). */
  ran(ctx: CallContext): boolean;
}

export function unitOfWork(deps: Pick<ServiceDeps, 'db' | 'now' | 'osUser'>): UnitOfWork {
  const log = new AuditLog(deps.db, deps.now);
  const ran = new WeakSet<CallContext>();
  return {
    run: (op, input, ctx, work) => {
      const result = deps.db.transaction(() => {
        const value = work();
        const rule = auditRule(op);
        if (rule && !('notLogged' in rule)) log.append(op, rule.entries(input, value), { osUser: deps.osUser, appUser: ctx.appUser ?? null });
        return value;
      })();
      ran.add(ctx);
      return result;
    },
    ran: (ctx) => ran.has(ctx),
  };
}
