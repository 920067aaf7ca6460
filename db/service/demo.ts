import { join } from 'node:path';
import { londonToday } from '../contract/dates.js';
import type { Imports } from './import.js';
import type { HandlerDeps, Handlers } from './types.js';

/** A PDU-sized synthetic caseload, generated beside the database and imported, for a first look. */
export function demoHandlers(deps: HandlerDeps, imports: Imports): Pick<Handlers, 'demo:load'> {
  return {
    'demo:load': async (input, ctx) => {
      const asOf = input.asOf ?? londonToday(deps.now());
      const dir = join(deps.dataDir, `demo-extract-${asOf}-seed-${input.seed}`);
      // The generator loads only for the demo: no other call needs it.
      const { generateExtract } = await import('../generate/index.js');
      await generateExtract({ outDir: dir, scale: 'pdu', seed: input.seed, asOf, ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}) });
      // The same path as a user's import: one import at a time, logged in its unit of work, flags refreshed afterwards.
      return imports.staged({ paths: [dir], skipInvalid: false }, ctx, (extract) =>
        deps.uow.run('demo:load', input, ctx, () => ({ dir, report: extract.commit() })),
      );
    },
  };
}
