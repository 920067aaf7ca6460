import type { Operation, ParsedInputOf, ResultOf } from '../contract/index.js';
import { AuditLog, type Actor } from '../audit/log.js';
import { verifyChain } from '../audit/verify.js';
import { DomainError } from '../errors.js';
import { verifyExportFile } from '../export/verify.js';
import { auditRule } from './audit-map.js';
import type { AuditHook } from './dispatch.js';
import type { CallContext, Handlers, ServiceDeps } from './types.js';

export interface AuditTrail {
  log: AuditLog;
  /** Writes the entries the audit map gives for one call. Handlers call it inside their transaction. */
  write<O extends Operation>(op: O, input: ParsedInputOf<O>, result: ResultOf<O>, ctx: CallContext): void;
  /** For dispatch: writes after a successful call, unless the handler already did in its transaction. */
  hook: AuditHook;
}

export function auditTrail(deps: ServiceDeps): AuditTrail {
  const log = new AuditLog(deps.db, deps.now);
  const actor = (ctx: CallContext): Actor => ({ osUser: deps.osUser, appUser: ctx.appUser ?? null });
  const write = <O extends Operation>(op: O, input: ParsedInputOf<O>, result: ResultOf<O>, ctx: CallContext): void => {
    const rule = auditRule(op);
    if (!rule || 'notLogged' in rule) return;
    log.append(op, rule.entries(input, result), actor(ctx));
  };
  return {
    log,
    write,
    hook: (op, input, result, ctx) => {
      const rule = auditRule(op);
      if (!rule || 'notLogged' in rule || rule.inTransaction) return;
      write(op, input, result, ctx);
    },
  };
}

export function auditHandlers(deps: ServiceDeps): Pick<Handlers, 'audit:verify' | 'audit:list'> {
  const trail = auditTrail(deps);
  return {
    'audit:verify': async (input) => {
      if (!input.against) return verifyChain(deps.db);
      const exported = await verifyExportFile(input.against);
      if (!exported.intact || !exported.meta || !exported.digest) {
        throw new DomainError('invalid-input', `against: ${input.against} is not an intact export (${exported.reason ?? 'no header'}), so its chain head cannot be trusted`, 'against');
      }
      const head = exported.meta.chainHead;
      const result = verifyChain(deps.db, head);
      const disclosureEntryId = trail.log.disclosureOf(exported.digest, head?.id ?? 0);
      const against = { path: input.against, chainHead: head, disclosureEntryId };
      if (result.intact && disclosureEntryId === null) {
        // The export's own disclosure entry came after its chain head; it is gone too.
        const after = head?.id ?? 0;
        return {
          ...result,
          intact: false,
          firstBroken: { id: after + 1, reason: `the disclosure of this export (digest ${exported.digest.slice(0, 12)}…) is not in the log after entry ${after}: the last entries were deleted, or the export comes from another database` },
          against,
        };
      }
      return { ...result, against };
    },
    'audit:list': (input) => Promise.resolve(trail.log.list(input)),
  };
}
