import { AuditLog } from '../audit/log.js';
import { verifyChain } from '../audit/verify.js';
import { DomainError } from '../errors.js';
import { verifyExportFile } from '../export/verify.js';
import { installationKeyIfAny } from '../signing/installation.js';
import type { AuditVerification } from '../contract/index.js';
import { checkCheckpoints } from '../audit/checkpoints.js';
import type { HandlerDeps, Handlers } from './types.js';

export function auditHandlers(deps: HandlerDeps): Pick<Handlers, 'audit:verify' | 'audit:list'> {
  const log = new AuditLog(deps.db, deps.now);
  return {
    'audit:verify': async (input) => withCheckpoints(await againstExport(input.against)),
    'audit:list': (input, ctx) => Promise.resolve(deps.uow.run('audit:list', input, ctx, () => log.list(input))),
  };

  /** The chain, then every signed checkpoint outside the database (db/audit/checkpoints.ts). */
  function withCheckpoints(result: AuditVerification): AuditVerification {
    const check = checkCheckpoints(deps.db, () => installationKeyIfAny(deps.db, deps.signingKey));
    const checkpoints = { checked: check.checked, rolledBack: check.rolledBack };
    if (!result.intact || !check.broken) return { ...result, checkpoints };
    return { ...result, intact: false, firstBroken: check.broken, checkpoints };
  }

  async function againstExport(path: string | undefined): Promise<AuditVerification> {
    if (!path) return verifyChain(deps.db);
    const exported = await verifyExportFile(path, { installation: installationKeyIfAny(deps.db, deps.signingKey) });
    if (!exported.intact || !exported.meta || !exported.digest) {
      throw new DomainError('invalid-input', `against: ${path} is not an intact export (${exported.reason ?? 'no header'}), so its chain head cannot be trusted`, 'against');
    }
    const head = exported.meta.chainHead;
    const result = verifyChain(deps.db, head);
    const disclosureEntryId = log.disclosureOf(exported.digest, head?.id ?? 0);
    const against = { path: path, chainHead: head, disclosureEntryId };
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
  }
}
