import { mkdirSync, mkdtempSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const built = new Map<string, Promise<string>>();

/**
 * For tests: a worker's entry (a path from the repository root) bundled as scripts/build.mjs
 * bundles it, into a folder inside the repository (so it finds better-sqlite3 in node_modules),
 * once per test file.
 */
export function bundledWorker(entry: string): Promise<string> {
  let file = built.get(entry);
  if (!file) {
    file = (async () => {
      const root = join(repoRoot, '.test-results');
      mkdirSync(root, { recursive: true });
      const name = basename(entry, '.ts');
      const outfile = join(mkdtempSync(join(root, `${name}-`)), `${name}.mjs`);
      await build({ entryPoints: [join(repoRoot, entry)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'silent' });
      return outfile;
    })();
    built.set(entry, file);
  }
  return file;
}
