import { AuditLog } from '../audit/log.js';
import { exportLog } from '../export/export-log.js';
import { verifyExportFile } from '../export/verify.js';
import type { HandlerDeps, Handlers } from './types.js';

export function exportHandlers(deps: HandlerDeps): Pick<Handlers, 'log:export' | 'log:verify'> {
  const audit = new AuditLog(deps.db, deps.now);
  return {
    // The disclosure entry is written once the file is in place (audit-map.ts).
    'log:export': async (input, ctx) => {
      const result = await exportLog(deps.db, input, { osUser: deps.osUser, appUser: ctx.appUser ?? null, now: deps.now, chainHead: audit.head() });
      return deps.uow.run('log:export', input, ctx, () => result);
    },
    'log:verify': async (input) => {
      const result = await verifyExportFile(input.path);
      const entry = result.intact && result.digest ? audit.disclosureOf(result.digest) : null;
      return entry === null ? result : { ...result, disclosureEntryId: entry };
    },
  };
}
