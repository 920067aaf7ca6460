// Bundles the engine's Node entry points with esbuild; node_modules stay external (better-sqlite3 is native).
// Then the desktop shell (dist/electron/) and the renderer (dist/renderer/, with Vite).
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

await build({
  // The workers, started by file: check-worker, the start-up check (the preview host and the bench);
  // sweep-worker, half of the trend chart's first computation (the preview host, the CLI, the bench).
  entryPoints: {
    cli: 'db/hosts/cli/main.ts',
    bench: 'bench/main.ts',
    preview: 'db/hosts/preview/main.ts',
    'check-worker': 'db/backup/check-worker.ts',
    'sweep-worker': 'db/team/sweep-worker.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Each CLI command is its own chunk, loaded when it runs (db/hosts/cli/main.ts): --help loads no engine.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// The Electron main process: an ES module (Electron 41 loads ESM mains); node_modules stay external.
await build({
  // The start-up check's and the trend sweep's worker threads, started from main.mjs by file.
  entryPoints: { main: 'electron/main.ts', 'check-worker': 'db/backup/check-worker.ts', 'sweep-worker': 'db/team/sweep-worker.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// The preload runs sandboxed: CommonJS, and everything it imports bundled in except `electron`.
await build({
  entryPoints: { preload: 'electron/preload.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'chrome130',
  external: ['electron'],
  // The preload takes only the contract's plain operation list and bridge words (no zod); minified, it stays small to parse.
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});

// `electron dist/electron` reads this: the app's name (and so its user-data folder) and version.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
writeFileSync(
  'dist/electron/package.json',
  `${JSON.stringify({ name: pkg.name, productName: 'SPO Oversight', version: pkg.version, type: 'module', main: 'main.mjs' }, null, 2)}\n`,
);

await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
