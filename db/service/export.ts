import { AuditLog } from '../audit/log.js';
import { checkpoint } from '../audit/checkpoints.js';
import { exportLog, type Exporter } from '../export/export-log.js';
import { verifyExportFile } from '../export/verify.js';
import type { ExportResult } from '../contract/index.js';
import { installationKeyIfAny, installationSigningKey } from '../signing/installation.js';
import type { CallContext, HandlerDeps, Handlers } from './types.js';

export function exportHandlers(deps: HandlerDeps): Pick<Handlers, 'log:export' | 'log:verify'> {
  const audit = new AuditLog(deps.db, deps.now);
  const profile = deps.db.prepare<[string], { name: string; staff_code: string; team_code: string; team_name: string | null }>(
    `SELECT u.name, u.staff_code, u.team_code, (SELECT team_name FROM staff s WHERE s.team_code = u.team_code AND team_name IS NOT NULL LIMIT 1) AS team_name
     FROM app_users u WHERE u.os_user = ?`,
  );
  /** The signed-in user's profile (who the host named as the app user), with their team's name from the staff file. */
  const exporter = (ctx: CallContext): Exporter | null => {
    const p = ctx.appUser ? profile.get(deps.osUser) : undefined;
    return p ? { name: p.name, staffCode: p.staff_code, team: { code: p.team_code, name: p.team_name } } : null;
  };
  return {
    // The disclosure entry (audit-map.ts) commits after the file is written and before it is put in place.
    'log:export': async (input, ctx) => {
      let logged: ExportResult | undefined;
      const signer = installationSigningKey(deps.db, deps.signingKey);
      const context = { osUser: deps.osUser, appUser: ctx.appUser ?? null, exporter: exporter(ctx), now: deps.now, chainHead: audit.head(), signer };
      await exportLog(deps.db, input, context, (result) => {
        logged = deps.uow.run('log:export', input, ctx, () => result);
      });
      if (!logged) throw new Error('the export was written without its disclosure entry');
      checkpoint(deps.db, audit.head(), 'export', signer, deps.now);
      return logged;
    },
    'log:verify': async (input) => {
      const result = await verifyExportFile(input.path, { installation: installationKeyIfAny(deps.db, deps.signingKey) });
      const entry = result.intact && result.digest ? audit.disclosureOf(result.digest) : null;
      return entry === null ? result : { ...result, disclosureEntryId: entry };
    },
  };
}
