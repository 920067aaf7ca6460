import type { Operation, ParsedInputOf, ResultOf } from '../contract/index.js';
import { AuditLog, type AuditDraft } from '../audit/log.js';
import { stampRows, type RowSelector } from '../audit/rows.js';
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

/** The first entry carries the digest of the rows the call wrote, so an edit to them later breaks `audit verify`. */
function withRowStamps(db: ServiceDeps['db'], drafts: AuditDraft[], selectors: RowSelector[] | undefined): AuditDraft[] {
  const [first, ...rest] = drafts;
  if (!first || !selectors?.length) return drafts;
  return [{ ...first, details: { ...first.details, rows: stampRows(db, selectors) } }, ...rest];
}

export function unitOfWork(deps: Pick<ServiceDeps, 'db' | 'now' | 'osUser'>): UnitOfWork {
  const log = new AuditLog(deps.db, deps.now);
  const ran = new WeakSet<CallContext>();
  return {
    run: (op, input, ctx, work) => {
      const result = deps.db.transaction(() => {
        const value = work();
        const rule = auditRule(op);
        if (rule && !('notLogged' in rule)) log.append(op, withRowStamps(deps.db, rule.entries(input, value), rule.rows?.(input, value)), { osUser: deps.osUser, appUser: ctx.appUser ?? null });
        return value;
      })();
      ran.add(ctx);
      return result;
    },
    ran: (ctx) => ran.has(ctx),
  };
}
