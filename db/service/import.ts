import type { ImportReport, ParsedInputOf } from '../contract/index.js';
import { DomainError } from '../errors.js';
import { runImport } from '../import/run-import.js';
import type { ImportLimits } from '../import/limits.js';
import { auditTrail } from './audit.js';
import { refreshAfterImport } from './flags.js';
import type { CallContext, Handlers, ServiceDeps } from './types.js';

type ImportInput = ParsedInputOf<'import:commit'>;

export interface Imports {
  handlers: Pick<Handlers, 'import:preview' | 'import:commit'>;
  /**
   * Commits an extract for another operation (the demo caseload), which writes its own audit
   * entry in `within`, inside the import's transaction.
   */
  commit(input: ImportInput, ctx: CallContext, within: (report: ImportReport) => void): Promise<ImportReport>;
}

export function importService(deps: ServiceDeps, limits?: Partial<ImportLimits>): Imports {
  const trail = auditTrail(deps);
  // Staging tables belong to the one connection: two imports at once would share them.
  let running = false;
  const run = async (input: ImportInput, ctx: CallContext, commit: boolean, within?: (report: ImportReport) => void) => {
    if (running) throw new DomainError('conflict', 'an import is already running; wait for it to finish');
    running = true;
    try {
      const report = await runImport(deps.db, {
        paths: input.paths,
        encoding: input.encoding,
        skipInvalid: input.skipInvalid,
        commit,
        osUser: deps.osUser,
        now: deps.now,
        ...(limits ? { limits } : {}),
        ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
        ...(within ? { withinCommit: within } : {}),
      });
      if (report.committed) refreshAfterImport(deps);
      return report;
    } finally {
      running = false;
    }
  };
  return {
    handlers: {
      'import:preview': (input, ctx) => run(input, ctx, false),
      // The collection and combination entries are written in the commit's transaction
      // (audit-map.ts marks the op inTransaction), so no committed import goes unlogged.
      'import:commit': (input, ctx) =>
        run(input, ctx, true, (report) => {
          trail.write('import:commit', input, report, ctx);
        }),
    },
    commit: (input, ctx, within) => run(input, ctx, true, within),
  };
}
