import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
let built: Promise<string> | undefined;

/**
 * For tests: the check's worker bundled as scripts/build.mjs bundles it, into a folder inside the
 * repository (so it finds better-sqlite3 in node_modules), once per test file.
 */
export function checkWorkerFile(): Promise<string> {
  built ??= (async () => {
    const root = join(repoRoot, '.test-results');
    mkdirSync(root, { recursive: true });
    const outfile = join(mkdtempSync(join(root, 'check-worker-')), 'check-worker.mjs');
    await build({ entryPoints: [join(repoRoot, 'db/backup/check-worker.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'silent' });
    return outfile;
  })();
  return built;
}
