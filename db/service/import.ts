import { DomainError } from '../errors.js';
import { runImport } from '../import/run-import.js';
import type { ImportLimits } from '../import/limits.js';
import { refreshAfterImport } from './flags.js';
import type { Handlers, ServiceDeps } from './types.js';

export function importHandlers(deps: ServiceDeps, limits?: Partial<ImportLimits>): Pick<Handlers, 'import:preview' | 'import:commit'> {
  // Staging tables belong to the one connection: two imports at once would share them.
  let running = false;
  const run = async (input: Parameters<Handlers['import:preview']>[0], ctx: Parameters<Handlers['import:preview']>[1], commit: boolean) => {
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
      });
      if (report.committed) {
        const refresh = () => {
          refreshAfterImport(deps);
        };
        // After the audit entry, when called through dispatch: see CallContext.afterAudit.
        if (ctx.afterAudit) ctx.afterAudit(refresh);
        else refresh();
      }
      return report;
    } finally {
      running = false;
    }
  };
  return {
    'import:preview': (input, ctx) => run(input, ctx, false),
    'import:commit': (input, ctx) => run(input, ctx, true),
  };
}
