import type { ParsedInputOf } from '../contract/index.js';
import { DomainError } from '../errors.js';
import { stageImport, type StagedImport } from '../import/run-import.js';
import type { ImportLimits } from '../import/limits.js';
import { refreshAfterImport } from './flags.js';
import type { CallContext, HandlerDeps, Handlers } from './types.js';

type ImportInput = ParsedInputOf<'import:commit'>;

export interface Imports {
  handlers: Pick<Handlers, 'import:preview' | 'import:commit'>;
  /**
   * Reads and stages an extract and hands it to `use`, which previews it or commits it in the
   * caller's unit of work (with the caller's audit entry); today's flags refresh after a commit.
   */
  staged<T>(input: ImportInput, ctx: CallContext, use: (staged: StagedImport) => T): Promise<T>;
}

export function importService(deps: HandlerDeps, limits?: Partial<ImportLimits>): Imports {
  // Staging tables belong to the one connection: two imports at once would share them.
  let running = false;
  const staged: Imports['staged'] = async (input, ctx, use) => {
    if (running) throw new DomainError('conflict', 'an import is already running; wait for it to finish');
    running = true;
    try {
      const extract = await stageImport(deps.db, {
        paths: input.paths,
        encoding: input.encoding,
        skipInvalid: input.skipInvalid,
        osUser: deps.osUser,
        now: deps.now,
        ...(limits ? { limits } : {}),
        ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
      });
      let result;
      try {
        result = use(extract);
      } finally {
        extract.close();
      }
      if (extract.committed) refreshAfterImport(deps);
      return result;
    } finally {
      running = false;
    }
  };
  return {
    handlers: {
      'import:preview': (input, ctx) => staged(input, ctx, (extract) => extract.preview),
      // The collection and combination entries commit with the import in its unit of work, so no committed import goes unlogged.
      'import:commit': (input, ctx) => staged(input, ctx, (extract) => deps.uow.run('import:commit', input, ctx, () => extract.commit())),
    },
    staged,
  };
}
