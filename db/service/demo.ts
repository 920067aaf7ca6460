import { join } from 'node:path';
import { generateExtract } from '../generate/index.js';
import { londonToday } from '../contract/dates.js';
import { auditTrail } from './audit.js';
import type { Imports } from './import.js';
import type { Handlers, ServiceDeps } from './types.js';

/** A PDU-sized synthetic caseload, generated beside the database and imported, for a first look. */
export function demoHandlers(deps: ServiceDeps, imports: Imports): Pick<Handlers, 'demo:load'> {
  const trail = auditTrail(deps);
  return {
    'demo:load': async (input, ctx) => {
      const asOf = input.asOf ?? londonToday(deps.now());
      const dir = join(deps.dataDir, `demo-extract-${asOf}-seed-${input.seed}`);
      await generateExtract({ outDir: dir, scale: 'pdu', seed: input.seed, asOf, ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}) });
      // The same path as a user's import: one import at a time, logged in its transaction, flags refreshed afterwards.
      const report = await imports.commit({ paths: [dir], skipInvalid: false }, ctx, (committed) => {
        trail.write('demo:load', input, { dir, report: committed }, ctx);
      });
      return { dir, report };
    },
  };
}
