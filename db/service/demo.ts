import { join } from 'node:path';
import { generateExtract } from '../generate/index.js';
import { runImport } from '../import/run-import.js';
import { londonToday } from '../dates.js';
import type { Handlers, ServiceDeps } from './types.js';

/** A PDU-sized synthetic caseload, generated beside the database and imported, for a first look. */
export function demoHandlers(deps: ServiceDeps): Pick<Handlers, 'demo:load'> {
  return {
    'demo:load': async (input, ctx) => {
      const asOf = input.asOf ?? londonToday(deps.now());
      const dir = join(deps.dataDir, `demo-extract-${asOf}-seed-${input.seed}`);
      await generateExtract({ outDir: dir, scale: 'pdu', seed: input.seed, asOf, ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}) });
      const report = await runImport(deps.db, {
        paths: [dir],
        skipInvalid: false,
        commit: true,
        osUser: deps.osUser,
        now: deps.now,
        ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
      });
      return { dir, report };
    },
  };
}
