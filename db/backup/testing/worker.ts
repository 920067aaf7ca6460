import { bundledWorker } from '../../testing/worker-bundle.js';

/** For tests: the start-up check's worker, bundled as scripts/build.mjs bundles it. */
export function checkWorkerFile(): Promise<string> {
  return bundledWorker('db/backup/check-worker.ts');
}
